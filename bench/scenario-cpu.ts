import { planChanges } from '../src/planner/index.js';
import { loadDesired, writeYaml } from './common.js';
import { desiredDoc } from './desired.js';
import { liveState } from './live.js';
import { measure, peakRssMb } from './measure.js';
import type { BenchResult } from './results.js';
import { buildWorld, FULL_SCALE, QUICK_SCALE } from './world.js';

/**
 * cpu: load + validate the plan-large YAML and plan it against the same live state held in
 * memory, with the network out of the picture. Reports CPU time and peak memory.
 */
export async function cpuScenario(quick: boolean): Promise<BenchResult> {
  const world = buildWorld(quick ? QUICK_SCALE : FULL_SCALE);
  const live = liveState(world);
  const yaml = writeYaml(desiredDoc(world));
  try {
    const load = await measure(() => loadDesired(yaml.path));
    const plan = await measure(() => planChanges(load.value, live));
    return {
      name: 'cpu',
      readCalls: 0,
      minReadCalls: 0,
      writeCalls: 0,
      minWriteCalls: 0,
      wallMs: load.wallMs + plan.wallMs,
      lowerBoundMs: 0,
      cpuMs: load.cpuMs + plan.cpuMs,
      peakRssMb: peakRssMb(),
      notes: {
        loadCpuMs: Math.round(load.cpuMs),
        planCpuMs: Math.round(plan.cpuMs),
        packages: live.resources.length,
        eips: world.cbwps.reduce((n, p) => n + p.eips.length, 0),
        plannedSteps: plan.value.steps.length,
      },
    };
  } finally {
    yaml.cleanup();
  }
}
