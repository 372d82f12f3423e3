import { desiredDoc, type YamlCbwp, type YamlDoc } from './desired.js';
import type { World, WorldCbwp, WorldScale } from './world.js';

/**
 * The apply-large scenario: a world in sync with its YAML, then an edited YAML with many mixed
 * changes. Every change touches resources no other change touches, so the minimum write calls
 * and the longest dependency chain follow from the counts alone, independently of the planner.
 */
export interface ChangeCounts {
  /** New CBWPs, each created with 4 free EIPs and a per-IP cap on the first. */
  newCbwps: number;
  /** Bandwidth raised (ModifyCommonBandwidthPackageSpec). */
  resizes: number;
  /** Description changed (ModifyCommonBandwidthPackageAttribute). */
  renames: number;
  /** One EIP moved from one package to another in the same region. */
  moves: number;
  /** `ensure: absent` on a package that still holds EIPs (Delete with Force). */
  deletes: number;
  /** New CEN packages associated with a free CEN; new GA plans bound to a free accelerator. */
  newCens: number;
  newGas: number;
  /** Bandwidth raised on existing CEN packages and GA plans. */
  cenResizes: number;
  gaResizes: number;
}

export const APPLY_SCALE: WorldScale = {
  regions: 4,
  cbwps: 800,
  eipsPerCbwp: 4,
  cenPackages: 100,
  gaPlans: 100,
  capEvery: 1_000_000,
  capsPerPackage: 0,
};

export const FULL_CHANGES: ChangeCounts = {
  newCbwps: 100,
  resizes: 200,
  renames: 250,
  moves: 100,
  deletes: 50,
  newCens: 50,
  newGas: 50,
  cenResizes: 30,
  gaResizes: 30,
};

export const QUICK_CHANGES: ChangeCounts = {
  newCbwps: 10,
  resizes: 20,
  renames: 25,
  moves: 10,
  deletes: 5,
  newCens: 5,
  newGas: 5,
  cenResizes: 3,
  gaResizes: 3,
};

export const EIPS_PER_NEW_CBWP = 4;

/** What the minimum apply of these changes is: write calls per action and the longest chain. */
export interface ApplyMinimum {
  writesByAction: Record<string, number>;
  writes: number;
  /** Async steps (each: write, state transition, one read that sees it) on the longest chain. */
  chainAsyncSteps: number;
  resourceChanges: number;
}

export function minimumApply(c: ChangeCounts): ApplyMinimum {
  const writesByAction: Record<string, number> = {
    CreateCommonBandwidthPackage: c.newCbwps,
    // One batch call per new package (≤ 10 ids) plus one per moved EIP.
    AddCommonBandwidthPackageIps: c.newCbwps + c.moves,
    ModifyCommonBandwidthPackageIpBandwidth: c.newCbwps,
    ModifyCommonBandwidthPackageSpec: c.resizes,
    ModifyCommonBandwidthPackageAttribute: c.renames,
    RemoveCommonBandwidthPackageIp: c.moves,
    DeleteCommonBandwidthPackage: c.deletes,
    CreateCenBandwidthPackage: c.newCens,
    AssociateCenBandwidthPackage: c.newCens,
    CreateBandwidthPackage: c.newGas,
    BandwidthPackageAddAccelerator: c.newGas,
    ModifyCenBandwidthPackageSpec: c.cenResizes,
    // GA's CreateBandwidthPackage takes no Name: a new plan is named by UpdateBandwidthPackage.
    UpdateBandwidthPackage: c.gaResizes + c.newGas,
  };
  const writes = Object.values(writesByAction).reduce((a, b) => a + b, 0);
  // create → add-ips → set-cap is the longest chain; a move is remove → add; the rest are 1–2.
  const chainAsyncSteps = c.newCbwps > 0 ? 3 : c.moves + c.newCens + c.newGas > 0 ? 2 : 1;
  const resourceChanges =
    c.newCbwps +
    c.resizes +
    c.renames +
    2 * c.moves +
    c.deletes +
    c.newCens +
    c.newGas +
    c.cenResizes +
    c.gaResizes;
  return { writesByAction, writes, chainAsyncSteps, resourceChanges };
}

/** Takes `n` items from the front of `pool`, failing loudly when the world is too small. */
function take<T>(pool: T[], n: number, what: string): T[] {
  if (pool.length < n) throw new Error(`apply scenario needs ${n} ${what}, the world has ${pool.length}`);
  return pool.splice(0, n);
}

function sharedChanges(world: World, doc: YamlDoc, c: ChangeCounts): void {
  const byName = new Map(doc.sharedBandwidth.map((p) => [`${p.region}/${p.name}`, p]));
  const entry = (p: WorldCbwp): YamlCbwp => byName.get(`${p.region}/${p.name}`)!;
  const pool = [...world.cbwps];
  for (const p of take(pool, c.resizes, 'packages to resize')) entry(p).bandwidth = p.bandwidth + 50;
  for (const p of take(pool, c.renames, 'packages to rename'))
    entry(p).description = `${p.description} (renamed)`;
  for (const p of take(pool, c.deletes, 'packages to delete')) {
    const e = entry(p);
    e.ensure = 'absent';
    delete e.ips;
    delete e.bandwidth;
    delete e.description;
  }
  for (let moved = 0; moved < c.moves; ) {
    const from = pool.shift();
    if (from === undefined) throw new Error('apply scenario ran out of packages to move EIPs between');
    const toIndex = pool.findIndex((q) => q.region === from.region);
    if (toIndex < 0) continue; // the last package of its region has no partner
    const to = pool.splice(toIndex, 1)[0]!;
    const eip = from.eips[0]!;
    entry(from).ips = from.eips.slice(1).map((e) => e.id);
    entry(to).ips = [...to.eips.map((e) => e.id), eip.id];
    moved++;
  }
  const free = [...world.freeEips];
  for (let i = 0; i < c.newCbwps; i++) {
    const region = world.regions[i % world.regions.length]!;
    const eips = free.filter((e) => e.region === region).slice(0, EIPS_PER_NEW_CBWP);
    if (eips.length < EIPS_PER_NEW_CBWP) throw new Error(`apply scenario ran out of free EIPs in ${region}`);
    for (const e of eips) free.splice(free.indexOf(e), 1);
    doc.sharedBandwidth.push({
      name: `new-${String(i).padStart(4, '0')}`,
      region,
      bandwidth: 200,
      isp: 'BGP',
      internetChargeType: 'PayByBandwidth',
      description: 'created by the apply benchmark',
      ips: eips.map((e, k) => (k === 0 ? { id: e.id, bandwidth: 10 } : e.id)),
    });
  }
}

function globalChanges(world: World, doc: YamlDoc, c: ChangeCounts): void {
  doc.cenBandwidth.slice(0, c.cenResizes).forEach((e) => {
    e.bandwidth = (e.bandwidth ?? 10) + 10;
  });
  doc.gaBandwidth.slice(0, c.gaResizes).forEach((e) => {
    e.bandwidth = (e.bandwidth ?? 100) + 50;
  });
  const cens = take([...world.freeCens], c.newCens, 'free CEN instances');
  cens.forEach((cenId, i) => {
    doc.cenBandwidth.push({
      name: `new-cen-${String(i).padStart(4, '0')}`,
      bandwidth: 20,
      areas: ['China', 'Asia-Pacific'],
      chargeType: 'POSTPAY',
      cens: [cenId],
    });
  });
  const accelerators = take([...world.freeAccelerators], c.newGas, 'free GA accelerators');
  accelerators.forEach((acc, i) => {
    doc.gaBandwidth.push({
      name: `new-ga-${String(i).padStart(4, '0')}`,
      bandwidth: 100,
      type: 'Basic',
      bandwidthType: 'Basic',
      chargeType: 'POSTPAY',
      accelerators: [acc],
    });
  });
}

/** The world's YAML with the changes applied. */
export function changedDoc(world: World, c: ChangeCounts): YamlDoc {
  const doc = desiredDoc(world);
  sharedChanges(world, doc, c);
  globalChanges(world, doc, c);
  return doc;
}
