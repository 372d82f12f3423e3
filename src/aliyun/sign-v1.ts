import { createHmac } from 'node:crypto';
import { canonicalQuery, percentEncode } from './encode.js';

/**
 * RPC signature V1 (`HMAC-SHA1`, `SignatureVersion=1.0`), reference §4.1. `params` are every
 * request parameter except `Signature`, already flattened.
 */
export function stringToSignV1(method: string, params: Record<string, string>): string {
  return `${method}&${percentEncode('/')}&${percentEncode(canonicalQuery(params))}`;
}

export function signV1(method: string, params: Record<string, string>, accessKeySecret: string): string {
  return createHmac('sha1', `${accessKeySecret}&`)
    .update(stringToSignV1(method, params), 'utf8')
    .digest('base64');
}
