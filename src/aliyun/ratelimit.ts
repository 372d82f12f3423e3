import { ConfigError } from '../errors.js';
import { isReadAction } from './actions.js';
import { sleep } from './sleep.js';

export interface Rate {
  /** Requests per second, sustained. */
  perSecond: number;
  /** Requests that may go at once after a quiet spell. */
  burst: number;
}

/**
 * Client-side limits. A call uses the first key present: `product:Action`, `product`, `read` or
 * `write` (by the action's verb), `default`. Each action gets its own bucket with that rate.
 */
export type RateLimits = Record<string, Rate>;

/**
 * Alibaba documents flow control per account and per API, e.g. 300 calls per 60 s for
 * AddCommonBandwidthPackageIp: writes stay at 5/s. Reads have no documented figure here; 20/s
 * keeps paginated listings quick while far below what throttles in practice.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  read: { perSecond: 20, burst: 20 },
  write: { perSecond: 5, burst: 10 },
};

interface Bucket {
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

  rateFor(product: string, action: string): Rate | undefined {
    const verb = isReadAction(action) ? 'read' : 'write';
    return (
      this.limits[`${product}:${action}`] ?? this.limits[product] ?? this.limits[verb] ?? this.limits.default
    );
  }

  /** Milliseconds the caller must wait before its request; reserves the token. */
  reserve(product: string, action: string): number {
    const rate = this.rateFor(product, action);
    if (!rate || rate.perSecond <= 0) return 0;
    const key = `${product}:${action}`;
    const t = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: rate.burst, updated: t };
    bucket.tokens = Math.min(rate.burst, bucket.tokens + ((t - bucket.updated) / 1000) * rate.perSecond);
    bucket.updated = t;
    bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    return bucket.tokens >= 0 ? 0 : Math.ceil((-bucket.tokens / rate.perSecond) * 1000);
  }

  async take(product: string, action: string, signal?: AbortSignal): Promise<void> {
    const wait = this.reserve(product, action);
    if (wait > 0) await sleep(wait, signal);
  }
}

/**
 * `BWSYNC_RATE_LIMITS`: `off`, or comma-separated `KEY=RATE[/BURST]` entries laid over the
 * defaults, e.g. `write=10/20,vpc:AddCommonBandwidthPackageIp=5`. Burst defaults to the rate.
 */
export function parseRateLimits(spec: string, where = 'BWSYNC_RATE_LIMITS'): RateLimits | false {
  const text = spec.trim();
  if (text === 'off' || text === 'false' || text === '0') return false;
  const limits: RateLimits = { ...DEFAULT_RATE_LIMITS };
  for (const entry of text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const m = /^([A-Za-z][A-Za-z0-9:]*)=(\d+(?:\.\d+)?)(?:\/(\d+))?$/.exec(entry);
    if (!m?.[1] || !m[2]) {
      throw new ConfigError(`${where}: "${entry}" is not KEY=RATE[/BURST].`, {
        hint: 'Example: write=10/20,read=50,vpc:AddCommonBandwidthPackageIp=5 (or "off").',
      });
    }
    const perSecond = Number(m[2]);
    limits[m[1]] = { perSecond, burst: m[3] ? Number(m[3]) : Math.max(1, Math.ceil(perSecond)) };
  }
  return limits;
}
