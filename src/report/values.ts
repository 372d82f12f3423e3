import type { PlainValue } from '../model/plan.js';

/** One value on one line, in Terraform's spelling: strings quoted, `null` for absent. */
export function inlineValue(value: PlainValue | undefined): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(inlineValue).join(', ')}]`;
  const entries = Object.keys(value)
    .sort()
    .map((k) => `${quoteKey(k)} = ${inlineValue(value[k])}`);
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

/** Map keys print bare when they are identifiers, quoted otherwise (tag keys like `bwsync:stack`). */
export function quoteKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : JSON.stringify(key);
}

/** True for values shown over several lines: lists and maps. */
export function isMultiLine(
  value: PlainValue | undefined,
): value is PlainValue[] | { [k: string]: PlainValue } {
  return typeof value === 'object' && value !== null;
}

/** Lines of a list's elements, one element per line, for line diffs. */
export function elementLines(value: PlainValue | undefined): string[] {
  if (!Array.isArray(value)) return [];
  return value.map(inlineValue);
}

export function isObjectValue(value: PlainValue | undefined): value is { [k: string]: PlainValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keys of a map, sorted, so the same state always renders the same way. */
export function sortedKeys(value: { [k: string]: PlainValue }): string[] {
  return Object.keys(value).sort();
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
