import { createPlan } from '../src/planner/index.js';
import { minPlanReads, timeLowerBound } from './bounds.js';
import { benchClient, emulatorRateLimits, limitsFor } from './client.js';
import { ASYNC_MS, LATENCY_MEAN_MS, loadDesired, writeYaml } from './common.js';
import { desiredDoc } from './desired.js';
import { callsBetween, errorsBetween, splitCalls, startBenchEmulator } from './emulator.js';
import { measure, peakRssMb } from './measure.js';
import type { BenchResult } from './results.js';
import { seedDocument } from './seed.js';
import { buildWorld, FULL_SCALE, QUICK_SCALE } from './world.js';

/**
 * plan-large: `bwsync plan` of a large account over HTTP against the emulator (latency, rate
 * limits). Reads are counted by the emulator; the minimum is one listing per region and
 * product at the largest page size plus EIP reads for the declared caps (bounds.ts).
 */
export async function planScenario(quick: boolean): Promise<BenchResult> {
  const world = buildWorld(quick ? QUICK_SCALE : FULL_SCALE);
  const yaml = writeYaml(desiredDoc(world));
  const emulator = await startBenchEmulator({
    seed: seedDocument(world),
    latencyMs: LATENCY_MEAN_MS,
    asyncMs: ASYNC_MS,
    rateLimits: emulatorRateLimits(),
  });
  const client = benchClient(emulator.url);
  try {
    const desired = await loadDesired(yaml.path);
    const before = await emulator.stats();
    const m = await measure(() => createPlan({ client, desired }));
    const after = await emulator.stats();
    const calls = callsBetween(before, after);
    const errors = errorsBetween(before, after);
    const { reads, writes } = splitCalls(calls);
    const minimum = minPlanReads(world);
    const bound = timeLowerBound({
      callsByAction: minimum.byAction,
      rateLimits: limitsFor(Object.keys(minimum.byAction)),
      latencyMs: LATENCY_MEAN_MS,
      // Regions and products are read in parallel: no concurrency term.
      concurrency: Number.POSITIVE_INFINITY,
      criticalPathMs: minimum.longestChain * LATENCY_MEAN_MS,
    });
    const { plan } = m.value;
    return {
      name: 'plan-large',
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
        packages: world.cbwps.length + world.cens.length + world.gas.length,
        eips: world.cbwps.reduce((n, p) => n + p.eips.length, 0),
        regions: world.regions.length,
        readsByAction: JSON.stringify(calls),
        // Throttling.User answers are requests too; without them the ratio is that of distinct reads.
        readsWithoutThrottled: reads - (errors['Throttling.User'] ?? 0),
        minReadsByAction: JSON.stringify(minimum.byAction),
        boundLimitedBy: bound.limitedBy,
        plannedSteps: plan.steps.length,
        planErrors: plan.errors.length,
      },
    };
  } finally {
    yaml.cleanup();
    await client.close();
    await emulator.close();
  }
}
