import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ApiError } from './errors.js';

export interface Credential {
  accessKeyId: string;
  accessKeySecret: string;
}

/** What a verified request tells the server: who signed it and the nonce to remember. */
export interface Signer {
  accessKeyId: string;
  nonce: string;
  timestamp: number;
}

/** V1 timestamps are valid for 31 minutes (reference §4.1); V3 dates for 15 minutes. */
const V1_WINDOW_MS = 31 * 60_000;
const V3_WINDOW_MS = 15 * 60_000;

/** RFC 3986 percent-encoding as Alibaba's signers use it. */
export function percentEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function lookup(keys: ReadonlyMap<string, string>, id: string): string {
  const secret = keys.get(id);
  if (secret === undefined) {
    throw new ApiError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
  }
  return secret;
}

function checkTime(value: string, windowMs: number, now: number): number {
  const t = Date.parse(value);
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(value) || Number.isNaN(t)) {
    throw new ApiError(
      400,
      'InvalidTimeStamp.Format',
      `Specified time stamp or date value "${value}" is not well formatted.`,
    );
  }
  if (Math.abs(now - t) > windowMs) {
    throw new ApiError(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
  }
  return t;
}

function mismatch(): ApiError {
  return new ApiError(
    400,
    'SignatureDoesNotMatch',
    'Specified signature is not matched with our calculation.',
  );
}

/** V1 (HMAC-SHA1): StringToSign = METHOD&%2F&enc(sorted enc(k)=enc(v)). */
export function v1Signature(method: string, params: ReadonlyMap<string, string>, secret: string): string {
  const pairs = [...params]
    .filter(([k]) => k !== 'Signature')
    .map(([k, v]) => [percentEncode(k), percentEncode(v)] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const canonical = pairs.map(([k, v]) => `${k}=${v}`).join('&');
  const toSign = `${method}&${percentEncode('/')}&${percentEncode(canonical)}`;
  return createHmac('sha1', `${secret}&`).update(toSign).digest('base64');
}

export function verifyV1(
  method: string,
  params: ReadonlyMap<string, string>,
  keys: ReadonlyMap<string, string>,
  now: number,
): Signer {
  const id = params.get('AccessKeyId');
  const signature = params.get('Signature');
  const nonce = params.get('SignatureNonce');
  const timestamp = params.get('Timestamp');
  if (!id || !signature)
    throw new ApiError(
      400,
      'IncompleteSignature',
      'The request signature does not conform to Aliyun standards.',
    );
  if (!nonce)
    throw new ApiError(
      400,
      'MissingParameter',
      'The input parameter "SignatureNonce" that is mandatory for processing this request is not supplied.',
    );
  if (!timestamp)
    throw new ApiError(
      400,
      'MissingParameter',
      'The input parameter "Timestamp" that is mandatory for processing this request is not supplied.',
    );
  const method1 = params.get('SignatureMethod');
  if (method1 !== undefined && method1 !== 'HMAC-SHA1') {
    throw new ApiError(
      400,
      'InvalidParameter',
      `SignatureMethod "${method1}" is not supported; use HMAC-SHA1.`,
    );
  }
  const secret = lookup(keys, id);
  const ts = checkTime(timestamp, V1_WINDOW_MS, now);
  if (!safeEqual(v1Signature(method, params, secret), signature)) throw mismatch();
  return { accessKeyId: id, nonce, timestamp: ts };
}

export interface V3Request {
  method: string;
  /** Raw query string (without `?`). */
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function parseAuthorization(value: string): { id: string; signed: string[]; signature: string } {
  const m = /^ACS3-HMAC-SHA256\s+Credential=([^,]+),\s*SignedHeaders=([^,]*),\s*Signature=([0-9a-f]+)$/.exec(
    value.trim(),
  );
  if (!m)
    throw new ApiError(
      400,
      'IncompleteSignature',
      'The Authorization header does not conform to ACS3-HMAC-SHA256.',
    );
  return { id: m[1]!, signed: m[2] === '' ? [] : m[2]!.split(';'), signature: m[3]! };
}

function headerValue(headers: IncomingHttpHeaders, name: string): string {
  const v = headers[name];
  if (Array.isArray(v))
    return v
      .map((s) => s.trim())
      .sort()
      .join(',');
  return (v ?? '').trim();
}

/** V3 canonical request (reference §4.2), computed from what the client says it signed. */
export function v3Signature(req: V3Request, signed: string[], secret: string): string {
  const query = [...req.query]
    .map(([k, v]) => [percentEncode(k), percentEncode(v)] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const names = [...signed].sort();
  const canonicalHeaders = names.map((n) => `${n}:${headerValue(req.headers, n)}\n`).join('');
  const payloadHash = headerValue(req.headers, 'x-acs-content-sha256');
  const canonical = [req.method, '/', query, canonicalHeaders, names.join(';'), payloadHash].join('\n');
  const toSign = `ACS3-HMAC-SHA256\n${createHash('sha256').update(canonical).digest('hex')}`;
  return createHmac('sha256', secret).update(toSign).digest('hex');
}

export function verifyV3(req: V3Request, keys: ReadonlyMap<string, string>, now: number): Signer {
  const auth = parseAuthorization(headerValue(req.headers, 'authorization'));
  const secret = lookup(keys, auth.id);
  for (const required of ['host', 'x-acs-action', 'x-acs-version', 'x-acs-date', 'x-acs-signature-nonce']) {
    if (!auth.signed.includes(required)) {
      throw new ApiError(400, 'IncompleteSignature', `The signed headers must include "${required}".`);
    }
  }
  const bodyHash = createHash('sha256').update(req.body).digest('hex');
  if (headerValue(req.headers, 'x-acs-content-sha256') !== bodyHash) {
    throw new ApiError(
      400,
      'ContentSHA256NotMatched',
      'The x-acs-content-sha256 header does not match the body.',
    );
  }
  const ts = checkTime(headerValue(req.headers, 'x-acs-date'), V3_WINDOW_MS, now);
  if (!safeEqual(v3Signature(req, auth.signed, secret), auth.signature)) throw mismatch();
  return { accessKeyId: auth.id, nonce: headerValue(req.headers, 'x-acs-signature-nonce'), timestamp: ts };
}
