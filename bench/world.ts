/**
 * A synthetic cloud account for the benchmark, generated deterministically from a scale and a
 * seed. One `World` is turned three ways: into an emulator seed document (the live cloud), into
 * bwsync YAML (the desired state) and into the in-memory LiveState for the CPU scenario, so all
 * three describe exactly the same resources.
 */
export const BENCH_STACK = 'bench';

/** Twenty real Alibaba Cloud regions; the first ones hold more packages than the rest. */
export const REGIONS = [
  'cn-hangzhou',
  'cn-shanghai',
  'cn-beijing',
  'cn-shenzhen',
  'cn-qingdao',
  'cn-zhangjiakou',
  'cn-huhehaote',
  'cn-wulanchabu',
  'cn-chengdu',
  'cn-guangzhou',
  'cn-heyuan',
  'cn-nanjing',
  'cn-fuzhou',
  'cn-hongkong',
  'ap-southeast-1',
  'ap-southeast-3',
  'ap-northeast-1',
  'us-west-1',
  'us-east-1',
  'eu-central-1',
] as const;

export interface WorldScale {
  regions: number;
  cbwps: number;
  eipsPerCbwp: number;
  cenPackages: number;
  gaPlans: number;
  /** Every n-th package declares per-IP caps on `capsPerPackage` of its EIPs. */
  capEvery: number;
  capsPerPackage: number;
}

export const FULL_SCALE: WorldScale = {
  regions: 20,
  cbwps: 10_000,
  eipsPerCbwp: 10,
  cenPackages: 200,
  gaPlans: 200,
  capEvery: 20,
  capsPerPackage: 3,
};

export const QUICK_SCALE: WorldScale = {
  regions: 5,
  cbwps: 500,
  eipsPerCbwp: 10,
  cenPackages: 20,
  gaPlans: 20,
  capEvery: 20,
  capsPerPackage: 3,
};

export interface WorldEip {
  id: string;
  region: string;
  address: string;
  /** Per-IP cap declared in the YAML and set live; undefined = none. */
  cap?: number;
}

export interface WorldCbwp {
  id: string;
  name: string;
  region: string;
  bandwidth: number;
  description: string;
  eips: WorldEip[];
}

export interface WorldCen {
  id: string;
  name: string;
  bandwidth: number;
  areas: [string, string];
  cenId: string;
}

export interface WorldGa {
  id: string;
  name: string;
  bandwidth: number;
  acceleratorId: string;
}

export interface World {
  stack: string;
  regions: string[];
  cbwps: WorldCbwp[];
  cens: WorldCen[];
  gas: WorldGa[];
  /** EIPs allocated but in no package (free for apply scenarios to attach). */
  freeEips: WorldEip[];
  /** CEN instances and GA accelerators not associated with any package. */
  freeCens: string[];
  freeAccelerators: string[];
}

export interface WorldExtras {
  freeEipsPerRegion?: number;
  freeCens?: number;
  freeAccelerators?: number;
}

/** How many packages region i holds: the first two regions twice the share of the others. */
export function regionShares(total: number, regions: number): number[] {
  const weights = Array.from({ length: regions }, (_, i) => (i < 2 ? 2 : 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor((total * w) / sum));
  let rest = total - shares.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % regions, rest--) shares[i] = (shares[i] ?? 0) + 1;
  return shares;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Region code used inside ids, e.g. `cn-hangzhou` → `r00`. Keeps ids short and unique. */
function regionCode(index: number): string {
  return `r${pad(index, 2)}`;
}

export function eipId(regionIndex: number, n: number): string {
  return `eip-${regionCode(regionIndex)}bench${pad(n, 8)}`;
}

function ipAddress(regionIndex: number, n: number): string {
  return `47.${100 + regionIndex}.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;
}

function makeCbwps(scale: WorldScale, regions: string[]): WorldCbwp[] {
  const out: WorldCbwp[] = [];
  const shares = regionShares(scale.cbwps, regions.length);
  let global = 0;
  regions.forEach((region, r) => {
    let eipN = 0;
    for (let i = 0; i < (shares[r] ?? 0); i++, global++) {
      const capped = global % scale.capEvery === 0;
      const eips: WorldEip[] = [];
      for (let e = 0; e < scale.eipsPerCbwp; e++, eipN++) {
        const eip: WorldEip = { id: eipId(r, eipN), region, address: ipAddress(r, eipN) };
        if (capped && e < scale.capsPerPackage) eip.cap = 5 + e;
        eips.push(eip);
      }
      out.push({
        id: `cbwp-${regionCode(r)}bench${pad(i, 8)}`,
        name: `pkg-${pad(i, 5)}`,
        region,
        bandwidth: 100 + (global % 5) * 50,
        description: `bench package ${global}`,
        eips,
      });
    }
  });
  return out;
}

const AREA_PAIRS: [string, string][] = [
  ['China', 'Asia-Pacific'],
  ['China', 'Europe'],
  ['China', 'North-America'],
  ['Asia-Pacific', 'Europe'],
];

function makeCens(count: number): WorldCen[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `cenbwp-bench${pad(i, 8)}`,
    name: `cen-pkg-${pad(i, 4)}`,
    bandwidth: 10 + (i % 4) * 10,
    areas: AREA_PAIRS[i % AREA_PAIRS.length] ?? ['China', 'Asia-Pacific'],
    cenId: `cen-bench${pad(i, 10)}`,
  }));
}

function makeGas(count: number): WorldGa[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `gbwp-bench${pad(i, 8)}`,
    name: `ga-plan-${pad(i, 4)}`,
    bandwidth: 100 + (i % 3) * 50,
    acceleratorId: `ga-bench${pad(i, 10)}`,
  }));
}

/** Free EIPs per region for apply scenarios, numbered after the ones packages hold. */
function makeFreeEips(regions: string[], perRegion: number, offset: number): WorldEip[] {
  const out: WorldEip[] = [];
  regions.forEach((region, r) => {
    for (let i = 0; i < perRegion; i++) {
      const n = offset + i;
      out.push({ id: eipId(r, n), region, address: ipAddress(r, n) });
    }
  });
  return out;
}

export function buildWorld(scale: WorldScale, extras: WorldExtras = {}): World {
  const regions = REGIONS.slice(0, scale.regions);
  const cbwps = makeCbwps(scale, [...regions]);
  const maxShare = Math.max(...regionShares(scale.cbwps, regions.length));
  return {
    stack: BENCH_STACK,
    regions: [...regions],
    cbwps,
    cens: makeCens(scale.cenPackages),
    gas: makeGas(scale.gaPlans),
    freeEips: makeFreeEips([...regions], extras.freeEipsPerRegion ?? 0, maxShare * scale.eipsPerCbwp),
    freeCens: Array.from({ length: extras.freeCens ?? 0 }, (_, i) => `cen-benchfree${pad(i, 6)}`),
    freeAccelerators: Array.from(
      { length: extras.freeAccelerators ?? 0 },
      (_, i) => `ga-benchfree${pad(i, 6)}`,
    ),
  };
}
