import { randomUUID } from 'node:crypto';
import type { Product } from '../model/kinds.js';
import type { Credentials } from './credentials.js';
import { canonicalQuery } from './encode.js';
import { API_VERSIONS } from './endpoints.js';
import { signV1 } from './sign-v1.js';
import { authorizationV3, EMPTY_PAYLOAD_SHA256 } from './sign-v3.js';

export type SignatureVersion = 'v3' | 'v1';

export interface SignedRequest {
  method: 'GET' | 'POST';
  /** Path and query, e.g. `/?Action=…`. */
  path: string;
  headers: Record<string, string>;
}

export interface RequestInput {
  product: Product;
  action: string;
  /** Flattened business parameters (ClientToken included), identical on every retry. */
  params: Record<string, string>;
  origin: URL;
  credentials: Credentials;
  now: Date;
  nonce?: string;
}

/** `yyyy-MM-ddTHH:mm:ssZ`, the format both signatures require. */
export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** V3 as the official SDK sends RPC calls: POST `/`, every parameter in the query, empty body. */
export function buildV3(input: RequestInput): SignedRequest {
  const headers: Record<string, string> = {
    host: input.origin.host,
    'x-acs-action': input.action,
    'x-acs-version': API_VERSIONS[input.product],
    'x-acs-date': isoSeconds(input.now),
    'x-acs-signature-nonce': input.nonce ?? randomUUID().replaceAll('-', ''),
    'x-acs-content-sha256': EMPTY_PAYLOAD_SHA256,
  };
  if (input.credentials.securityToken) {
    headers['x-acs-security-token'] = input.credentials.securityToken;
    headers['x-acs-accesskey-id'] = input.credentials.accessKeyId;
  }
  headers.authorization = authorizationV3(
    { method: 'POST', path: '/', query: input.params, headers, payloadHash: EMPTY_PAYLOAD_SHA256 },
    input.credentials,
  );
  const query = canonicalQuery(input.params);
  return { method: 'POST', path: query ? `/?${query}` : '/', headers };
}

/** V1 as the seed documents it: GET with the common parameters and `Signature` in the query. */
export function buildV1(input: RequestInput): SignedRequest {
  const params: Record<string, string> = {
    ...input.params,
    Action: input.action,
    Version: API_VERSIONS[input.product],
    Format: 'JSON',
    AccessKeyId: input.credentials.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: input.nonce ?? randomUUID(),
    Timestamp: isoSeconds(input.now),
  };
  if (input.credentials.securityToken) params.SecurityToken = input.credentials.securityToken;
  params.Signature = signV1('GET', params, input.credentials.accessKeySecret);
  return { method: 'GET', path: `/?${canonicalQuery(params)}`, headers: { host: input.origin.host } };
}
