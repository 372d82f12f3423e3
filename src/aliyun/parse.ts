/**
 * Lenient readers for API responses, whose samples contradict their declared types
 * (reference §0): numbers arrive as strings, booleans as "true"/"false", lists inside
 * wrapper objects. Providers convert at their edge with these.
 */

/** A finite number from a number or a numeric string; undefined otherwise. */
export function num(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** A boolean from a boolean or "true"/"false" in any case; undefined otherwise. */
export function bool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (s === 'true') return true;
    if (s === 'false') return false;
  }
  return undefined;
}

/** A string from a string or a number; undefined for anything else, empty strings kept. */
export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The items of a list that VPC/CBN wrap (`{Wrapper: {Item: [...]}}`) or GA returns plain
 * (`{Wrapper: [...]}`). A single object where a list was expected becomes a one-item list
 * (XML-to-JSON gateways do that); missing or empty gives []. Only objects are kept.
 */
export function list(obj: unknown, wrapper: string, item?: string): Record<string, unknown>[] {
  if (!isRecord(obj)) return [];
  let v: unknown = obj[wrapper];
  if (item !== undefined && isRecord(v)) v = v[item];
  if (v === undefined || v === null || v === '') return [];
  const items = Array.isArray(v) ? v : [v];
  return items.filter(isRecord);
}

/** Plain string lists such as `{IpInstanceIds: {IpInstanceId: ["eip-1"]}}`. */
export function strList(obj: unknown, wrapper: string, item?: string): string[] {
  if (!isRecord(obj)) return [];
  let v: unknown = obj[wrapper];
  if (item !== undefined && isRecord(v)) v = v[item];
  if (v === undefined || v === null || v === '') return [];
  const items = Array.isArray(v) ? v : [v];
  return items.map(str).filter((s): s is string => s !== undefined);
}
