import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '../../src/aliyun/client.js';
import { staticCredentials } from '../../src/aliyun/credentials.js';
import type { RpcClient } from '../../src/aliyun/types.js';
import { FAULT_KINDS } from '../../src/emulator/index.js';
import { executePlan } from '../../src/executor/index.js';
import { loadDesiredState } from '../../src/loader/index.js';
import type { DesiredState } from '../../src/model/desired.js';
import type { ExecEvent } from '../../src/model/events.js';
import type { Plan } from '../../src/model/plan.js';
import type { ApplyResult, StepResult } from '../../src/model/result.js';
import { createPlan } from '../../src/planner/index.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import type { ChaosCase } from './cases.js';
import {
  capsOfState,
  duplicates,
  endState,
  orphans,
  othersTouched,
  type Pkg,
  packagesOf,
  unplannedDeletes,
  unplannedDetaches,
  unsafePlannedDeletes,
} from './checks.js';
import { type Declared, declaredOf, seedOf, yamlOf } from './world.js';

/**
 * Runs one chaos case end to end through the real pipeline (YAML → loader → planner →
 * executor → client → emulator over HTTP): up to MAX_APPLIES plan+apply rounds under 20%
 * faults of every kind (the first possibly interrupted), then a fault-free plan that must be
 * empty. Every invariant is checked on the emulator's state after every round.
 */
export const MAX_APPLIES = 3;
export const FAULT_RATE = 0.2;

export interface ChaosOutcome {
  violations: string[];
  applies: number;
  /** Faults the emulator injected, by kind, and API requests it answered, over the whole case. */
  faults: Record<string, number>;
  requests: number;
  /** Round by round: steps planned, done, failed, skipped. */
  rounds: string[];
}

function chaosClient(emulator: TestEmulator, trace: (line: string) => void): RpcClient {
  return createClient({
    log: (line) => trace(`call ${JSON.stringify(line)}`),
    credentials: staticCredentials(emulator.credentials),
    endpoint: emulator.url,
    rateLimits: false,
    timeoutMs: 5_000,
    baseDelayMs: 5,
    maxDelayMs: 100,
    maxAttempts: 8,
  });
}

/** Loads the case's YAML through the real loader. */
export async function loadCaseYaml(c: ChaosCase): Promise<Awaited<ReturnType<typeof loadDesiredState>>> {
  const dir = await mkdtemp(join(tmpdir(), 'bwsync-chaos-'));
  try {
    const path = join(dir, 'bwsync.yaml');
    await writeFile(path, yamlOf(c));
    return await loadDesiredState([path]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function loadCase(c: ChaosCase): Promise<DesiredState> {
  const { state, diagnostics } = await loadCaseYaml(c);
  if (state === undefined)
    throw new Error(`chaos YAML rejected: ${diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  return state;
}

/**
 * The signals of one apply: an interruption after the n-th step start in the chosen round
 * (graceful: stop starting steps; hard: also abandon in-flight calls, like a kill), and a
 * stall deadline that abandons an apply which stops making progress.
 */
interface Signals {
  sink: (e: ExecEvent) => void;
  signal: AbortSignal;
  abort: AbortSignal;
  stalled: () => boolean;
  /** The last event of every step when the stall deadline hit, to tell where it stalled. */
  last: Map<string, ExecEvent>;
}

export const STALL_MS = 10_000;

function signalsFor(c: ChaosCase, round: number, trace: (line: string) => void): Signals {
  const stop = new AbortController();
  const kill = new AbortController();
  const spec = c.interrupt !== null && (c.interrupt.round ?? 1) === round ? c.interrupt : null;
  let started = 0;
  let stalled = false;
  const last = new Map<string, ExecEvent>();
  const atStall = new Map<string, ExecEvent>();
  const timer = setTimeout(() => {
    stalled = true;
    for (const [k, v] of last) atStall.set(k, v);
    stop.abort();
    kill.abort();
  }, STALL_MS);
  const sink = (e: ExecEvent): void => {
    trace(JSON.stringify(e));
    if ('step' in e) last.set(e.step, e);
    if (e.type === 'apply-finished') clearTimeout(timer);
    if (spec === null || e.type !== 'step-started' || ++started !== spec.afterSteps) return;
    stop.abort();
    if (spec.hard) kill.abort();
  };
  return { sink, signal: stop.signal, abort: kill.signal, stalled: () => stalled, last: atStall };
}

/** An apply that made no progress for STALL_MS: where every unfinished step was. */
function reportStall(
  steps: StepResult[],
  last: Map<string, ExecEvent>,
  round: number,
  out: ChaosOutcome,
): void {
  const open = steps.filter((x) => x.status === 'failed' || x.status === 'not-started');
  const where = open.map((x) => `${x.id} (last: ${JSON.stringify(last.get(x.id) ?? null)})`);
  out.violations.push(
    `round ${round}: apply stalled for ${STALL_MS / 1000} s; unfinished: ${where.join(', ') || 'none'}`,
  );
}

interface Round {
  plan: Plan;
  /** Every plan so far, this one included: a delete can outlast an interrupted apply. */
  plans: Plan[];
  before: Pkg[];
  after: Pkg[];
}

function checkRound(r: Round, declared: Declared[], prune: boolean): string[] {
  return [
    ...unsafePlannedDeletes(r.plan, r.before, declared, prune),
    ...unplannedDeletes(r.before, r.after, r.plans),
    ...unplannedDetaches(r.before, r.after, declared, r.plans),
    ...duplicates(r.after),
  ];
}

interface RoundContext {
  emulator: TestEmulator;
  client: RpcClient;
  desired: DesiredState;
  trace: (line: string) => void;
}

/** One apply of a plan, with the case's interruption and the stall deadline. */
async function applyOnce(c: ChaosCase, round: number, plan: Plan, ctx: RoundContext) {
  ctx.trace(`round ${round}: ${plan.steps.map((s) => s.id).join(', ')}`);
  const signals = signalsFor(c, round, ctx.trace);
  const result = await executePlan(plan, {
    client: ctx.client,
    concurrency: 4,
    stack: ctx.desired.stack,
    sink: signals.sink,
    signal: signals.signal,
    abort: signals.abort,
    pollIntervalMs: 10,
    maxPollIntervalMs: 100,
    retry: { baseMs: 10, maxDelayMs: 100 },
  });
  return { result, signals };
}

function roundSummary(round: number, plan: Plan, result: ApplyResult): string {
  const t = result.totals;
  const failures = result.steps
    .filter((x) => x.error)
    .map((x) => `${x.id} ${x.error?.code}: ${x.error?.message}`);
  const interrupted = result.interrupted ? ', interrupted' : '';
  const detail = failures.length > 0 ? ` [${failures.join('; ')}]` : '';
  return `apply ${round}: ${plan.steps.length} steps, ${t.done} done, ${t.failed} failed, ${t.skipped} skipped${interrupted}${detail}`;
}

async function applyRounds(c: ChaosCase, ctx: RoundContext, out: ChaosOutcome): Promise<void> {
  const declared = declaredOf(c);
  const plans: Plan[] = [];
  for (let round = 1; round <= MAX_APPLIES; round++) {
    const before = packagesOf(await ctx.emulator.state());
    const { plan } = await createPlan({
      client: ctx.client,
      desired: ctx.desired,
      options: { prune: c.prune },
    });
    if (plan.errors.length > 0) {
      out.violations.push(`round ${round}: plan has errors: ${plan.errors.map((e) => e.message).join('; ')}`);
      return;
    }
    if (plan.steps.length === 0) return;
    plans.push(plan);
    out.applies = round;
    const { result, signals } = await applyOnce(c, round, plan, ctx);
    out.rounds.push(roundSummary(round, plan, result));
    const after = packagesOf(await ctx.emulator.state());
    const found = checkRound({ plan, plans, before, after }, declared, c.prune);
    out.violations.push(...found.map((v) => `round ${round}: ${v}`));
    if (signals.stalled()) {
      // A stalled apply would stall again; the final plan reports what is left.
      reportStall(result.steps, signals.last, round, out);
      return;
    }
  }
}

/** After the rounds, with faults off: an empty plan and the declared end state. */
async function finalChecks(
  c: ChaosCase,
  ctx: RoundContext,
  initial: Pkg[],
  out: ChaosOutcome,
): Promise<void> {
  await ctx.emulator.setFaults({ rate: 0, kinds: [] });
  const { plan } = await createPlan({
    client: ctx.client,
    desired: ctx.desired,
    options: { prune: c.prune },
  });
  if (plan.steps.length > 0) {
    const left = plan.steps.map((s) => s.id).join(', ');
    out.violations.push(
      `not converged after ${MAX_APPLIES} applies: ${plan.steps.length} steps left (${left})`,
    );
  }
  const stats = await ctx.emulator.stats();
  out.faults = stats.faults;
  out.requests = Object.values(stats.calls).reduce((a, b) => a + b, 0);
  const state = await ctx.emulator.state();
  const final = packagesOf(state);
  out.violations.push(
    ...othersTouched(initial, final),
    ...endState(final, declaredOf(c), capsOfState(state)),
    ...duplicates(final),
    ...orphans(final),
  );
}

export async function runChaosCase(
  c: ChaosCase,
  trace: (line: string) => void = () => {},
): Promise<ChaosOutcome> {
  const out: ChaosOutcome = { violations: [], applies: 0, rounds: [], faults: {}, requests: 0 };
  const emulator = await startTestEmulator({ seed: seedOf(c), asyncMs: 20 });
  const client = chaosClient(emulator, trace);
  try {
    const ctx: RoundContext = { emulator, client, desired: await loadCase(c), trace };
    const initial = packagesOf(await emulator.state());
    const faults = c.faults ?? { rate: FAULT_RATE, kinds: [...FAULT_KINDS] };
    await emulator.setFaults({ ...faults, seed: c.faultSeed, latencyMs: 20 });
    await applyRounds(c, ctx, out);
    await finalChecks(c, ctx, initial, out);
  } catch (err: unknown) {
    out.violations.push(`error: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await client.close();
    await emulator.close();
  }
  return out;
}
