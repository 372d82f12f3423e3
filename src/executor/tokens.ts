import { createHash } from 'node:crypto';
import type { Step, StepParam } from '../model/plan.js';

/** Alibaba documents ClientToken as at most 64 ASCII characters. */
export const CLIENT_TOKEN_MAX = 64;
const PREFIX = 'bwsync-';

/**
 * JSON with object keys sorted at every level, so that the same parameters always hash the
 * same whatever order the planner or a saved plan file wrote them in.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The ClientToken of a step: a hash of the stack, the step id, the API action and the step's
 * parameters after references are resolved. Deterministic, so every retry of the step and
 * every re-run of the same plan sends the same token: a create whose response was lost is
 * answered with the original id instead of making a second package.
 */
export function clientTokenFor(
  stack: string,
  step: Step,
  resolvedParams?: { [key: string]: StepParam },
): string {
  const params = { ...(resolvedParams ?? step.api.params) };
  delete params.ClientToken;
  const material = canonicalJson({
    stack,
    step: step.id,
    product: step.api.product,
    action: step.api.action,
    region: step.api.region,
    params,
  });
  const digest = createHash('sha256').update(material).digest('hex');
  return `${PREFIX}${digest.slice(0, CLIENT_TOKEN_MAX - PREFIX.length)}`;
}
