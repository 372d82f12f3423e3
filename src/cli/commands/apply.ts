import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { type Command, InvalidArgumentError } from 'commander';
import { ConfigError } from '../../errors.js';
import {
  checkSafety,
  DEFAULT_CONCURRENCY,
  DEFAULT_POLL_INTERVAL_MS,
  executePlan,
} from '../../executor/index.js';
import { assertFresh, rereadForPlan } from '../../executor/saved-plan.js';
import { loadOrThrow } from '../../loader/index.js';
import { STACK_TAG } from '../../model/kinds.js';
import type { LiveResource } from '../../model/live.js';
import type { Plan } from '../../model/plan.js';
import type { ApplyResult } from '../../model/result.js';
import { createPlan, parseTarget, readPlanFile } from '../../planner/index.js';
import { renderApplyReport, renderPlan, reportFormatForPath } from '../../report/index.js';
import { addCloudOptions, type CloudFlags, type CloudSession, openCloud } from '../cloud.js';
import { type ColorFlag, parseColorFlag, useColor } from '../color.js';
import { printDiagnostics } from '../diagnostics.js';
import { type CliIO, EXIT } from '../io.js';
import type { CommandState } from '../main.js';
import { planOptionsFrom } from '../plan-options.js';
import { createProgress, wantsLiveProgress } from '../progress.js';

interface ApplyFlags extends CloudFlags {
  autoApprove?: boolean;
  concurrency: number;
  report?: string;
  prune?: boolean;
  force?: boolean;
  allowReplace?: boolean;
  target?: string[];
  region?: string[];
  pollInterval?: number;
  color: ColorFlag;
}

/** How long in-flight calls may run on after the first SIGINT/SIGTERM. */
const GRACE_MS = 30_000;
/** Loopback emulators finish transitions in milliseconds; poll them faster than a cloud. */
const LOOPBACK_POLL_MS = 100;

export function registerApply(program: Command, io: CliIO, state: CommandState): void {
  const cmd = program
    .command('apply')
    .description('Carry out a plan: make the cloud match the YAML (or apply a saved plan.json).')
    .argument('[paths...]', 'YAML files or directories (default ./bwsync.yaml), or one saved PLAN.json')
    .option('--auto-approve', 'apply without asking (needed when not in a terminal, except for a saved plan)')
    .option(
      '--concurrency <n>',
      'API calls in flight at most',
      positiveInt('--concurrency'),
      DEFAULT_CONCURRENCY,
    )
    .option('--report <file>', 'write the apply report to FILE (.json, or .md for markdown)')
    .option('--prune', 'also delete resources tagged with this stack that are no longer declared')
    .option('--force', 'apply even when deletes and shrinks exceed the safety threshold')
    .option('--allow-replace', 'allow immutable changes as delete-then-create')
    .option('--target <address...>', 'only these resources (KIND/NAME or KIND/REGION/NAME)')
    .option('--region <region...>', 'also read these sharedBandwidth regions')
    .option(
      '--poll-interval <ms>',
      'first poll interval of waits (default 1000; 100 on loopback)',
      positiveInt('--poll-interval'),
    )
    .option('--color <when>', 'colour: auto, always or never', parseColorFlag, 'auto');
  addCloudOptions(cmd);
  cmd.action(async (paths: string[], flags: ApplyFlags) => {
    state.exitCode = await runApply(paths, flags, io);
  });
}

function positiveInt(flag: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${flag} must be a whole number ≥ 1.`);
    return n;
  };
}

function isSavedPlan(paths: string[]): boolean {
  return paths.length === 1 && /\.json$/i.test(paths[0] ?? '');
}

async function runApply(paths: string[], flags: ApplyFlags, io: CliIO): Promise<number> {
  const saved = isSavedPlan(paths);
  if (saved) refuseFlagsWithSavedPlan(flags);
  const interactive = io.stdin.isTTY === true;
  // Decided before any cloud call: without a terminal there is no one to say yes.
  if (!saved && !flags.autoApprove && !interactive) {
    throw new ConfigError('apply needs --auto-approve when it is not run in a terminal.', {
      code: 'needs-approval',
      hint: 'Pass --auto-approve, or apply a reviewed saved plan: bwsync plan --out plan.json, then bwsync apply plan.json.',
    });
  }
  const session = await openCloud(flags, io);
  try {
    const { plan, managed } = saved
      ? await loadSavedPlan(session, paths[0] as string)
      : await makePlan(session, paths, flags, io);
    const color = useColor(io, flags.color);
    io.stdout.write(renderPlan(plan, { format: 'text', color, width: io.stdout.columns ?? 100 }));
    if (plan.errors.length > 0) {
      io.stderr.write('bwsync: the plan has errors; nothing was changed.\n');
      return EXIT.error;
    }
    // The rendered plan already says "No changes."; a report still records the no-op run.
    if (plan.steps.length === 0) {
      if (flags.report) {
        const empty = await executePlan(plan, { client: session.client, concurrency: 1, stack: plan.stack });
        await writeReport(flags.report, empty, plan, io);
      }
      return EXIT.ok;
    }
    checkSafety(plan, { force: flags.force === true, managedCount: managed });
    if (!saved && !flags.autoApprove && !(await confirm(io))) {
      io.stderr.write('Apply cancelled; nothing was changed.\n');
      return EXIT.error;
    }
    const result = await run(plan, session, flags, io);
    return await finish(result, plan, flags, io, color);
  } finally {
    await session.close();
  }
}

function refuseFlagsWithSavedPlan(flags: ApplyFlags): void {
  const fixed = [
    flags.prune && '--prune',
    flags.allowReplace && '--allow-replace',
    flags.target && '--target',
    flags.region && '--region',
  ].filter((f): f is string => typeof f === 'string');
  if (fixed.length > 0) {
    throw new ConfigError(
      `${fixed.join(', ')} cannot change a saved plan; they were fixed when it was made.`,
      {
        code: 'bad-flag',
        hint: 'Pass them to bwsync plan --out instead.',
      },
    );
  }
}

function managedCount(live: LiveResource[], stack: string): number {
  return live.filter((r) => r.tags[STACK_TAG] === stack).length;
}

async function makePlan(
  session: CloudSession,
  paths: string[],
  flags: ApplyFlags,
  io: CliIO,
): Promise<{ plan: Plan; managed: number }> {
  for (const t of flags.target ?? []) parseTarget(t);
  const { state: desired, warnings } = await loadOrThrow(paths, { cwd: io.cwd });
  if (warnings.length > 0) printDiagnostics(warnings, io, { format: 'text' });
  const { plan, live } = await createPlan({
    client: session.client,
    desired,
    options: planOptionsFrom(flags),
  });
  return { plan, managed: managedCount(live.resources, desired.stack) };
}

async function loadSavedPlan(session: CloudSession, path: string): Promise<{ plan: Plan; managed: number }> {
  const plan = await readPlanFile(path);
  const live = await rereadForPlan(session.client, plan);
  assertFresh(plan, live);
  return { plan, managed: managedCount(live, plan.stack) };
}

/** Asks on the terminal for the literal `yes`; anything else, or Ctrl-C, is a no. */
function confirm(io: CliIO): Promise<boolean> {
  io.stderr.write(
    '\nDo you want to perform these actions?\n  bwsync will perform the actions described above.\n' +
      "  Only 'yes' will be accepted to approve.\n\n  Enter a value: ",
  );
  const rl = createInterface({ input: io.stdin, output: io.stderr, terminal: false });
  return new Promise((resolve) => {
    let answered = false;
    const done = (yes: boolean): void => {
      if (answered) return;
      answered = true;
      rl.close();
      resolve(yes);
    };
    rl.once('line', (line) => done(line.trim() === 'yes'));
    rl.once('SIGINT', () => done(false));
    rl.once('close', () => done(false));
  });
}

/** Runs the plan with progress on stderr and signal handling: stop, grace, then abandon. */
async function run(plan: Plan, session: CloudSession, flags: ApplyFlags, io: CliIO): Promise<ApplyResult> {
  const stop = new AbortController();
  const abort = new AbortController();
  const progress = createProgress(io, {
    tty: wantsLiveProgress(io),
    total: plan.steps.length,
    color: useColor(io, flags.color, 'stderr'),
  });
  let grace: NodeJS.Timeout | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stop.signal.aborted) {
      // Second signal: the user means it.
      io.stderr.write(`\n${signal} again: exiting now; run apply again to converge.\n`);
      process.exit(EXIT.interrupted);
    }
    io.stderr.write(
      `\n${signal} received: starting no new steps; letting calls in flight finish (up to ${GRACE_MS / 1000}s). ` +
        'Press Ctrl-C again to exit at once.\n',
    );
    stop.abort(signal);
    grace = setTimeout(() => abort.abort('grace period over'), GRACE_MS);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await executePlan(plan, {
      client: session.client,
      concurrency: flags.concurrency,
      stack: plan.stack,
      signal: stop.signal,
      abort: abort.signal,
      sink: progress.sink,
      pollIntervalMs:
        flags.pollInterval ?? (isLoopback(session) ? LOOPBACK_POLL_MS : DEFAULT_POLL_INTERVAL_MS),
    });
  } finally {
    if (grace) clearTimeout(grace);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    progress.stop();
  }
}

function isLoopback(session: CloudSession): boolean {
  if (session.local) return true;
  if (!session.endpoint) return false;
  const host = new URL(session.endpoint).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\./.test(host);
}

async function finish(
  result: ApplyResult,
  plan: Plan,
  flags: ApplyFlags,
  io: CliIO,
  color: boolean,
): Promise<number> {
  if (flags.report) await writeReport(flags.report, result, plan, io);
  io.stdout.write(renderApplyReport(result, { format: 'text', plan, color }));
  if (result.interrupted) return EXIT.interrupted;
  return result.totals.failed > 0 || !result.converged ? EXIT.error : EXIT.ok;
}

async function writeReport(path: string, result: ApplyResult, plan: Plan, io: CliIO): Promise<void> {
  await writeFile(
    resolve(io.cwd, path),
    renderApplyReport(result, { format: reportFormatForPath(path), plan }),
    'utf8',
  );
}
