import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { DEFAULT_RATE_LIMITS, parseRateLimits, RateLimiter } from './ratelimit.js';

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('token bucket per API', () => {
  it('lets a burst through, then spaces calls at the sustained rate', () => {
    const c = clock();
    const limiter = new RateLimiter({ default: { perSecond: 10, burst: 3 } }, c.now);
    const waits = Array.from({ length: 6 }, () => limiter.reserve('vpc', 'DescribeX'));
    expect(waits).toEqual([0, 0, 0, 100, 200, 300]);
  });

  it('refills with time, up to the burst', () => {
    const c = clock();
    const limiter = new RateLimiter({ default: { perSecond: 10, burst: 2 } }, c.now);
    limiter.reserve('vpc', 'A');
    limiter.reserve('vpc', 'A');
    c.advance(10_000);
    expect([limiter.reserve('vpc', 'A'), limiter.reserve('vpc', 'A'), limiter.reserve('vpc', 'A')]).toEqual([
      0, 0, 100,
    ]);
  });

  it('keeps one bucket per product and action, with the most specific limit', () => {
    const c = clock();
    const limiter = new RateLimiter(
      {
        default: { perSecond: 100, burst: 100 },
        vpc: { perSecond: 1, burst: 1 },
        'vpc:Fast': { perSecond: 50, burst: 5 },
      },
      c.now,
    );
    expect([limiter.reserve('vpc', 'Slow'), limiter.reserve('vpc', 'Slow')]).toEqual([0, 1000]);
    expect(limiter.reserve('vpc', 'Other')).toBe(0);
    expect(limiter.reserve('vpc', 'Fast')).toBe(0);
    expect(limiter.reserve('cbn', 'Slow')).toBe(0);
  });

  it('does not limit when the rate is zero', () => {
    const limiter = new RateLimiter({ default: { perSecond: 0, burst: 0 } });
    expect(limiter.reserve('ga', 'X')).toBe(0);
  });

  it('by default lets reads go faster than writes, which stay at the documented 300 per minute', () => {
    const limiter = new RateLimiter(DEFAULT_RATE_LIMITS, () => 0);
    expect(limiter.rateFor('vpc', 'DescribeCommonBandwidthPackages')).toEqual({ perSecond: 20, burst: 20 });
    expect(limiter.rateFor('vpc', 'AddCommonBandwidthPackageIp')?.perSecond).toBe(5);
    expect(limiter.rateFor('ga', 'ListBandwidthPackages')?.perSecond).toBe(20);
  });
});

describe('BWSYNC_RATE_LIMITS', () => {
  it('lays entries over the defaults, burst defaulting to the rate', () => {
    expect(parseRateLimits('write=10/20, vpc:AddCommonBandwidthPackageIp=2.5')).toEqual({
      read: { perSecond: 20, burst: 20 },
      write: { perSecond: 10, burst: 20 },
      'vpc:AddCommonBandwidthPackageIp': { perSecond: 2.5, burst: 3 },
    });
  });

  it('turns the limiter off with "off"', () => {
    expect(parseRateLimits('off')).toBe(false);
  });

  it('refuses a malformed entry, quoting it', () => {
    expect(() => parseRateLimits('write=fast')).toThrow(ConfigError);
    expect(() => parseRateLimits('write=fast')).toThrow(/"write=fast" is not KEY=RATE/);
  });
});
