import { stringify } from 'yaml';
import type { SeedDocument } from '../../src/emulator/index.js';
import { STACK_TAG } from '../../src/model/kinds.js';
import {
  ACCELERATORS,
  CBWP_SLOTS,
  CEN_IDS,
  CEN_SLOTS,
  CHAOS_REGIONS,
  CHAOS_STACK,
  type ChaosCase,
  GA_SLOTS,
  OTHER_STACK,
  type PackageSpec,
} from './cases.js';

/** What the YAML of a case says, per package, in terms the checks can compare with the cloud. */
export interface Declared {
  kind: 'sharedBandwidth' | 'cenBandwidth' | 'gaBandwidth';
  region: string;
  name: string;
  intent: 'present' | 'absent';
  bandwidth?: number;
  /** Declared members (EIPs, CENs, accelerators); undefined = membership not managed. */
  members?: string[];
  /** sharedBandwidth: declared per-IP caps (null = no cap) of declared members. */
  caps?: Record<string, number | null>;
}

/** A percentage of a bandwidth as a whole-Mbit/s cap of at least 1. */
export function capOf(pct: number, bandwidth: number): number {
  return Math.max(1, Math.floor((pct * bandwidth) / 100));
}

const REGION_STEM: Record<string, string> = { 'cn-hangzhou': 'bp1', 'cn-shanghai': 'uf6' };

export function eipIdOf(region: string, index: number): string {
  return `eip-${REGION_STEM[region] ?? 'gw0'}chaos${String(index + 1).padStart(12, '0')}`;
}

const ours = { [STACK_TAG]: CHAOS_STACK };

function seedCbwps(c: ChaosCase): NonNullable<SeedDocument['commonBandwidthPackages']> {
  const out: NonNullable<SeedDocument['commonBandwidthPackages']> = [];
  c.regions.forEach((r, ri) => {
    const region = CHAOS_REGIONS[ri]!;
    const eipsOf = (owner: number | 'foreign') =>
      r.eips.flatMap((e, i) => (e.liveOwner === owner ? [eipIdOf(region, i)] : []));
    r.packages.forEach((p, si) => {
      if (p.live === null) return;
      const caps: Record<string, number> = {};
      r.eips.forEach((e, i) => {
        if (e.liveOwner === si && e.liveCapPct !== undefined && p.live)
          caps[eipIdOf(region, i)] = capOf(e.liveCapPct, p.live.bandwidth);
      });
      out.push({ region, name: CBWP_SLOTS[si]!, tags: ours, eips: eipsOf(si), caps, ...p.live });
    });
    if (r.foreign) out.push({ region, name: 'hand-made', bandwidth: 20, eips: eipsOf('foreign') });
    if (r.otherStack) out.push({ region, name: 'theirs', bandwidth: 30, tags: { [STACK_TAG]: OTHER_STACK } });
  });
  return out;
}

/** The cloud before the first apply. */
export function seedOf(c: ChaosCase): SeedDocument {
  const eips = CHAOS_REGIONS.flatMap((region, ri) =>
    (c.regions[ri]?.eips ?? []).map((_, i) => ({ id: eipIdOf(region, i), region })),
  );
  return {
    eips,
    cens: CEN_IDS.map((id) => ({ id })),
    accelerators: ACCELERATORS.map((id) => ({ id })),
    commonBandwidthPackages: seedCbwps(c),
    cenBandwidthPackages: c.cens.flatMap((p, si) => {
      if (p.live === null) return [];
      const slot = CEN_SLOTS[si]!;
      const cens = CEN_IDS.filter((_, i) => c.cenOwners[i]?.live === si);
      return [
        {
          name: slot.name,
          areaA: slot.areas[0],
          areaB: slot.areas[1],
          chargeType: 'POSTPAY' as const,
          cens,
          tags: ours,
          ...p.live,
        },
      ];
    }),
    gaBandwidthPackages: c.gas.flatMap((p, si) => {
      if (p.live === null) return [];
      const acc = c.gaAccelerators[si]?.live;
      const accelerators = acc === null || acc === undefined ? [] : [ACCELERATORS[acc]!];
      return [
        {
          name: GA_SLOTS[si]!,
          type: 'Basic' as const,
          bandwidthType: 'Basic' as const,
          chargeType: 'POSTPAY' as const,
          accelerators,
          tags: ours,
          ...p.live,
        },
      ];
    }),
  };
}

function declare(p: PackageSpec, base: Omit<Declared, 'intent'>, members: string[]): Declared | undefined {
  if (p.desired.intent === 'omit') return undefined;
  if (p.desired.intent === 'absent') return { ...base, intent: 'absent' };
  const bandwidth = p.desired.bandwidth ?? (p.live === null ? 10 : undefined);
  return {
    ...base,
    intent: 'present',
    ...(bandwidth === undefined ? {} : { bandwidth }),
    ...(p.desired.manageMembers ? { members } : {}),
  };
}

/** Every declaration of the case, in the checks' terms. */
export function declaredOf(c: ChaosCase): Declared[] {
  const out: Declared[] = [];
  c.regions.forEach((r, ri) => {
    const region = CHAOS_REGIONS[ri]!;
    r.packages.forEach((p, si) => {
      const members = r.eips.flatMap((e, i) => (e.desiredOwner === si ? [eipIdOf(region, i)] : []));
      const d = declare(p, { kind: 'sharedBandwidth', region, name: CBWP_SLOTS[si]! }, members);
      if (d?.members) d.caps = declaredCaps(r.eips, region, si, d.bandwidth ?? p.live?.bandwidth ?? 10);
      if (d) out.push(d);
    });
  });
  c.cens.forEach((p, si) => {
    const members = CEN_IDS.filter((_, i) => c.cenOwners[i]?.desired === si);
    const d = declare(p, { kind: 'cenBandwidth', region: 'global', name: CEN_SLOTS[si]!.name }, members);
    if (d) out.push(d);
  });
  c.gas.forEach((p, si) => {
    const acc = c.gaAccelerators[si]?.desired;
    const members = acc === null || acc === undefined ? [] : [ACCELERATORS[acc]!];
    const d = declare(p, { kind: 'gaBandwidth', region: 'global', name: GA_SLOTS[si]! }, members);
    if (d) out.push(d);
  });
  return out;
}

function declaredCaps(
  eips: ChaosCase['regions'][number]['eips'],
  region: string,
  slot: number,
  bandwidth: number,
): Record<string, number | null> {
  const caps: Record<string, number | null> = {};
  eips.forEach((e, i) => {
    if (e.desiredOwner !== slot) return;
    const id = eipIdOf(region, i);
    if (e.capPct !== undefined) caps[id] = capOf(e.capPct, bandwidth);
    else if (e.cap !== undefined) caps[id] = e.cap;
  });
  return caps;
}

type Entry = Record<string, unknown>;

function yamlEntry(d: Declared, spec: PackageSpec): Entry {
  const entry: Entry = { name: d.name };
  if (d.kind === 'sharedBandwidth') entry.region = d.region;
  if (d.intent === 'absent') return { ...entry, ensure: 'absent' };
  if (d.bandwidth !== undefined) entry.bandwidth = d.bandwidth;
  if (spec.desired.description !== undefined) entry.description = spec.desired.description;
  if (d.kind === 'sharedBandwidth') {
    const caps = d.caps ?? {};
    Object.assign(entry, { isp: 'BGP', internetChargeType: 'PayByBandwidth' });
    if (d.members) entry.ips = d.members.map((id) => (id in caps ? { id, bandwidth: caps[id] } : id));
  } else if (d.kind === 'cenBandwidth') {
    const slot = CEN_SLOTS.find((s) => s.name === d.name)!;
    Object.assign(entry, { areas: slot.areas, chargeType: 'POSTPAY' });
    if (d.members) entry.cens = d.members;
  } else {
    Object.assign(entry, { type: 'Basic', bandwidthType: 'Basic', chargeType: 'POSTPAY' });
    if (d.members) entry.accelerators = d.members;
  }
  return entry;
}

function specOf(c: ChaosCase, d: Declared): PackageSpec {
  if (d.kind === 'sharedBandwidth') {
    const ri = CHAOS_REGIONS.indexOf(d.region as (typeof CHAOS_REGIONS)[number]);
    return c.regions[ri]!.packages[CBWP_SLOTS.indexOf(d.name as (typeof CBWP_SLOTS)[number])]!;
  }
  if (d.kind === 'cenBandwidth') return c.cens[CEN_SLOTS.findIndex((s) => s.name === d.name)]!;
  return c.gas[GA_SLOTS.indexOf(d.name as (typeof GA_SLOTS)[number])]!;
}

/** The bwsync YAML of the case. */
export function yamlOf(c: ChaosCase): string {
  const declared = declaredOf(c);
  const section = (kind: Declared['kind']) =>
    declared.filter((d) => d.kind === kind).map((d) => yamlEntry(d, specOf(c, d)));
  const doc = {
    version: 1,
    stack: CHAOS_STACK,
    sharedBandwidth: section('sharedBandwidth'),
    cenBandwidth: section('cenBandwidth'),
    gaBandwidth: section('gaBandwidth'),
  };
  return stringify(doc);
}
