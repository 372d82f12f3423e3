import type { Product } from '../model/kinds.js';

/**
 * The contract every cloud call goes through. The implementation (client.ts) signs, sends over
 * undici, classifies errors, retries with backoff and rate-limits; callers see domain-free
 * JSON bodies and typed AliyunApiError failures.
 */
export type RpcValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | RpcValue[]
  | { [key: string]: RpcValue };

/** Nested arrays/objects are flattened by the client: `Tag.1.Key`, `Filter.1.Value.1`. */
export type RpcParams = { [key: string]: RpcValue };

export interface CallOptions {
  /** `RegionId` and, for VPC, the regional endpoint. Also sent as the RegionId parameter when set. */
  region?: string;
  signal?: AbortSignal;
  /**
   * Whether a network error after the request may have been sent can be retried safely:
   * true for reads and for writes carrying a ClientToken. When false, such an error surfaces
   * as an AliyunApiError with classification `ambiguous` and the caller re-reads.
   * When unset, the client counts reads (Describe/List/Get/Query/Check…) and calls with a
   * non-empty ClientToken as idempotent.
   */
  idempotent?: boolean;
  /** Per-call override of the attempt cap and overall deadline. */
  maxAttempts?: number;
  deadlineMs?: number;
  /** Extra error codes to treat as busy (wait and retry) for this call. */
  busyCodes?: string[];
}

export interface RpcResponse {
  body: Record<string, unknown>;
  requestId: string;
  status: number;
  /** Attempts made, 1 when the first try succeeded. */
  attempts: number;
  /** RequestIds of every attempt, failed ones included. */
  requestIds: string[];
}

export interface RpcClient {
  call(product: Product, action: string, params: RpcParams, options?: CallOptions): Promise<RpcResponse>;
  close(): Promise<void>;
}

/** How a failed call is classified (reference §5.3). */
export type ErrorClass = 'throttled' | 'transient' | 'busy' | 'not-found' | 'ambiguous' | 'fatal';

/**
 * One record per attempt, for `--debug` and the executor's events. Holds no secret, no
 * signature and no security token by construction.
 */
export interface CallLog {
  product: Product;
  action: string;
  /** Origin the attempt went to, e.g. `https://vpc.aliyuncs.com`. */
  endpoint: string;
  /** HTTP status; 0 when no response arrived. */
  status: number;
  durationMs: number;
  requestId: string;
  attempt: number;
  /** API error code, or `NetworkError` / `RequestTimeout`; absent on success. */
  code?: string;
  classification?: ErrorClass;
  /** Set when the client will retry: the wait before the next attempt. */
  retryInMs?: number;
}
