import { isoMinutes, isoSeconds, REGIONS, stemOf } from './context.js';
import { checkShape, SeedError } from './seed-shape.js';

export { SeedError };

import type { CloudState, EipRow } from './state.js';

type TagMap = Record<string, string>;

/** The `--seed` document (YAML or JSON). Every list is optional. */
export interface SeedDocument {
  /** Single EIPs, or `{region, count}` to generate many. */
  eips?: SeedEip[];
  cens?: { id?: string; name?: string; description?: string }[];
  accelerators?: { id?: string; name?: string; region?: string; spec?: string }[];
  commonBandwidthPackages?: SeedCbwp[];
  cenBandwidthPackages?: SeedCenBwp[];
  gaBandwidthPackages?: SeedGaBwp[];
}

export interface SeedEip {
  id?: string;
  region: string;
  count?: number;
  ipAddress?: string;
  name?: string;
  chargeType?: 'PostPaid' | 'PrePaid';
  isp?: string;
  bandwidth?: number;
}

export interface SeedCbwp {
  id?: string;
  region: string;
  name?: string;
  description?: string;
  bandwidth: number;
  isp?: string;
  internetChargeType?: string;
  chargeType?: 'PostPaid' | 'PrePaid';
  deletionProtection?: boolean;
  /** Overdue payment: BusinessStatus FinancialLocked, writes refused. */
  financialLocked?: boolean;
  tags?: TagMap;
  eips?: string[];
  /** Per-IP caps (Mbit/s) of member EIPs, as ModifyCommonBandwidthPackageIpBandwidth sets them. */
  caps?: Record<string, number>;
}

export interface SeedCenBwp {
  id?: string;
  name?: string;
  description?: string;
  bandwidth: number;
  areaA: string;
  areaB: string;
  chargeType?: 'PREPAY' | 'POSTPAY';
  cens?: string[];
  tags?: TagMap;
}

export interface SeedGaBwp {
  id?: string;
  name?: string;
  description?: string;
  bandwidth: number;
  type?: 'Basic' | 'CrossDomain';
  bandwidthType?: 'Basic' | 'Enhanced' | 'Advanced';
  chargeType?: 'PREPAY' | 'POSTPAY';
  accelerators?: string[];
  /** Overdue payment: State `finacialLocked` (sic), writes refused. */
  financialLocked?: boolean;
  tags?: TagMap;
}

function tagList(tags: TagMap | undefined): { Key: string; Value: string }[] {
  return Object.entries(tags ?? {}).map(([Key, Value]) => ({ Key, Value: String(Value) }));
}

function checkRegion(where: string, region: unknown): string {
  if (typeof region !== 'string' || !REGIONS.has(region))
    throw new SeedError(where, `unknown region ${JSON.stringify(region)}`);
  return region;
}

function ipFor(n: number): string {
  return `47.${96 + ((n >> 16) & 63)}.${(n >> 8) & 255}.${n & 255}`;
}

function addEip(state: CloudState, e: SeedEip, id: string, allocationTime: string): void {
  const n = state.eips.size + 1;
  const row: EipRow = {
    id,
    regionId: e.region,
    ipAddress: e.ipAddress ?? ipFor(n),
    name: e.name ?? '',
    description: '',
    chargeType: e.chargeType ?? 'PostPaid',
    internetChargeType: 'PayByTraffic',
    isp: e.isp ?? 'BGP',
    bandwidth: e.bandwidth ?? 5,
    status: 'Available',
    allocationTime,
    deletionProtection: false,
    resourceGroupId: 'rg-acfmdefault0000',
    tags: [],
  };
  state.eips.add(row);
}

function seedEips(state: CloudState, list: SeedEip[], now: number): void {
  const allocationTime = isoSeconds(now);
  list.forEach((e, i) => {
    const where = `eips[${i}]`;
    checkRegion(where, e.region);
    const count = e.count ?? 1;
    if (!Number.isInteger(count) || count < 1)
      throw new SeedError(where, '"count" must be a positive integer');
    if (e.id !== undefined && count > 1) throw new SeedError(where, '"id" cannot be combined with "count"');
    for (let k = 0; k < count; k++) {
      const id = e.id ?? state.nextId(`eip-${stemOf(e.region)}`, 20 - stemOf(e.region).length);
      if (e.id !== undefined && state.eips.get(id)) throw new SeedError(where, `duplicate EIP id ${id}`);
      addEip(state, e, id, allocationTime);
    }
  });
}

function seedCbwps(state: CloudState, list: SeedCbwp[], now: number): void {
  list.forEach((c, i) => {
    const where = `commonBandwidthPackages[${i}]`;
    const regionId = checkRegion(where, c.region);
    const id = c.id ?? state.nextId(`cbwp-${stemOf(regionId)}`, 20 - stemOf(regionId).length);
    const ips = c.eips ?? [];
    for (const eipId of ips) {
      const eip = state.eips.get(eipId);
      if (!eip || eip.regionId !== regionId || eip.packageId)
        throw new SeedError(where, `EIP ${eipId} is unknown, in another region, or already in a package`);
      eip.packageId = id;
      eip.relation = 'BINDED';
    }
    for (const [eipId, cap] of Object.entries(c.caps ?? {})) {
      if (!ips.includes(eipId)) throw new SeedError(where, `caps names ${eipId}, which is not in "eips"`);
      if (!Number.isInteger(cap) || cap < 1 || cap > c.bandwidth)
        throw new SeedError(where, `cap of ${eipId} must be a whole number from 1 to ${c.bandwidth}`);
      state.eips.get(eipId)!.cap = cap;
    }
    state.cbwps.add({
      id,
      regionId,
      name: c.name ?? '',
      description: c.description ?? '',
      bandwidth: c.bandwidth,
      isp: c.isp ?? 'BGP',
      internetChargeType: c.internetChargeType ?? 'PayByBandwidth',
      instanceChargeType: c.chargeType ?? 'PostPaid',
      ratio: 100,
      status: 'Available',
      creationTime: isoSeconds(now),
      deletionProtection: c.deletionProtection ?? false,
      ...(c.financialLocked ? { financialLocked: true } : {}),
      resourceGroupId: 'rg-acfmdefault0000',
      zone: '',
      tags: tagList(c.tags),
      ips: [...ips],
    });
  });
}

function seedCen(state: CloudState, doc: SeedDocument, now: number): void {
  for (const c of doc.cens ?? []) {
    state.cens.add({
      id: c.id ?? state.nextId('cen-', 18),
      regionId: 'global',
      name: c.name ?? '',
      description: c.description ?? '',
      status: 'Active',
      creationTime: isoSeconds(now),
    });
  }
  (doc.cenBandwidthPackages ?? []).forEach((b, i) => {
    const cens = b.cens ?? [];
    for (const cen of cens)
      if (!state.cens.get(cen)) throw new SeedError(`cenBandwidthPackages[${i}]`, `unknown CEN ${cen}`);
    state.cenBwps.add({
      id: b.id ?? state.nextId('cenbwp-', 18),
      regionId: 'global',
      name: b.name ?? '',
      description: b.description ?? '',
      bandwidth: b.bandwidth,
      chargeType: b.chargeType ?? 'POSTPAY',
      areaA: b.areaA.toLowerCase(),
      areaB: b.areaB.toLowerCase(),
      status: cens.length > 0 ? 'InUse' : 'Idle',
      cenIds: [...cens],
      creationTime: isoMinutes(now),
      expiredTime: isoMinutes(now + 365 * 86_400_000),
      tags: tagList(b.tags),
    });
  });
}

function seedGa(state: CloudState, doc: SeedDocument, now: number): void {
  for (const a of doc.accelerators ?? []) {
    state.accelerators.add({
      id: a.id ?? state.nextId('ga-bp1', 16),
      regionId: a.region ?? 'cn-hangzhou',
      name: a.name ?? '',
      spec: a.spec ?? '1',
      state: 'active',
      createTime: now,
    });
  }
  (doc.gaBandwidthPackages ?? []).forEach((g, i) => {
    const accs = g.accelerators ?? [];
    for (const acc of accs) {
      const row = state.accelerators.get(acc);
      if (!row || row.bandwidthPackageId)
        throw new SeedError(
          `gaBandwidthPackages[${i}]`,
          `accelerator ${acc} is unknown or already has a plan`,
        );
    }
    const id = g.id ?? state.nextId('gbwp-bp1', 16);
    for (const acc of accs) state.accelerators.get(acc)!.bandwidthPackageId = id;
    state.gaBwps.add({
      id,
      regionId: 'cn-hangzhou',
      name: g.name ?? '',
      description: g.description ?? '',
      bandwidth: g.bandwidth,
      type: g.type ?? 'Basic',
      bandwidthType: g.bandwidthType ?? 'Basic',
      chargeType: g.chargeType ?? 'POSTPAY',
      billingType: 'PayByTraffic',
      ratio: 30,
      state: g.financialLocked ? 'finacialLocked' : accs.length > 0 ? 'binded' : 'active',
      accelerators: [...accs],
      createTime: now,
      resourceGroupId: 'rg-acfmdefault0000',
      tags: tagList(g.tags),
    });
  });
}

/** Adds a seed's resources to the state (on top of what is there). Throws SeedError naming the entry. */
export function applySeed(state: CloudState, doc: SeedDocument, now: number): void {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw new SeedError('document', 'must be a mapping');
  checkShape(doc);
  try {
    applyChecked(state, doc, now);
  } catch (error: unknown) {
    if (error instanceof SeedError) throw error;
    // Table.add reports duplicate ids.
    throw new SeedError('document', (error as Error).message);
  }
}

function applyChecked(state: CloudState, doc: SeedDocument, now: number): void {
  seedEips(state, doc.eips ?? [], now);
  seedCbwps(state, doc.commonBandwidthPackages ?? [], now);
  seedCen(state, doc, now);
  seedGa(state, doc, now);
}
