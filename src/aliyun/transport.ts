import { Agent } from 'undici';
import type { SignedRequest } from './request.js';

export interface RawResponse {
  status: number;
  text: string;
  contentType: string;
  retryAfter: string | undefined;
}

/** A network failure, and whether the request may have reached the server. */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly code: 'NetworkError' | 'RequestTimeout',
    readonly maybeSent: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Errors raised before a connection exists: the request cannot have been sent. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function errorCode(error: unknown): string | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/**
 * One undici Agent per client: a keep-alive connection pool per origin. Every request has its
 * own timeout and honours the caller's AbortSignal.
 */
export class Transport {
  private readonly agent = new Agent({ keepAliveTimeout: 30_000, connections: 64 });

  async send(
    origin: URL,
    req: SignedRequest,
    options: { timeoutMs: number; signal?: AbortSignal },
  ): Promise<RawResponse> {
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    try {
      const res = await this.agent.request({
        origin: origin.origin,
        path: req.path,
        method: req.method,
        headers: { ...req.headers, 'user-agent': 'bwsync', accept: 'application/json' },
        signal,
      });
      const text = await res.body.text();
      const contentType = res.headers['content-type'];
      const retryAfter = res.headers['x-acs-retry-after'];
      return {
        status: res.statusCode,
        text,
        contentType: Array.isArray(contentType) ? (contentType[0] ?? '') : (contentType ?? ''),
        retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
      };
    } catch (error: unknown) {
      if (options.signal?.aborted) throw options.signal.reason;
      if (timeout.aborted) {
        throw new TransportError(`no response within ${options.timeoutMs} ms`, 'RequestTimeout', true, {
          cause: error,
        });
      }
      const code = errorCode(error) ?? 'unknown';
      const message = error instanceof Error ? error.message : String(error);
      throw new TransportError(`${code}: ${message}`, 'NetworkError', !NOT_SENT.has(code), { cause: error });
    }
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}
