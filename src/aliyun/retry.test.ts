import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, mayRetry, parseRetryAfter } from './retry.js';

/** A seeded generator so the draws are reproducible (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('backoff with full jitter', () => {
  it('stays within [0, min(max, base·2^(n-1))] for every retry and seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer(), (retry, seed) => {
        const random = seeded(seed);
        const d = backoffDelay(retry, { baseDelayMs: 250, maxDelayMs: 20_000, random });
        return d >= 0 && d <= Math.min(20_000, 250 * 2 ** (retry - 1));
      }),
    );
  });

  it('spreads draws across the window instead of clustering', () => {
    const random = seeded(42);
    const draws = Array.from({ length: 200 }, () =>
      backoffDelay(4, { baseDelayMs: 100, maxDelayMs: 10_000, random }),
    );
    expect(Math.min(...draws)).toBeLessThan(200);
    expect(Math.max(...draws)).toBeGreaterThan(600);
  });

  it('never waits less than the server asked', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 60_000 }),
        fc.integer(),
        (retry, after, seed) => {
          return (
            backoffDelay(retry, { baseDelayMs: 250, maxDelayMs: 20_000, random: seeded(seed) }, after) >=
            after
          );
        },
      ),
    );
  });

  it('reads x-acs-retry-after as milliseconds, like the official SDK, capped at 120 s, and ignores junk', () => {
    expect(parseRetryAfter('100')).toBe(100);
    expect(parseRetryAfter(['3000', '9'])).toBe(3000);
    expect(parseRetryAfter('999999999')).toBe(120_000);
    expect(parseRetryAfter('0')).toBeUndefined();
    expect(parseRetryAfter('1.5')).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });

  it('stops at the attempt cap and before the deadline', () => {
    expect(mayRetry({ attempt: 2, maxAttempts: 3, now: 0, delayMs: 10, deadline: 100 })).toBe(true);
    expect(mayRetry({ attempt: 3, maxAttempts: 3, now: 0, delayMs: 10, deadline: 100 })).toBe(false);
    expect(mayRetry({ attempt: 1, maxAttempts: 3, now: 95, delayMs: 10, deadline: 100 })).toBe(false);
  });
});
