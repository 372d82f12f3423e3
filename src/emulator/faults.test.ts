import { describe, expect, it } from 'vitest';
import { FaultInjector, parseFaultSpec } from './faults.js';

describe('fault specs', () => {
  it('parses the flag form and the JSON form alike', () => {
    expect(parseFaultSpec('rate=0.2,kinds=503+reset+ambiguous,seed=7')).toEqual({
      rate: 0.2,
      kinds: ['503', 'reset', 'ambiguous'],
      seed: 7,
    });
    expect(parseFaultSpec('{"rate":0.2,"kinds":["latency"],"seed":1,"latencyMs":5}')).toEqual({
      rate: 0.2,
      kinds: ['latency'],
      seed: 1,
      latencyMs: 5,
    });
    expect(parseFaultSpec('rate=0')).toEqual({ rate: 0, kinds: [], seed: 1 });
  });

  it.each([
    ['rate=1.5', /rate/],
    ['rate=0.1,kinds=fire', /unknown fault kind "fire"/],
    ['rate', /not key=value/],
    ['{"rate":0.1,"seed":1.5}', /seed/],
  ])('refuses %s', (spec, message) => {
    expect(() => parseFaultSpec(spec)).toThrow(message);
  });
});

describe('FaultInjector', () => {
  it('is off at rate 0 and reproducible for a seed', () => {
    const f = new FaultInjector();
    expect(Array.from({ length: 20 }, () => f.next(true))).toEqual(Array(20).fill(undefined));
    const draw = () => {
      f.configure({ rate: 0.5, kinds: ['503', 'reset', 'ambiguous'], seed: 3 });
      return Array.from({ length: 50 }, (_, i) => f.next(i % 2 === 0));
    };
    const a = draw();
    expect(draw()).toEqual(a);
    expect(new Set(a).size).toBeGreaterThan(2);
  });

  it('turns an ambiguous fault on a read into a reset', () => {
    const f = new FaultInjector();
    f.configure({ rate: 1, kinds: ['ambiguous'], seed: 1 });
    expect([f.next(false), f.next(true)]).toEqual(['reset', 'ambiguous']);
  });
});
