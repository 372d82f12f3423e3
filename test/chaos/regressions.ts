import { readFileSync } from 'node:fs';
import type { ChaosCase, PackageSpec } from './cases.js';

/**
 * Every failure a chaos run found, kept as a fixed regression case with what went wrong.
 * `known` marks a failure still open in another part of bwsync; those run as expected
 * failures and are listed in docs/reliability.md until fixed.
 */
export interface Regression {
  note: string;
  known?: string;
  /** The YAML must be refused at validation with this diagnostic code (and nothing applied). */
  rejectedWith?: string;
  case: ChaosCase;
}

const none: PackageSpec = { live: null, desired: { intent: 'omit', manageMembers: false } };

/** A case with nothing live and nothing declared, to build small regression cases from. */
function emptyCase(): ChaosCase {
  const region = {
    packages: [none, none, none],
    eips: Array.from({ length: 6 }, () => ({ liveOwner: null, desiredOwner: null })),
    foreign: false,
    otherStack: false,
  };
  return {
    regions: [region, structuredClone(region)],
    cens: [none, none],
    cenOwners: [0, 1, 2].map(() => ({ live: null, desired: null })),
    gas: [none, none],
    gaAccelerators: [0, 1].map(() => ({ live: null, desired: null })),
    prune: false,
    faultSeed: 1,
    interrupt: null,
  };
}

function cenWithEmptyDescription(): ChaosCase {
  const c = emptyCase();
  c.cens[0] = {
    live: null,
    desired: { intent: 'present', bandwidth: 10, description: '', manageMembers: false },
  };
  c.faults = { rate: 0, kinds: [] };
  return c;
}

function cenDescriptionClearedToEmpty(): ChaosCase {
  const c = emptyCase();
  c.cens[0] = {
    live: { bandwidth: 10, description: 'one' },
    desired: { intent: 'present', description: '', manageMembers: false },
  };
  c.faults = { rate: 0, kinds: [] };
  return c;
}

function gaAttachLostBeforeArrival(): ChaosCase {
  const c = emptyCase();
  c.gas[0] = {
    live: { bandwidth: 50, description: 'one' },
    desired: { intent: 'present', manageMembers: true },
  };
  c.gaAccelerators[0] = { live: null, desired: 0 };
  // Every fault a connection reset: the BandwidthPackageAddAccelerator request is lost before
  // the emulator performs it, so the client reports an ambiguous outcome.
  c.faults = { rate: 0.5, kinds: ['reset'] };
  c.faultSeed = 3;
  return c;
}

function cenWithTwoCens(): ChaosCase {
  const c = emptyCase();
  c.cens[0] = {
    live: { bandwidth: 10, description: 'one' },
    desired: { intent: 'present', manageMembers: true },
  };
  c.cenOwners[0] = { live: 0, desired: 0 };
  c.cenOwners[1] = { live: null, desired: 0 };
  c.faults = { rate: 0, kinds: [] };
  return c;
}

function gaCreateStoppedBeforeNaming(): ChaosCase {
  const c = emptyCase();
  c.gas[0] = {
    live: null,
    desired: { intent: 'present', bandwidth: 50, description: 'one', manageMembers: true },
  };
  c.gaAccelerators[0] = { live: null, desired: 0 };
  c.prune = true;
  // Killed when the naming step starts: the plan exists, tagged, with no name yet.
  c.interrupt = { afterSteps: 2, hard: true };
  c.faults = { rate: 0, kinds: [] };
  return c;
}

function capEqualToBandwidth(): ChaosCase {
  const c = emptyCase();
  c.regions[0]!.packages[0] = {
    live: null,
    desired: { intent: 'present', bandwidth: 2, manageMembers: true },
  };
  c.regions[0]!.eips[0] = { liveOwner: null, desiredOwner: 0, cap: 2 };
  c.faults = { rate: 0, kinds: [] };
  return c;
}

/** Random cases that failed, kept whole as JSON (cases too large to rebuild by hand). */
function foundCases(): Regression[] {
  const text = readFileSync(new URL('./found-cases.json', import.meta.url), 'utf8');
  return JSON.parse(text) as Regression[];
}

export const REGRESSIONS: Regression[] = [
  {
    note: 'a CEN package declared with `description: ""` is refused at validation (found: chaos seed 7, case 4; was: CreateCenBandwidthPackage rejected the empty Description on every apply; fixed in 3a914be for creates, then in fdd45dd by the loader)',
    rejectedWith: 'bad-length',
    case: cenWithEmptyDescription(),
  },
  {
    note: 'clearing a CEN description to `""` is refused at validation (found: checking the fix above; was: ModifyCenBandwidthPackageAttribute rejected the empty Description on every apply; fixed in fdd45dd)',
    rejectedWith: 'bad-length',
    case: cenDescriptionClearedToEmpty(),
  },
  {
    note: 'a GA accelerator bind whose request was reset before arrival is re-sent at once (found: chaos seed 20261125, case 1; was: the executor waited for `binded`, a state only the lost write brings, until the wait timeout; fixed in 2693e47)',
    case: gaAttachLostBeforeArrival(),
  },
  {
    note: 'a CEN package declared with two CENs is refused at validation (found: chaos seed 42, cases 8, 11, 16, 22, 25; was: the second AssociateCenBandwidthPackage failed with InvalidOperation.BwpInstanceStatus on every apply, since a package serves one CEN; fixed by the loader: `cens` takes at most one id)',
    rejectedWith: 'bad-count',
    case: cenWithTwoCens(),
  },
  {
    note: 'a GA plan whose apply was killed between create and naming, with --prune (found: chaos seed 42, cases 15, 30; was: the next plan pruned the unnamed plan while the create, replayed with its ClientToken, returned it, and the apply waited for a deleted plan; fixed in 3a914be)',
    case: gaCreateStoppedBeforeNaming(),
  },
  {
    note: 'a per-IP cap equal to the package bandwidth (found: chaos seed 42, case 53; was: the cap read back as "no cap" and every plan set it again; fixed in 8174418)',
    case: capEqualToBandwidth(),
  },
  ...foundCases(),
];
