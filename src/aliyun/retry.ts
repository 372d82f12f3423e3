/** Backoff defaults; every one is overridable through ClientOptions. */
export const RETRY_DEFAULTS = {
  maxAttempts: 6,
  /** Give up on a call once this much time has passed since its first attempt. */
  deadlineMs: 120_000,
  baseDelayMs: 250,
  maxDelayMs: 20_000,
} as const;

export interface BackoffOptions {
  baseDelayMs: number;
  maxDelayMs: number;
  random: () => number;
}

/**
 * "Full jitter" exponential backoff: a uniform draw in [0, min(max, base·2^(n-1))] before
 * retry n (n ≥ 1). A server's `x-acs-retry-after` is a floor: we never come back earlier.
 */
export function backoffDelay(retry: number, options: BackoffOptions, retryAfterMs?: number): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, retry - 1));
  const jitter = Math.floor(options.random() * ceiling);
  return retryAfterMs !== undefined ? Math.max(retryAfterMs, jitter) : jitter;
}

/** The official SDKs never wait longer than this for one retry-after (darabonba MAX_DELAY_TIME). */
export const MAX_RETRY_AFTER_MS = 120_000;

/**
 * `x-acs-retry-after` in milliseconds, as the official TypeScript SDK reads it
 * (openapi-core `getThrottlingTimeLeft` feeds darabonba `sleep(ms)`), capped like the SDK.
 * Anything but a positive integer is ignored.
 */
export function parseRetryAfter(header: string | string[] | undefined): number | undefined {
  const raw = Array.isArray(header) ? header[0] : header;
  if (raw === undefined || !/^\s*\d+\s*$/.test(raw)) return undefined;
  const ms = Number(raw);
  return ms > 0 ? Math.min(ms, MAX_RETRY_AFTER_MS) : undefined;
}

/** Whether another attempt fits: under the cap, and the wait ends before the deadline. */
export function mayRetry(input: {
  attempt: number;
  maxAttempts: number;
  now: number;
  delayMs: number;
  deadline: number;
}): boolean {
  return input.attempt < input.maxAttempts && input.now + input.delayMs <= input.deadline;
}
