import { minPlanReads, timeLowerBound } from './bounds.js';
import { benchClient, emulatorRateLimits, limitsFor } from './client.js';
import { ASYNC_MS, LATENCY_MEAN_MS } from './common.js';
import { callsBetween, errorsBetween, splitCalls, startBenchEmulator } from './emulator.js';
import { measure, peakRssMb } from './measure.js';
import { TERRAFORM_PARALLELISM, terraformRefresh } from './refresh.js';
import type { BenchResult } from './results.js';
import { seedDocument } from './seed.js';
import { buildWorld, FULL_SCALE, QUICK_SCALE, type World, type WorldScale } from './world.js';

/**
 * terraform-refresh: the plan-large state read one resource at a time, as Terraform's provider
 * does. A full refresh of 110,000 resources at the emulator's rate limit takes over half an
 * hour, so the full run refreshes a sample (every n-th package of every kind) and also reports
 * the figures scaled to the whole state; `minReadCalls` is bwsync's minimum for the same sample.
 */
const SAMPLE_EVERY = { full: 40, quick: 10 } as const;

function sampleOf(world: World, every: number): World {
  const pick = <T>(list: T[]): T[] => list.filter((_, i) => i % every === 0);
  return { ...world, cbwps: pick(world.cbwps), cens: pick(world.cens), gas: pick(world.gas), freeEips: [] };
}

export async function refreshScenario(quick: boolean): Promise<BenchResult> {
  const scale: WorldScale = quick ? QUICK_SCALE : FULL_SCALE;
  const every = quick ? SAMPLE_EVERY.quick : SAMPLE_EVERY.full;
  const sample = sampleOf(buildWorld(scale), every);
  const emulator = await startBenchEmulator({
    seed: seedDocument(sample),
    latencyMs: LATENCY_MEAN_MS,
    asyncMs: ASYNC_MS,
    rateLimits: emulatorRateLimits(),
  });
  const client = benchClient(emulator.url);
  try {
    const before = await emulator.stats();
    const m = await measure(() => terraformRefresh(client, sample));
    const after = await emulator.stats();
    const calls = callsBetween(before, after);
    const errors = errorsBetween(before, after);
    const { reads, writes } = splitCalls(calls);
    const minimum = minPlanReads(sample);
    const bound = timeLowerBound({
      callsByAction: calls,
      rateLimits: limitsFor(Object.keys(calls)),
      latencyMs: LATENCY_MEAN_MS,
      concurrency: TERRAFORM_PARALLELISM,
      criticalPathMs: 2 * LATENCY_MEAN_MS,
    });
    return {
      name: 'terraform-refresh',
      readCalls: reads,
      minReadCalls: minimum.calls,
      writeCalls: writes,
      minWriteCalls: 0,
      wallMs: m.wallMs,
      lowerBoundMs: bound.ms,
      cpuMs: m.cpuMs,
      peakRssMb: peakRssMb(),
      notes: {
        errors: JSON.stringify(errors),
        sample: `1 in ${every} packages: ${sample.cbwps.length} CBWPs, ${sample.cbwps.length * scale.eipsPerCbwp} EIPs, ${sample.cens.length} CEN, ${sample.gas.length} GA`,
        terraformResources: m.value,
        parallelism: TERRAFORM_PARALLELISM,
        scaledReadCalls: reads * every,
        scaledWallMs: Math.round(m.wallMs * every),
        boundLimitedBy: bound.limitedBy,
      },
    };
  } finally {
    await client.close();
    await emulator.close();
  }
}
