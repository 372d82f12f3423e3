import { DEFAULT_CONCURRENCY, executePlan } from '../src/executor/index.js';
import { createPlan } from '../src/planner/index.js';
import { timeLowerBound } from './bounds.js';
import { APPLY_SCALE, changedDoc, FULL_CHANGES, minimumApply, QUICK_CHANGES } from './changes.js';
import { benchClient, emulatorRateLimits, limitsFor } from './client.js';
import { ASYNC_MS, LATENCY_MEAN_MS, loadDesired, writeYaml } from './common.js';
import { callsBetween, errorsBetween, isReadAction, splitCalls, startBenchEmulator } from './emulator.js';
import { measure, peakRssMb } from './measure.js';
import type { BenchResult } from './results.js';
import { seedDocument } from './seed.js';
import { buildWorld } from './world.js';

/**
 * apply-large: 1,000+ mixed changes with dependencies (creates with EIPs and caps, resizes,
 * renames, EIP moves, deletes, CEN and GA creates and resizes), applied over HTTP at the
 * default concurrency. Lower bound = max(calls ÷ rate limit, critical path, calls ÷
 * concurrency × latency); each async step on the critical path costs one call's latency plus
 * the emulator's transition time.
 */
const POLL_INTERVAL_MS = 50;
/** `--concurrency N` (passed in the environment by run.ts); default the executor's. */
const CONCURRENCY = Number(process.env.BWSYNC_BENCH_CONCURRENCY ?? DEFAULT_CONCURRENCY);

export async function applyScenario(quick: boolean): Promise<BenchResult> {
  const counts = quick ? QUICK_CHANGES : FULL_CHANGES;
  const world = buildWorld(APPLY_SCALE, {
    freeEipsPerRegion: Math.ceil((counts.newCbwps * 4) / APPLY_SCALE.regions) + 4,
    freeCens: counts.newCens,
    freeAccelerators: counts.newGas,
  });
  const yaml = writeYaml(changedDoc(world, counts));
  const emulator = await startBenchEmulator({
    seed: seedDocument(world),
    latencyMs: LATENCY_MEAN_MS,
    asyncMs: ASYNC_MS,
    rateLimits: emulatorRateLimits(),
  });
  const client = benchClient(emulator.url);
  try {
    const desired = await loadDesired(yaml.path);
    const { plan } = await createPlan({ client, desired });
    if (plan.errors.length > 0) throw new Error(`apply-large plan has errors: ${plan.errors[0]?.message}`);
    const before = await emulator.stats();
    const m = await measure(() =>
      executePlan(plan, {
        client,
        concurrency: CONCURRENCY,
        stack: desired.stack,
        pollIntervalMs: POLL_INTERVAL_MS,
      }),
    );
    const after = await emulator.stats();
    const calls = callsBetween(before, after);
    const errors = errorsBetween(before, after);
    const { reads, writes } = splitCalls(calls);
    const replan = await createPlan({ client, desired });
    const minimum = minimumApply(counts);
    const bound = timeLowerBound({
      callsByAction: minimum.writesByAction,
      rateLimits: limitsFor(Object.keys(minimum.writesByAction)),
      latencyMs: LATENCY_MEAN_MS,
      concurrency: CONCURRENCY,
      criticalPathMs: minimum.chainAsyncSteps * (LATENCY_MEAN_MS + ASYNC_MS),
    });
    const result = m.value;
    return {
      name: 'apply-large',
      readCalls: reads,
      minReadCalls: 0,
      writeCalls: writes,
      minWriteCalls: minimum.writes,
      wallMs: m.wallMs,
      lowerBoundMs: bound.ms,
      cpuMs: m.cpuMs,
      peakRssMb: peakRssMb(),
      notes: {
        errors: JSON.stringify(errors),
        resourceChanges: minimum.resourceChanges,
        plannedResourceChanges: plan.resource_changes.filter((c) => c.change.actions[0] !== 'no-op').length,
        plannedSteps: plan.steps.length,
        stepsDone: result.totals.done,
        stepsFailed: result.totals.failed,
        stepsSkipped: result.totals.skipped,
        stepsAfterApply: replan.plan.steps.length,
        concurrency: CONCURRENCY,
        pollIntervalMs: POLL_INTERVAL_MS,
        boundLimitedBy: bound.limitedBy,
        boundTerms: JSON.stringify(bound.terms),
        readsByAction: JSON.stringify(
          Object.fromEntries(Object.entries(calls).filter(([a]) => isReadAction(a))),
        ),
        writesByAction: JSON.stringify(
          Object.fromEntries(Object.entries(calls).filter(([a]) => !isReadAction(a))),
        ),
      },
    };
  } finally {
    yaml.cleanup();
    await client.close();
    await emulator.close();
  }
}
