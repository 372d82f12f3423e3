import type { World } from './world.js';

/**
 * Lower bounds of SPEC §8, computed from the scenario's inputs alone (never from what bwsync
 * did), so that the ratios actual / minimum are honest.
 */
export const PAGE_SIZE = {
  /** DescribeCommonBandwidthPackages: PageSize 1–50. */
  cbwp: 50,
  /** DescribeCenBandwidthPackages: PageSize ≤ 50. */
  cen: 50,
  /** ListBandwidthPackages (GA): PageSize ≤ 100. */
  ga: 100,
  /** DescribeEipAddresses: up to 50 AllocationIds per call. */
  eipIds: 50,
} as const;

export const READ_ACTIONS = {
  cbwp: 'DescribeCommonBandwidthPackages',
  cen: 'DescribeCenBandwidthPackages',
  ga: 'ListBandwidthPackages',
  eip: 'DescribeEipAddresses',
} as const;

export interface ReadBound {
  /** Minimum read calls in total. */
  calls: number;
  byAction: Record<string, number>;
  /** The longest chain of calls that one region (or one global product) must make in sequence. */
  longestChain: number;
}

/** A listing always costs at least one call, even when it comes back empty. */
function pages(count: number, size: number): number {
  return Math.max(1, Math.ceil(count / size));
}

/**
 * Minimum reads for a plan over `world`: per region one CBWP listing at the largest page size,
 * plus DescribeEipAddresses for the EIPs whose caps the YAML declares (50 ids a call); one
 * listing each for CEN and GA (central products).
 */
export function minPlanReads(world: World): ReadBound {
  const byAction: Record<string, number> = {};
  const add = (action: string, n: number): void => {
    byAction[action] = (byAction[action] ?? 0) + n;
  };
  let longestChain = 0;
  for (const region of world.regions) {
    const packages = world.cbwps.filter((p) => p.region === region);
    const capped = packages.flatMap((p) => p.eips).filter((e) => e.cap !== undefined).length;
    const listing = pages(packages.length, PAGE_SIZE.cbwp);
    const eipReads = capped === 0 ? 0 : Math.ceil(capped / PAGE_SIZE.eipIds);
    add(READ_ACTIONS.cbwp, listing);
    if (eipReads > 0) add(READ_ACTIONS.eip, eipReads);
    longestChain = Math.max(longestChain, listing + eipReads);
  }
  const cen = pages(world.cens.length, PAGE_SIZE.cen);
  const ga = pages(world.gas.length, PAGE_SIZE.ga);
  add(READ_ACTIONS.cen, cen);
  add(READ_ACTIONS.ga, ga);
  longestChain = Math.max(longestChain, cen, ga);
  const calls = Object.values(byAction).reduce((a, b) => a + b, 0);
  return { calls, byAction, longestChain };
}

export interface TimeBoundInput {
  /** Minimum calls per action. */
  callsByAction: Record<string, number>;
  /** Emulator rate limits, calls per second per action, burst one second's worth; absent = unlimited. */
  rateLimits: Record<string, number>;
  /** Mean emulator latency per call. */
  latencyMs: number;
  /** Client concurrency (calls in flight at once). */
  concurrency: number;
  /** Time of the longest chain of dependent work that cannot overlap. */
  criticalPathMs: number;
}

export interface TimeBound {
  ms: number;
  /** Which of the three terms sets the bound. */
  limitedBy: 'rate-limit' | 'critical-path' | 'concurrency';
  terms: { rateLimitMs: number; criticalPathMs: number; concurrencyMs: number };
}

/** max((calls − burst) ÷ rate limit, critical path, calls ÷ concurrency × latency). */
export function timeLowerBound(input: TimeBoundInput): TimeBound {
  let rateLimitMs = 0;
  let total = 0;
  for (const [action, calls] of Object.entries(input.callsByAction)) {
    total += calls;
    const limit = input.rateLimits[action];
    // A token bucket starts full with one second's worth (the emulator's burst).
    if (limit !== undefined && limit > 0)
      rateLimitMs = Math.max(rateLimitMs, (Math.max(0, calls - limit) / limit) * 1000);
  }
  const concurrencyMs = (total / Math.max(1, input.concurrency)) * input.latencyMs;
  const terms = { rateLimitMs, criticalPathMs: input.criticalPathMs, concurrencyMs };
  const ms = Math.max(rateLimitMs, input.criticalPathMs, concurrencyMs);
  const limitedBy =
    ms === input.criticalPathMs ? 'critical-path' : ms === rateLimitMs ? 'rate-limit' : 'concurrency';
  return { ms, limitedBy, terms };
}
