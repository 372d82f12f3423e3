import { createHash, createHmac } from 'node:crypto';
import { codePointCompare, percentEncode } from './encode.js';

export const V3_ALGORITHM = 'ACS3-HMAC-SHA256';
export const EMPTY_PAYLOAD_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export interface V3Request {
  /** Left as given: the SDK's own unit vectors sign an unset method as the text `undefined`. */
  method: string | undefined;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  payloadHash: string;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Like the SDK: values encoded, keys as they are (identical for the ASCII names we send). */
function canonicalQueryV3(query: Record<string, string>): string {
  return Object.keys(query)
    .sort(codePointCompare)
    .map((k) => `${k}=${percentEncode(query[k] ?? '')}`)
    .join('&');
}

function isSignedHeader(lowerName: string): boolean {
  return lowerName === 'host' || lowerName === 'content-type' || lowerName.startsWith('x-acs-');
}

/** Signed headers grouped by lower-case name; duplicate names join their sorted values with `,`. */
function signedHeaderMap(headers: Record<string, string>): Map<string, string> {
  const grouped = new Map<string, string[]>();
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (!isSignedHeader(lower)) continue;
    const values = grouped.get(lower) ?? [];
    values.push(value.trim());
    grouped.set(lower, values);
  }
  const names = [...grouped.keys()].sort(codePointCompare);
  return new Map(names.map((n) => [n, (grouped.get(n) ?? []).sort(codePointCompare).join(',')]));
}

export function canonicalRequestV3(req: V3Request): { canonical: string; signedHeaders: string } {
  const headers = signedHeaderMap(req.headers);
  const canonicalHeaders = [...headers].map(([n, v]) => `${n}:${v}\n`).join('');
  const signedHeaders = [...headers.keys()].join(';');
  const canonical = [
    String(req.method),
    req.path,
    canonicalQueryV3(req.query),
    canonicalHeaders,
    signedHeaders,
    req.payloadHash,
  ].join('\n');
  return { canonical, signedHeaders };
}

export function stringToSignV3(canonical: string): string {
  return `${V3_ALGORITHM}\n${sha256Hex(canonical)}`;
}

/** The `Authorization` header value (reference §4.2); the HMAC key is the raw secret. */
export function authorizationV3(
  req: V3Request,
  credentials: { accessKeyId: string; accessKeySecret: string },
): string {
  const { canonical, signedHeaders } = canonicalRequestV3(req);
  const signature = createHmac('sha256', credentials.accessKeySecret)
    .update(stringToSignV3(canonical), 'utf8')
    .digest('hex');
  return `${V3_ALGORITHM} Credential=${credentials.accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
}
