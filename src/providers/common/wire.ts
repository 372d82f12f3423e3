import { BwsyncError } from '../../errors.js';
import { STACK_TAG } from '../../model/kinds.js';
import type { PlainValue } from '../../model/plan.js';

/**
 * Lenient readers for Alibaba's JSON: documented types and samples disagree (numbers as
 * strings, booleans as "true"), lists come in wrapper objects. Everything is converted once
 * here, at the edge; an impossible shape is an error naming the action and RequestId.
 */
export type Wire = Record<string, unknown>;

export class WireShapeError extends BwsyncError {
  constructor(action: string, requestId: string | undefined, what: string) {
    super(
      'unexpected-response',
      `The ${action} response has an unexpected shape: ${what} (RequestId ${requestId ?? 'unknown'}).`,
      { hint: 'This is likely an API change; run with --debug and report it.' },
    );
  }
}

export function isWire(value: unknown): value is Wire {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown, fallback = ''): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return fallback;
}

export function optStr(value: unknown): string | undefined {
  const s = str(value);
  return s === '' ? undefined : s;
}

export function num(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    if (Number.isFinite(n)) return n;
  }
  return undefined;
}

export function bool(value: unknown): boolean {
  return value === true || value === 'true' || value === 1 || value === '1';
}

/** `{Outer: {Inner: [...]}}`, `{Outer: [...]}` or a lone object → an array of objects. */
export function unwrapList(value: unknown, inner?: string): Wire[] {
  let v = value;
  if (inner !== undefined && isWire(v)) v = v[inner];
  if (Array.isArray(v)) return v.filter(isWire);
  if (isWire(v)) return [v];
  return [];
}

/** Same as unwrapList for lists of scalars (`CenIds: {CenId: [..]}`, `Accelerators: [..]`). */
export function unwrapStrings(value: unknown, inner?: string): string[] {
  let v = value;
  if (inner !== undefined && isWire(v)) v = v[inner];
  if (Array.isArray(v)) return v.map((x) => str(x)).filter((x) => x !== '');
  if (typeof v === 'string' && v !== '') return [v];
  return [];
}

/** Tags as `{Tags:{Tag:[{Key,Value}]}}` (VPC, CBN) or `[{Key,Value}]` (GA). */
export function tagsFrom(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of unwrapList(value, 'Tag')) {
    const key = str(t.Key ?? t.TagKey);
    if (key !== '') out[key] = str(t.Value ?? t.TagValue);
  }
  return out;
}

/** GA times are epoch milliseconds as strings; others are ISO already. */
export function timeToIso(value: unknown): string | undefined {
  const n = num(value);
  if (n !== undefined && n > 100_000_000_000) return new Date(n).toISOString();
  return optStr(value);
}

/**
 * Set at create on kinds whose create call takes no name (GA): a package whose naming step
 * never ran (an interrupted apply) is still recognised by its declared name.
 */
export const NAME_TAG = 'bwsync:name';

/** `bwsync:*` tags are bwsync's own (stack, name) and never part of a diff of `tags`. */
export function isOwnTag(key: string): boolean {
  return key === STACK_TAG || key.startsWith('bwsync:');
}

/** User tags only, sorted by key. */
export function userTags(tags: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(tags).sort()) if (!isOwnTag(k)) out[k] = tags[k] ?? '';
  return out;
}

/** The name a package is known by: its name, else the name tag set at create. */
export function nameOf(live: { name: string; tags: Record<string, string> }): string {
  return live.name !== '' ? live.name : (live.tags[NAME_TAG] ?? '');
}

/**
 * A comparable view without the fields that are undefined: a field omitted in YAML is "don't
 * care" and must not appear, so it never diffs. Key order is the order given.
 */
export function definedView(fields: Record<string, PlainValue | undefined>): Record<string, PlainValue> {
  const view: Record<string, PlainValue> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) view[key] = value;
  return view;
}
