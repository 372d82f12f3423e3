/** Per-action token buckets: `qps` tokens per second, burst of one second's worth. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly limits: Record<string, number>;
  private readonly fallback: { read: number; write: number };

  constructor(limits: Record<string, number>, fallback: { read: number; write: number }) {
    this.limits = limits;
    this.fallback = fallback;
  }

  limitFor(action: string, isWrite: boolean): number {
    return this.limits[action] ?? (isWrite ? this.fallback.write : this.fallback.read);
  }

  /** Returns 0 when allowed, else the milliseconds until a token is free. */
  take(action: string, isWrite: boolean, now: number): number {
    const qps = this.limitFor(action, isWrite);
    if (!(qps > 0)) return 0;
    // Burst: one second's worth, and at least one call (so fractional limits still admit one).
    const burst = Math.max(1, qps);
    const b = this.buckets.get(action) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) * qps) / 1000);
    b.at = now;
    this.buckets.set(action, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil(((1 - b.tokens) * 1000) / qps));
  }
}

/** Defaults: list/describe calls 100/s, writes 50/s per action (configurable; `false` disables). */
export const DEFAULT_QPS = { read: 100, write: 50 } as const;
