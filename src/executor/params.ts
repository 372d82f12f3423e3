import { InternalError } from '../errors.js';
import type { StepParam, StepRef } from '../model/plan.js';

/** What earlier steps produced: step id → response body fields. */
export type StepOutputs = ReadonlyMap<string, Record<string, unknown>>;

export function isStepRef(value: unknown): value is StepRef {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  const o = value as Record<string, unknown>;
  return keys.length === 2 && typeof o.ref === 'string' && typeof o.field === 'string';
}

/** The value a reference points to; a missing one is a planner bug, not a user error. */
export function resolveRef(ref: StepRef, outputs: StepOutputs): string {
  const body = outputs.get(ref.ref);
  if (body === undefined) {
    throw new InternalError(
      'invalid-plan',
      `Step output of ${ref.ref} is not available; it must finish before its dependents.`,
    );
  }
  const value = body[ref.field];
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number') return String(value);
  throw new InternalError(
    'invalid-plan',
    `Step ${ref.ref} returned no ${ref.field}; the response had ${Object.keys(body).join(', ')}.`,
  );
}

/** Replaces every `{ref, field}` in the parameters with the id an earlier step returned. */
export function resolveParam(value: StepParam, outputs: StepOutputs): StepParam {
  if (isStepRef(value)) return resolveRef(value, outputs);
  if (Array.isArray(value)) return value.map((v) => resolveParam(v, outputs));
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: StepParam } = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolveParam(v, outputs);
    return out;
  }
  return value;
}

export function resolveParams(
  params: { [key: string]: StepParam },
  outputs: StepOutputs,
): { [key: string]: StepParam } {
  const out: { [key: string]: StepParam } = {};
  for (const [k, v] of Object.entries(params)) out[k] = resolveParam(v, outputs);
  return out;
}

/** The resource a wait or an ambiguity check looks at. */
export function resolveResource(resource: string | StepRef, outputs: StepOutputs): string {
  return typeof resource === 'string' ? resource : resolveRef(resource, outputs);
}
