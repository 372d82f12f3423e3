import type { RpcClient, RpcParams } from '../aliyun/types.js';
import type { ExecEvent } from '../model/events.js';
import type { LiveResource } from '../model/live.js';
import type { Step, StepParam } from '../model/plan.js';
import type { StepResult } from '../model/result.js';
import { type RetryPolicy, retryDelay, sleep } from './backoff.js';
import { describeConditions, effectVisible, inTransition } from './conditions.js';
import { type CallFailure, kindOf, toFailure } from './failures.js';
import type { PriorityGate } from './gate.js';
import { resolveParams, resolveResource, type StepOutputs } from './params.js';
import { clientTokenFor } from './tokens.js';
import type { LiveReader, Poller } from './waits.js';

/** How long an ambiguity check lets a transition run before judging anyway. */
const SETTLE_MAX_MS = 60_000;

export interface StepContext {
  client: RpcClient;
  stack: string;
  /** Response bodies of finished steps, by step id, for `{ref, field}` parameters. */
  outputs: Map<string, Record<string, unknown>>;
  poller: Poller;
  read: LiveReader;
  /** Bounds the calls in flight (waits do not hold a slot), longest chain first. */
  gate: PriorityGate;
  /** chainHeights of the plan: the gate's priorities. */
  priority: ReadonlyMap<string, number>;
  retry: RetryPolicy;
  emit: (event: ExecEvent) => void;
  now: () => number;
  /** Interrupt: do not begin a step that has not begun. */
  stop?: AbortSignal;
  /** Give up on in-flight calls and waits (second signal, or the grace period ran out). */
  abort?: AbortSignal;
}

/** What one step came to; the scheduler adds timing and the step's identity. */
export interface StepRun {
  status: 'done' | 'failed' | 'not-started';
  attempts: number;
  requestIds: string[];
  error?: NonNullable<StepResult['error']>;
  outputs?: Record<string, string>;
}

interface Tally {
  attempts: number;
  requestIds: string[];
}

type CallOutcome = { ok: true; body: Record<string, unknown> } | { ok: false; failure: CallFailure };

/** Runs one step: resolve parameters, call with retries, then wait for its target state. */
export async function runStep(step: Step, ctx: StepContext): Promise<StepRun> {
  const tally: Tally = { attempts: 0, requestIds: [] };
  let params: { [key: string]: StepParam };
  try {
    params = resolveParams(step.api.params, ctx.outputs);
  } catch (e: unknown) {
    return failed(tally, { code: 'UnresolvedReference', message: messageOf(e), classification: 'fatal' });
  }
  if (step.api.client_token) params.ClientToken = clientTokenFor(ctx.stack, step, params);
  const outcome = await ctx.gate.run(
    { priority: ctx.priority.get(step.id) ?? 0, group: gateGroup(step) },
    async (): Promise<CallOutcome | undefined> => {
      if (ctx.stop?.aborted) return undefined;
      ctx.emit({
        type: 'step-started',
        step: step.id,
        address: step.address,
        description: step.description,
        at: ctx.now(),
      });
      return callWithRetries(step, params as RpcParams, ctx, tally);
    },
  );
  if (outcome === undefined) return { status: 'not-started', attempts: 0, requestIds: [] };
  if (!outcome.ok) return failed(tally, outcome.failure);
  ctx.outputs.set(step.id, outcome.body);
  const waitFailure = await waitAfter(step, ctx);
  if (waitFailure) return failed(tally, waitFailure);
  return {
    status: 'done',
    attempts: tally.attempts,
    requestIds: tally.requestIds,
    ...outputsOf(outcome.body),
  };
}

/** The rate-limit bucket a step's call draws from (the client limits per product and action). */
export function gateGroup(step: Step): string {
  return `${step.api.product}:${step.api.action}`;
}

async function callWithRetries(
  step: Step,
  params: RpcParams,
  ctx: StepContext,
  tally: Tally,
): Promise<CallOutcome> {
  let ambiguous = false;
  for (let attempt = 1; ; attempt += 1) {
    if (ambiguous && (await effectShown(step, ctx)) === true) return { ok: true, body: {} };
    const outcome = await callOnce(step, params, ctx, tally);
    if (outcome.ok) return outcome;
    const failure = outcome.failure;
    const kind = kindOf(failure, step);
    if (kind === 'done') return { ok: true, body: {} };
    // A re-sent write refused after an ambiguous first try ("spec not changed", "already
    // associated"): the first try may have landed meanwhile; the resource decides.
    if (kind === 'fatal' && ambiguous && (await effectShown(step, ctx)) === true)
      return { ok: true, body: {} };
    if (kind === 'fatal' || ctx.abort?.aborted) return outcome;
    if (attempt >= ctx.retry.maxAttempts) return outcome;
    // An ambiguous write is re-checked before it is re-sent (immediately: it is not busy);
    // a create is re-sent with the same ClientToken, which returns the original id.
    if (kind === 'ambiguous') ambiguous = true;
    const delay = kind === 'ambiguous' ? 0 : retryDelay(ctx.retry, attempt);
    ctx.emit({
      type: 'step-retry',
      step: step.id,
      attempt: attempt + 1,
      code: failure.code,
      delay_ms: delay,
      at: ctx.now(),
    });
    await sleep(delay, ctx.abort);
    if (ctx.abort?.aborted) return outcome;
  }
}

async function callOnce(step: Step, params: RpcParams, ctx: StepContext, tally: Tally): Promise<CallOutcome> {
  try {
    const options: Parameters<RpcClient['call']>[3] = {
      region: step.api.region,
      idempotent: step.api.client_token,
    };
    if (ctx.abort) options.signal = ctx.abort;
    const response = await ctx.client.call(step.api.product, step.api.action, params, options);
    tally.attempts += response.attempts;
    tally.requestIds.push(...(response.requestIds.length > 0 ? response.requestIds : [response.requestId]));
    return { ok: true, body: response.body };
  } catch (e: unknown) {
    const failure: CallFailure = ctx.abort?.aborted
      ? {
          code: 'Interrupted',
          message:
            'The call was abandoned on interrupt; whether it took effect is unknown until the next plan.',
          classification: 'ambiguous',
        }
      : toFailure(e);
    tally.attempts += attemptsOf(e);
    for (const id of [...requestIdsOf(e), failure.requestId ?? '']) {
      if (id !== '' && !tally.requestIds.includes(id)) tally.requestIds.push(id);
    }
    return { ok: false, failure };
  }
}

/**
 * Re-reads the step's resource after an ambiguous outcome. True: the write took effect (the
 * member is there, the bandwidth is set, the package is gone or going). Undefined when the
 * step has no wait to judge by, or when it creates the resource it would read (its id is
 * unknown until the ClientToken retry returns it). A resource in a transition (status
 * conditions not met) may be carrying out our write, so it is first let settle.
 */
async function effectShown(step: Step, ctx: StepContext): Promise<boolean | undefined> {
  const wait = step.wait;
  if (wait === undefined) return undefined;
  if (typeof wait.resource !== 'string' && wait.resource.ref === step.id) return undefined;
  try {
    const id = resolveResource(wait.resource, ctx.outputs);
    const capsFor = wait.until.some((c) => c.type === 'member-cap') ? [id] : [];
    const query = { kind: wait.kind, region: wait.region, ids: [id], capsFor };
    let live = (await ctx.read(ctx.client, query)).find((r: LiveResource) => r.id === id);
    const seen = effectVisible(wait.until, live);
    // Only a resource visibly in a transition (Modifying, binding …) is let settle: a status
    // the step itself brings about (InUse after an associate) never comes if it did not land.
    if (seen !== false || live === undefined || !inTransition(live.status)) return seen;
    await ctx.poller.wait({
      kind: wait.kind,
      region: wait.region,
      id,
      until: [],
      accept: (res) => res === undefined || !inTransition(res.status),
      timeoutMs: Math.min(wait.timeout_ms, SETTLE_MAX_MS),
    });
    live = (await ctx.read(ctx.client, query)).find((r: LiveResource) => r.id === id);
    return effectVisible(wait.until, live);
  } catch {
    // A failed re-read proves nothing; the call is re-sent and its answer decides.
    return undefined;
  }
}

async function waitAfter(step: Step, ctx: StepContext): Promise<CallFailure | undefined> {
  const wait = step.wait;
  if (wait === undefined) return undefined;
  try {
    const id = resolveResource(wait.resource, ctx.outputs);
    ctx.emit({
      type: 'step-waiting',
      step: step.id,
      condition: `${id}: ${describeConditions(wait.until)}`,
      at: ctx.now(),
    });
    await ctx.poller.wait({
      kind: wait.kind,
      region: wait.region,
      id,
      until: wait.until,
      timeoutMs: wait.timeout_ms,
    });
    return undefined;
  } catch (e: unknown) {
    const code =
      typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : 'WaitFailed';
    return { code, message: messageOf(e), classification: 'fatal' };
  }
}

function failed(tally: Tally, failure: CallFailure): StepRun {
  const error: NonNullable<StepResult['error']> = { code: failure.code, message: failure.message };
  if (failure.requestId) error.request_id = failure.requestId;
  if (failure.status !== undefined) error.http_status = failure.status;
  return { status: 'failed', attempts: tally.attempts, requestIds: tally.requestIds, error };
}

/** The ids a create returned, as strings, for the report (RequestId is reported apart). */
function outputsOf(body: Record<string, unknown>): { outputs?: Record<string, string> } {
  const outputs: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k !== 'RequestId' && k.endsWith('Id') && typeof v === 'string') outputs[k] = v;
  }
  return Object.keys(outputs).length > 0 ? { outputs } : {};
}

/** The client records the RequestId of every attempt on the error it finally throws. */
function requestIdsOf(error: unknown): string[] {
  const ids = (error as { requestIds?: unknown } | null)?.requestIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

function attemptsOf(error: unknown): number {
  const n = (error as { attempts?: unknown } | null)?.attempts;
  return typeof n === 'number' && n > 0 ? n : 1;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export type { StepOutputs };
