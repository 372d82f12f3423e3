import type { RpcClient } from '../aliyun/types.js';
import { PlanError } from '../errors.js';
import type { EventSink, ExecEvent } from '../model/events.js';
import type { Plan, Step } from '../model/plan.js';
import type { ApplyResult, StepResult } from '../model/result.js';
import type { RetryPolicy } from './backoff.js';
import { PriorityGate } from './gate.js';
import { createReader } from './reader.js';
import { buildResult } from './result.js';
import { gateGroup, runStep, type StepContext, type StepRun } from './run-step.js';
import { checkProtect } from './safety.js';
import { chainHeights, schedule } from './scheduler.js';
import { createPoller, type LiveReader } from './waits.js';

export {
  CEN_IDS_PER_CALL,
  choosePlan,
  createReader,
  pointReader,
  providerReader,
  type ReadPlan,
} from './reader.js';
export { checkProtect, checkSafety, SAFETY_MIN_MANAGED, SAFETY_THRESHOLD, safetyFigures } from './safety.js';
export { clientTokenFor } from './tokens.js';
export type { LiveReader, ReadQuery } from './waits.js';

export const DEFAULT_CONCURRENCY = 8;
/** Real clouds take seconds per transition (Terraform polls every 3–30 s). */
export const DEFAULT_POLL_INTERVAL_MS = 1000;
export const DEFAULT_MAX_POLL_INTERVAL_MS = 10_000;
export const DEFAULT_RETRY: RetryPolicy = { baseMs: 1000, maxDelayMs: 15_000, maxAttempts: 10 };

export interface ExecuteOptions {
  client: RpcClient;
  /** Re-reads live resources for waits and ambiguity checks; defaults to the providers' read. */
  read?: LiveReader;
  concurrency: number;
  stack: string;
  /** Interrupt: stop beginning steps; the ones in flight finish. */
  signal?: AbortSignal;
  /** Abandon in-flight calls and waits (second signal, or the grace period ran out). */
  abort?: AbortSignal;
  sink?: EventSink;
  /** First poll interval of a wait; grows ×1.5 up to maxPollIntervalMs. */
  pollIntervalMs?: number;
  maxPollIntervalMs?: number;
  retry?: Partial<RetryPolicy>;
  now?: () => number;
}

/**
 * Carries out a plan's steps against the cloud: a DAG run with bounded concurrency, one
 * mutation per lock, deterministic ClientTokens, busy retries, ambiguity checks, batched
 * waits. Never throws for a failed step (the result says so); throws only when the plan
 * itself cannot be run (plan errors, protect, a malformed graph).
 */
export async function executePlan(plan: Plan, options: ExecuteOptions): Promise<ApplyResult> {
  if (plan.errors.length > 0) {
    throw new PlanError(
      'plan-has-errors',
      `The plan has ${plan.errors.length} error(s) and cannot be applied.`,
      {
        hint: 'Fix the errors shown by `bwsync plan`, then plan again.',
      },
    );
  }
  checkProtect(plan);
  const now = options.now ?? Date.now;
  const startedAt = now();
  const counting = countingClient(options.client);
  const read = options.read ?? createReader();
  const emit = (event: ExecEvent): void => options.sink?.(event);
  const ctx: StepContext = {
    client: counting.client,
    stack: options.stack,
    outputs: new Map(),
    poller: createPoller({
      client: counting.client,
      read,
      initialIntervalMs: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
      maxIntervalMs: options.maxPollIntervalMs ?? DEFAULT_MAX_POLL_INTERVAL_MS,
      ...(options.abort ? { signal: options.abort } : {}),
      now,
    }),
    read,
    gate: new PriorityGate(options.concurrency, {
      groupTotals: callsPerAction(plan.steps),
      lead: chainLead(plan.steps.length, options.concurrency),
    }),
    priority: chainHeights(plan.steps),
    retry: { ...DEFAULT_RETRY, ...options.retry },
    emit,
    now,
    ...(options.signal ? { stop: options.signal } : {}),
    ...(options.abort ? { abort: options.abort } : {}),
  };
  const results = new Map<string, StepResult>();
  emit({ type: 'apply-started', total: plan.steps.length, at: startedAt });
  const onInterrupt = (): void => {
    const reason = options.signal?.reason;
    emit({
      type: 'interrupted',
      signal: typeof reason === 'string' ? reason : 'abort',
      in_flight: counting.inFlight(),
      at: now(),
    });
  };
  options.signal?.addEventListener('abort', onInterrupt, { once: true });
  try {
    await schedule({
      steps: plan.steps,
      ...(options.signal ? { stop: options.signal } : {}),
      run: (step) => runAndRecord(step, ctx, results),
      onSkip: (step, because) => {
        results.set(step.id, skipped(step, because));
        emit({ type: 'step-skipped', step: step.id, because, at: now() });
      },
    });
  } finally {
    options.signal?.removeEventListener('abort', onInterrupt);
  }
  const result = buildResult(plan, results, {
    startedAt,
    finishedAt: now(),
    interrupted: options.signal?.aborted === true,
    apiCalls: counting.calls(),
  });
  emit({
    type: 'apply-finished',
    done: result.totals.done,
    failed: result.totals.failed,
    skipped: result.totals.skipped,
    at: now(),
  });
  return result;
}

async function runAndRecord(
  step: Step,
  ctx: StepContext,
  results: Map<string, StepResult>,
): Promise<'done' | 'failed' | 'not-started'> {
  const started = ctx.now();
  const run = await runStep(step, ctx).catch(
    (e: unknown): StepRun => ({
      status: 'failed',
      attempts: 0,
      requestIds: [],
      error: { code: 'InternalError', message: e instanceof Error ? e.message : String(e) },
    }),
  );
  if (run.status === 'not-started') return 'not-started';
  const duration = ctx.now() - started;
  const result: StepResult = {
    id: step.id,
    address: step.address,
    action: step.action,
    description: step.description,
    status: run.status,
    attempts: run.attempts,
    duration_ms: duration,
    request_ids: run.requestIds,
  };
  if (run.error) result.error = run.error;
  if (run.outputs) result.outputs = run.outputs;
  results.set(step.id, result);
  if (run.status === 'done') {
    ctx.emit({ type: 'step-done', step: step.id, duration_ms: duration, at: ctx.now() });
  } else if (run.error) {
    const event: ExecEvent = {
      type: 'step-failed',
      step: step.id,
      code: run.error.code,
      message: run.error.message,
      at: ctx.now(),
    };
    if (run.error.request_id) event.request_id = run.error.request_id;
    ctx.emit(event);
  }
  return run.status;
}

function skipped(step: Step, because: string): StepResult {
  return {
    id: step.id,
    address: step.address,
    action: step.action,
    description: step.description,
    status: 'skipped',
    attempts: 0,
    duration_ms: 0,
    request_ids: [],
    skipped_because: because,
  };
}

/**
 * Head start per unit of chain height, as a share of an action's calls: LEAD_ROUNDS rounds of
 * `concurrency` calls out of the run's calls. A short run thus starts its chains first (their
 * waits set its length); a long one spreads them, so each action's calls stay under its rate.
 * 20 measured best on the benchmark (10 and 40 left more time after the last call).
 */
const LEAD_ROUNDS = 20;

function chainLead(calls: number, concurrency: number): number {
  return (LEAD_ROUNDS * Math.max(1, concurrency)) / Math.max(1, calls);
}

/** Steps per API action: the gate balances progress across them (each has its own rate limit). */
function callsPerAction(steps: readonly Step[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const s of steps) totals.set(gateGroup(s), (totals.get(gateGroup(s)) ?? 0) + 1);
  return totals;
}

/** Counts every call made through the client (steps, waits, re-reads) for the report. */
function countingClient(inner: RpcClient): {
  client: RpcClient;
  calls: () => number;
  inFlight: () => number;
} {
  let calls = 0;
  let inFlight = 0;
  const client: RpcClient = {
    async call(product, action, params, options) {
      calls += 1;
      inFlight += 1;
      try {
        const response = await inner.call(product, action, params, options);
        calls += response.attempts - 1;
        return response;
      } finally {
        inFlight -= 1;
      }
    },
    close: () => inner.close(),
  };
  return { client, calls: () => calls, inFlight: () => inFlight };
}
