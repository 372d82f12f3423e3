import type { Plan } from '../model/plan.js';
import type { ApplyResult, StepResult } from '../model/result.js';

export interface ResultTiming {
  startedAt: number;
  finishedAt: number;
  interrupted: boolean;
  apiCalls: number;
}

/** The apply report: every step of the plan, in plan order, with what became of it. */
export function buildResult(
  plan: Plan,
  results: ReadonlyMap<string, StepResult>,
  timing: ResultTiming,
): ApplyResult {
  const steps = plan.steps.map(
    (s): StepResult =>
      results.get(s.id) ?? {
        id: s.id,
        address: s.address,
        action: s.action,
        description: s.description,
        status: 'not-started',
        attempts: 0,
        duration_ms: 0,
        request_ids: [],
      },
  );
  const count = (status: StepResult['status']): number => steps.filter((s) => s.status === status).length;
  const remaining = [...new Set(steps.filter((s) => s.status !== 'done').map((s) => s.address))];
  return {
    format_version: '1.0',
    stack: plan.stack,
    plan_hash: plan.plan_hash,
    started_at: new Date(timing.startedAt).toISOString(),
    finished_at: new Date(timing.finishedAt).toISOString(),
    duration_ms: timing.finishedAt - timing.startedAt,
    interrupted: timing.interrupted,
    steps,
    totals: {
      done: count('done'),
      failed: count('failed'),
      skipped: count('skipped'),
      not_started: count('not-started'),
      api_calls: timing.apiCalls,
    },
    converged: remaining.length === 0 && !timing.interrupted,
    remaining,
  };
}
