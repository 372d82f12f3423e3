import { setTimeout as sleep } from 'node:timers/promises';

export interface Rate {
  /** Requests per second, sustained. */
  perSecond: number;
  /** Requests that may go at once after a quiet spell. */
  burst: number;
}

/**
 * Client-side limits, keyed `product:Action`, then `product`, then `default`. Alibaba's
 * flow control is per account and per API; the documented per-API limits for these products
 * are in the tens of calls per second, so the default stays below them.
 */
export type RateLimits = Record<string, Rate>;

export const DEFAULT_RATE_LIMITS: RateLimits = {
  default: { perSecond: 20, burst: 20 },
};

interface Bucket {
  rate: Rate;
  tokens: number;
  updated: number;
}

/**
 * A token bucket per API. Tokens may go negative: each caller reserves its slot at once and
 * sleeps until it is due, so concurrent callers are served in arrival order without polling.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  constructor(
    private readonly limits: RateLimits = DEFAULT_RATE_LIMITS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  private rateFor(product: string, action: string): Rate | undefined {
    return this.limits[`${product}:${action}`] ?? this.limits[product] ?? this.limits.default;
  }

  /** Milliseconds the caller must wait before its request; reserves the token. */
  reserve(product: string, action: string): number {
    const rate = this.rateFor(product, action);
    if (!rate || rate.perSecond <= 0) return 0;
    const key = `${product}:${action}`;
    const t = this.now();
    const bucket = this.buckets.get(key) ?? { rate, tokens: rate.burst, updated: t };
    bucket.tokens = Math.min(rate.burst, bucket.tokens + ((t - bucket.updated) / 1000) * rate.perSecond);
    bucket.updated = t;
    bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    return bucket.tokens >= 0 ? 0 : Math.ceil((-bucket.tokens / rate.perSecond) * 1000);
  }

  async take(product: string, action: string, signal?: AbortSignal): Promise<void> {
    const wait = this.reserve(product, action);
    if (wait > 0) await sleep(wait, undefined, { signal });
  }
}
