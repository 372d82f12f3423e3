import { hash } from 'node:crypto';

/** JSON with object keys sorted at every level and undefined dropped: equal data, equal text. */
export function canonicalJson(value: unknown, omit?: ReadonlySet<string>): string {
  const replacer = omit
    ? (key: string, v: unknown) => (omit.has(key) ? undefined : sortedKeys(key, v))
    : sortedKeys;
  return JSON.stringify(value, replacer) ?? 'null';
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  // Most objects are built in sorted order already; copy only when they are not.
  let ordered = true;
  for (let i = 1; i < keys.length && ordered; i++) ordered = (keys[i - 1] as string) < (keys[i] as string);
  if (ordered) return value;
  const out: Record<string, unknown> = {};
  for (const k of keys.sort()) out[k] = obj[k];
  return out;
}

export function sha256(text: string): string {
  // One-shot hashing: a Hash object per call costs more than hashing a fingerprint's text.
  return hash('sha256', text);
}

/** `sha256:<hex>` of the canonical JSON, leaving out keys named in `omit` at any depth. */
export function hashOf(value: unknown, omit?: ReadonlySet<string>): string {
  return `sha256:${sha256(canonicalJson(value, omit))}`;
}
