import fc from 'fast-check';
import type { FaultKind } from '../../src/emulator/index.js';

/**
 * A chaos case is plain data: a small cloud (what already exists, tagged with our stack, with
 * another stack, or untagged), a desired state over the same names, the fault seed and an
 * optional interruption. Immutable fields (ISP, charge types, CEN areas, GA type) are fixed per
 * slot so every case is a valid plan without --allow-replace.
 */
export const CHAOS_STACK = 'chaos';
export const OTHER_STACK = 'someone-else';
export const CHAOS_REGIONS = ['cn-hangzhou', 'cn-shanghai'] as const;
export const CBWP_SLOTS = ['web', 'api', 'db'] as const;
export const CEN_SLOTS = [
  { name: 'hz-sg', areas: ['China', 'Asia-Pacific'] as [string, string] },
  { name: 'hz-eu', areas: ['China', 'Europe'] as [string, string] },
] as const;
export const GA_SLOTS = ['edge', 'edge-2'] as const;
/** More than 10, so that adding EIPs to one package needs more than one batch call (≤ 10 ids). */
export const EIPS_PER_REGION = 12;
export const CEN_IDS = [
  'cen-chaos0000000000001',
  'cen-chaos0000000000002',
  'cen-chaos0000000000003',
] as const;
export const ACCELERATORS = [
  'ga-chaos00000000000001',
  'ga-chaos00000000000002',
  'ga-chaos00000000000003',
] as const;

export type Intent = 'omit' | 'present' | 'absent';

export interface PackageSpec {
  /** Live: does a package of our stack exist for this slot? */
  live: { bandwidth: number; description: string } | null;
  desired: { intent: Intent; bandwidth?: number; description?: string; manageMembers: boolean };
}

export interface EipSpec {
  /** Index into CBWP_SLOTS, 'foreign' (an untagged package), or null. */
  liveOwner: number | 'foreign' | null;
  desiredOwner: number | null;
  /** Declared cap: a number, null (= no cap), or undefined (don't care). */
  cap?: number | null;
  /** Declared cap as a percentage of the declared (else live) package bandwidth; wins over `cap`. */
  capPct?: number;
  /** Live cap as a percentage of the live package bandwidth (seeded). */
  liveCapPct?: number;
}

export interface RegionSpec {
  packages: PackageSpec[];
  eips: EipSpec[];
  /** An untagged package (not ours, never to be touched). */
  foreign: boolean;
  /** A package tagged with another stack (never to be touched). */
  otherStack: boolean;
  /** Every EIP of the region not in someone else's package is declared in the first package. */
  bulk?: boolean;
}

export interface ChaosCase {
  regions: RegionSpec[];
  cens: PackageSpec[];
  /** For each CEN instance: the live and desired owner slot. */
  cenOwners: { live: number | null; desired: number | null }[];
  gas: PackageSpec[];
  /** For each GA slot: the accelerator index it is bound to, live and desired. */
  gaAccelerators: { live: number | null; desired: number | null }[];
  prune: boolean;
  faultSeed: number;
  /**
   * Stop apply number `round` (default 1) after this many steps have started; `hard` also
   * abandons in-flight calls, like a kill.
   */
  interrupt: { afterSteps: number; hard: boolean; round?: number } | null;
  /** Regression cases may narrow the faults to pin a failure down; default 20% of every kind. */
  faults?: { rate: number; kinds: FaultKind[] };
}

const intent = fc.constantFrom<Intent>('omit', 'present', 'present', 'present', 'absent');
const description = fc.constantFrom('', 'one', 'two');
/** The loader rejects an empty CEN description (`bad-length`): the API takes 1–256 characters. */
const cenDescription = fc.constantFrom('one', 'two');

function packageSpec(min: number, max: number, desc = description): fc.Arbitrary<PackageSpec> {
  return fc.record({
    live: fc.option(fc.record({ bandwidth: fc.integer({ min, max }), description: desc }), { freq: 2 }),
    desired: fc.record(
      {
        intent,
        bandwidth: fc.integer({ min, max }),
        description: desc,
        manageMembers: fc.boolean(),
      },
      { requiredKeys: ['intent', 'manageMembers'] },
    ),
  });
}

const owner = (n: number) => fc.option(fc.nat({ max: n - 1 }), { freq: 3 });

/** A declared cap is a percentage of the package bandwidth, an explicit null, or not declared. */
const declaredCap = fc.oneof(
  fc.constant({}),
  fc.constant({ cap: null }),
  fc.integer({ min: 1, max: 100 }).map((capPct) => ({ capPct })),
);

const eipSpec: fc.Arbitrary<EipSpec> = fc
  .tuple(
    fc.oneof(owner(CBWP_SLOTS.length), fc.constant<'foreign'>('foreign')),
    owner(CBWP_SLOTS.length),
    declaredCap,
    fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
  )
  .map(([liveOwner, desiredOwner, cap, liveCapPct]): EipSpec => {
    // An EIP in someone else's package is never declared in ours.
    if (liveOwner === 'foreign') return { liveOwner, desiredOwner: null };
    return { liveOwner, desiredOwner, ...cap, ...(liveCapPct === undefined ? {} : { liveCapPct }) };
  });

const regionSpec: fc.Arbitrary<RegionSpec> = fc.record({
  packages: fc.array(packageSpec(2, 500), {
    minLength: CBWP_SLOTS.length,
    maxLength: CBWP_SLOTS.length,
  }),
  eips: fc.array(eipSpec, { minLength: EIPS_PER_REGION, maxLength: EIPS_PER_REGION }),
  foreign: fc.boolean(),
  otherStack: fc.boolean(),
  bulk: fc.constantFrom(false, false, false, true),
});

/** Each GA plan gets at most one accelerator, and no accelerator is given to two plans. */
const gaAccelerators = fc
  .tuple(fc.shuffledSubarray([0, 1, 2, null, null]), fc.shuffledSubarray([0, 1, 2, null, null]))
  .map(([live, desired]) => GA_SLOTS.map((_, i) => ({ live: live[i] ?? null, desired: desired[i] ?? null })));

/** A live package of ours that the YAML leaves undeclared and --prune does not delete. */
function untouchable(p: PackageSpec | undefined, prune: boolean): boolean {
  return p?.live !== null && p?.live !== undefined && p.desired.intent === 'omit' && !prune;
}

/**
 * SPEC §3: an undeclared package is never touched without --prune, so the planner rightly
 * refuses to take a member out of one. Such members are not wanted elsewhere in a case.
 * While `cen-one-cen-per-package` is open, a CEN package gets at most one CEN.
 */
function withoutForbiddenMoves(c: ChaosCase): ChaosCase {
  for (const r of c.regions.filter((x) => x.bulk)) {
    for (const e of r.eips) if (e.liveOwner !== 'foreign') e.desiredOwner = 0;
  }
  c.regions.forEach((r) => {
    r.eips.forEach((e, i) => {
      const owner = e.liveOwner;
      if (typeof owner === 'number' && e.desiredOwner !== owner && untouchable(r.packages[owner], c.prune)) {
        r.eips[i] = { liveOwner: owner, desiredOwner: null };
      }
    });
  });
  for (const side of ['live', 'desired'] as const) {
    const seen = new Set<number>();
    for (const o of c.cenOwners) {
      const slot = o[side];
      if (slot === null) continue;
      if (seen.has(slot)) o[side] = null;
      else seen.add(slot);
    }
  }
  c.gaAccelerators.forEach((a, slot) => {
    if (a.live === null) return;
    const other = c.gaAccelerators.findIndex((b, j) => j !== slot && b.desired === a.live);
    if (other >= 0 && untouchable(c.gas[slot], c.prune))
      c.gaAccelerators[other] = { live: c.gaAccelerators[other]!.live, desired: null };
  });
  return c;
}

const rawCase: fc.Arbitrary<ChaosCase> = fc.record({
  regions: fc.array(regionSpec, { minLength: CHAOS_REGIONS.length, maxLength: CHAOS_REGIONS.length }),
  cens: fc.array(packageSpec(2, 100, cenDescription), {
    minLength: CEN_SLOTS.length,
    maxLength: CEN_SLOTS.length,
  }),
  cenOwners: fc.array(fc.record({ live: owner(CEN_SLOTS.length), desired: owner(CEN_SLOTS.length) }), {
    minLength: CEN_IDS.length,
    maxLength: CEN_IDS.length,
  }),
  gas: fc.array(packageSpec(2, 300), { minLength: GA_SLOTS.length, maxLength: GA_SLOTS.length }),
  gaAccelerators,
  prune: fc.boolean(),
  faultSeed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  interrupt: fc.option(
    fc.record({
      afterSteps: fc.integer({ min: 1, max: 6 }),
      hard: fc.boolean(),
      round: fc.integer({ min: 1, max: 2 }),
    }),
    {
      freq: 2,
    },
  ),
});

export const chaosCase: fc.Arbitrary<ChaosCase> = rawCase.map((c) =>
  withoutForbiddenMoves(structuredClone(c)),
);
