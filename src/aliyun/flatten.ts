import type { RpcParams, RpcValue } from './types.js';

/**
 * Flattens nested parameters the way the official SDK does (`flatMap` in darabonba-openapi-util):
 * arrays are 1-based (`IpInstanceIds.1`), objects nest with dots (`Tag.1.Key`,
 * `Filter.1.Value.1`), null and undefined are skipped, booleans become "true"/"false".
 */
export function flatten(params: RpcParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) put(out, key, value);
  return out;
}

function put(out: Record<string, string>, key: string, value: RpcValue): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) put(out, `${key}.${i + 1}`, item);
    return;
  }
  if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) put(out, `${key}.${k}`, v);
    return;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError(`parameter ${key} is not a finite number: ${value}`);
  }
  out[key] = String(value);
}
