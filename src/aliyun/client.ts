import type { Product } from '../model/kinds.js';
import { isIdempotent } from './actions.js';
import type { CredentialsProvider } from './credentials.js';
import { GA_REGION, originFor, parseEndpointOverride } from './endpoints.js';
import { AliyunApiError, classify, isRetryable } from './errors.js';
import { flatten } from './flatten.js';
import { DEFAULT_RATE_LIMITS, RateLimiter, type RateLimits } from './ratelimit.js';
import { buildV1, buildV3, type SignatureVersion } from './request.js';
import { parseResponse } from './response.js';
import { backoffDelay, mayRetry, parseRetryAfter, RETRY_DEFAULTS } from './retry.js';
import { sleep } from './sleep.js';
import { Transport, TransportError } from './transport.js';
import type { CallLog, CallOptions, RpcClient, RpcParams, RpcResponse } from './types.js';

export interface ClientOptions {
  credentials: CredentialsProvider;
  /** One URL for every product (an emulator, a proxy); https, or http on loopback only. */
  endpoint?: string;
  signature?: SignatureVersion;
  /** Per attempt, from sending to the last byte of the response. Default 30 s. */
  timeoutMs?: number;
  maxAttempts?: number;
  deadlineMs?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Per-API token buckets; `false` turns the limiter off. Default: DEFAULT_RATE_LIMITS. */
  rateLimits?: RateLimits | false;
  log?: (line: CallLog) => void;
  /** Jitter source, injectable for reproducible tests. */
  random?: () => number;
}

type Attempt =
  | { ok: true; response: Omit<RpcResponse, 'attempts' | 'requestIds'> }
  | { ok: false; error: AliyunApiError };

export function createClient(options: ClientOptions): RpcClient {
  return new AliyunClient(options);
}

class AliyunClient implements RpcClient {
  private readonly transport = new Transport();
  private readonly limiter: RateLimiter | undefined;
  private readonly override: URL | undefined;

  constructor(private readonly options: ClientOptions) {
    this.override = options.endpoint ? parseEndpointOverride(options.endpoint) : undefined;
    this.limiter =
      options.rateLimits === false ? undefined : new RateLimiter(options.rateLimits ?? DEFAULT_RATE_LIMITS);
  }

  async call(
    product: Product,
    action: string,
    params: RpcParams,
    call: CallOptions = {},
  ): Promise<RpcResponse> {
    const flat = flatten(params);
    const region = call.region ?? (product === 'ga' ? GA_REGION : undefined);
    if (region !== undefined && flat.RegionId === undefined) flat.RegionId = region;
    const origin = originFor(product, region, this.override);
    const maxAttempts = call.maxAttempts ?? this.options.maxAttempts ?? RETRY_DEFAULTS.maxAttempts;
    const deadline = Date.now() + (call.deadlineMs ?? this.options.deadlineMs ?? RETRY_DEFAULTS.deadlineMs);
    const requestIds: string[] = [];
    for (let attempt = 1; ; attempt++) {
      call.signal?.throwIfAborted();
      await this.limiter?.take(product, action, call.signal);
      const started = performance.now();
      const result = await this.attempt({ product, action, params: flat, origin, call });
      const durationMs = Math.round(performance.now() - started);
      const base = { product, action, endpoint: origin.origin, attempt, durationMs };
      if (result.ok) {
        if (result.response.requestId) requestIds.push(result.response.requestId);
        this.options.log?.({ ...base, status: result.response.status, requestId: result.response.requestId });
        return { ...result.response, attempts: attempt, requestIds };
      }
      const error = result.error;
      if (error.requestId) requestIds.push(error.requestId);
      error.requestIds = requestIds;
      error.attempts = attempt;
      const delayMs = this.nextDelay(error, attempt, maxAttempts, deadline);
      this.options.log?.({
        ...base,
        status: error.status,
        requestId: error.requestId,
        code: error.code,
        classification: error.classification,
        ...(delayMs === undefined ? {} : { retryInMs: delayMs }),
      });
      if (delayMs === undefined) throw error;
      await sleep(delayMs, call.signal);
    }
  }

  /** The wait before the next attempt, or undefined when the error is final. */
  private nextDelay(
    error: AliyunApiError,
    attempt: number,
    maxAttempts: number,
    deadline: number,
  ): number | undefined {
    if (!isRetryable(error.classification)) return undefined;
    const delayMs = backoffDelay(
      attempt,
      {
        baseDelayMs: this.options.baseDelayMs ?? RETRY_DEFAULTS.baseDelayMs,
        maxDelayMs: this.options.maxDelayMs ?? RETRY_DEFAULTS.maxDelayMs,
        random: this.options.random ?? Math.random,
      },
      error.retryAfterMs,
    );
    return mayRetry({ attempt, maxAttempts, now: Date.now(), delayMs, deadline }) ? delayMs : undefined;
  }

  private async attempt(input: {
    product: Product;
    action: string;
    params: Record<string, string>;
    origin: URL;
    call: CallOptions;
  }): Promise<Attempt> {
    const { product, action, origin, call } = input;
    const credentials = await this.options.credentials.getCredentials();
    const build = this.options.signature === 'v1' ? buildV1 : buildV3;
    const req = build({ product, action, params: input.params, origin, credentials, now: new Date() });
    const timeoutMs = this.options.timeoutMs ?? 30_000;
    try {
      const raw = await this.transport.send(origin, req, { timeoutMs, signal: call.signal });
      const parsed = parseResponse(raw.status, raw.text, raw.contentType);
      if (!parsed.error)
        return { ok: true, response: { body: parsed.body, requestId: parsed.requestId, status: raw.status } };
      const retryAfterMs = parseRetryAfter(raw.retryAfter);
      const init = {
        status: raw.status,
        code: parsed.error.code,
        apiMessage: parsed.error.message,
        requestId: parsed.requestId,
      };
      const classification = classify(raw.status, parsed.error.code, call.busyCodes);
      return {
        ok: false,
        error: new AliyunApiError({
          ...init,
          action,
          product,
          classification,
          ...(retryAfterMs ? { retryAfterMs } : {}),
        }),
      };
    } catch (error: unknown) {
      if (!(error instanceof TransportError)) throw error;
      // A request that may have reached the server is safe to repeat only when idempotent;
      // callers may say so, else reads and ClientToken writes count as idempotent.
      const idempotent = call.idempotent ?? isIdempotent(action, input.params);
      const classification = error.maybeSent && !idempotent ? 'ambiguous' : 'transient';
      const apiMessage = `${error.message} (${origin.origin})`;
      return {
        ok: false,
        error: new AliyunApiError({
          status: 0,
          code: error.code,
          apiMessage,
          requestId: '',
          action,
          product,
          classification,
          cause: error,
        }),
      };
    }
  }

  close(): Promise<void> {
    return this.transport.close();
  }
}
