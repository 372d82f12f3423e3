/**
 * RFC 3986 percent-encoding as Alibaba Cloud signs it: unreserved `A-Z a-z 0-9 - _ . ~` stay,
 * everything else is `%XY` in upper-case hex (space is `%20`, never `+`; `*` is `%2A`).
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Code-point order, as `Object.keys().sort()` does in the official SDKs (case-sensitive). */
export function codePointCompare(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/** `k1=v1&k2=v2`, sorted by key, keys and values percent-encoded. */
export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .sort(codePointCompare)
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k] ?? '')}`)
    .join('&');
}
