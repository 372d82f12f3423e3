import type { Plan } from '../model/plan.js';
import type { ApplyResult } from '../model/result.js';

/**
 * The JSON output is the Plan (or ApplyResult) document itself. Key order is fixed here so
 * that two runs over the same state print byte-identical documents: known records follow the
 * order of the published schema, free-form maps (before/after, params, tags, fingerprints)
 * are sorted by key.
 */
const ORDER: Record<string, readonly string[]> = {
  plan: [
    'format_version',
    'tool',
    'stack',
    'desired_hash',
    'plan_hash',
    'options',
    'summary',
    'resource_changes',
    'steps',
    'unmanaged',
    'warnings',
    'errors',
    'fingerprints',
  ],
  resource_change: ['address', 'kind', 'region', 'name', 'id', 'change', 'reason', 'protect'],
  change: ['actions', 'before', 'after', 'attributes'],
  attribute: ['field', 'before', 'after', 'class', 'forces_replacement'],
  step: [
    'id',
    'address',
    'kind',
    'action',
    'description',
    'api',
    'depends_on',
    'locks',
    'wait',
    'done_codes',
    'busy_codes',
  ],
  api: ['product', 'action', 'region', 'params', 'client_token'],
  wait: ['kind', 'region', 'resource', 'until', 'timeout_ms'],
  result: [
    'format_version',
    'stack',
    'plan_hash',
    'started_at',
    'finished_at',
    'duration_ms',
    'interrupted',
    'converged',
    'totals',
    'remaining',
    'steps',
  ],
  step_result: [
    'id',
    'address',
    'action',
    'description',
    'status',
    'attempts',
    'duration_ms',
    'request_ids',
    'error',
    'skipped_because',
    'outputs',
  ],
};

/** Which ordering applies to the values under a key of a known record. */
const CHILD: Record<string, string> = {
  resource_changes: 'resource_change',
  change: 'change',
  attributes: 'attribute',
  steps: 'step',
  api: 'api',
  wait: 'wait',
};

export function renderPlanJson(plan: Plan): string {
  return `${JSON.stringify(ordered(plan, 'plan'), null, 2)}\n`;
}

export function renderApplyJson(result: ApplyResult): string {
  const value = ordered(result, 'result') as Record<string, unknown>;
  value.steps = result.steps.map((s) => ordered(s, 'step_result'));
  return `${JSON.stringify(value, null, 2)}\n`;
}

function ordered(value: unknown, record: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => ordered(v, record));
  if (typeof value !== 'object' || value === null) return value;
  const obj = value as Record<string, unknown>;
  const known = record === undefined ? undefined : ORDER[record];
  const keys = known === undefined ? Object.keys(obj).sort() : orderKeys(Object.keys(obj), known);
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (obj[key] === undefined) continue;
    // Below a known record, only known children keep a fixed order; maps are sorted.
    out[key] = ordered(obj[key], known === undefined ? undefined : CHILD[key]);
  }
  return out;
}

function orderKeys(keys: string[], known: readonly string[]): string[] {
  const rank = (k: string) => {
    const i = known.indexOf(k);
    return i < 0 ? known.length : i;
  };
  return keys.slice().sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}
