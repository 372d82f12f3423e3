import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { loadDesiredState } from '../../loader/index.js';
import type { Plan } from '../../model/plan.js';
import { createPlan, parseTarget, writePlanFile } from '../../planner/index.js';
import { renderPlan } from '../../report/index.js';
import { addCloudOptions, type CloudFlags, openCloud } from '../cloud.js';
import { type ColorFlag, parseColorFlag, useColor } from '../color.js';
import { printDiagnostics } from '../diagnostics.js';
import { type CliIO, EXIT } from '../io.js';
import type { CommandState } from '../main.js';
import { planOptionsFrom } from '../plan-options.js';

interface PlanFlags extends CloudFlags {
  region?: string[];
  target?: string[];
  prune?: boolean;
  allowReplace?: boolean;
  out?: string;
  format: 'text' | 'markdown' | 'json';
  detailedExitcode?: boolean;
  color: ColorFlag;
}

export function registerPlan(program: Command, io: CliIO, state: CommandState): void {
  const cmd = program
    .command('plan')
    .description('Read the live state and show the ordered changes that would make it match the YAML.')
    .argument('[paths...]', 'YAML files or directories (default: ./bwsync.yaml)')
    .option(
      '--region <region...>',
      'also read these sharedBandwidth regions (shows their unmanaged packages)',
    )
    .option('--target <address...>', 'plan only these resources: KIND/NAME or KIND/REGION/NAME')
    .option('--prune', 'delete resources tagged with this stack that are no longer declared')
    .option('--allow-replace', 'plan immutable changes as delete-then-create')
    .option('--out <file>', 'save the plan as JSON for `bwsync apply FILE`')
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'),
    )
    .option('--detailed-exitcode', 'exit 0 when there are no changes, 2 when there are, 1 on error')
    .option('--color <when>', 'colour: auto, always or never', parseColorFlag, 'auto');
  addCloudOptions(cmd).action(async (paths: string[], flags: PlanFlags) => {
    state.exitCode = await runPlan(paths, flags, io);
  });
}

async function runPlan(paths: string[], flags: PlanFlags, io: CliIO): Promise<number> {
  for (const t of flags.target ?? []) parseTarget(t);
  const loaded = await loadDesiredState(paths, { cwd: io.cwd });
  if (!loaded.state || loaded.diagnostics.length > 0) {
    printDiagnostics(loaded.diagnostics, io, { format: 'text', sources: loaded.sources });
  }
  if (!loaded.state) return EXIT.error;
  const session = await openCloud(flags, io);
  let plan: Plan;
  try {
    ({ plan } = await createPlan({
      client: session.client,
      desired: loaded.state,
      options: planOptionsFrom(flags),
    }));
  } finally {
    await session.close();
  }
  const color = flags.format === 'text' && useColor(io, flags.color);
  io.stdout.write(renderPlan(plan, { format: flags.format, color, width: io.stdout.columns }));
  if (plan.errors.length > 0) {
    if (flags.format !== 'text')
      for (const e of plan.errors)
        io.stderr.write(`bwsync: error[${e.code}]: ${e.address ? `${e.address}: ` : ''}${e.message}\n`);
    if (flags.out) io.stderr.write(`The plan has errors; ${flags.out} was not written.\n`);
    return EXIT.error;
  }
  if (flags.out) {
    const path = resolve(io.cwd, flags.out);
    await writePlanFile(path, plan);
    io.stderr.write(
      `Saved the plan to ${flags.out}. Apply exactly this plan with: bwsync apply ${flags.out}\n`,
    );
  }
  const changes = plan.steps.length > 0;
  return flags.detailedExitcode && changes ? EXIT.changes : EXIT.ok;
}
