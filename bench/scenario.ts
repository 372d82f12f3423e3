import type { ScenarioName } from './options.js';
import type { BenchResult } from './results.js';
import { applyScenario } from './scenario-apply.js';
import { cpuScenario } from './scenario-cpu.js';
import { planScenario } from './scenario-plan.js';
import { refreshScenario } from './scenario-refresh.js';

/**
 * One scenario in a process of its own (forked by run.ts): `scenario.js NAME [--quick]`.
 * Sends its BenchResult to the parent over IPC.
 */
const RUNNERS: Partial<Record<ScenarioName, (quick: boolean) => Promise<BenchResult>>> = {
  'plan-large': planScenario,
  'terraform-refresh': refreshScenario,
  'apply-large': applyScenario,
  cpu: cpuScenario,
};

async function main(): Promise<void> {
  const [name, flag] = process.argv.slice(2);
  const runner = RUNNERS[name as ScenarioName];
  if (runner === undefined) throw new Error(`scenario ${name ?? '(none)'} is not available`);
  const result = await runner(flag === '--quick');
  process.send?.(result);
}

main().then(
  () => {
    process.disconnect?.();
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
    process.disconnect?.();
  },
);
