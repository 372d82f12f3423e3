import { describe, expect, it } from 'vitest';
import { bool, list, num, str, strList } from './parse.js';

describe('lenient response parsing', () => {
  it('reads numbers from numbers and numeric strings only', () => {
    expect(num(20)).toBe(20);
    expect(num('20')).toBe(20);
    expect(num(' 7 ')).toBe(7);
    expect(num('')).toBeUndefined();
    expect(num('abc')).toBeUndefined();
    expect(num(null)).toBeUndefined();
    expect(num(Number.NaN)).toBeUndefined();
  });

  it('reads booleans from booleans and "true"/"false"', () => {
    expect(bool(false)).toBe(false);
    expect(bool('true')).toBe(true);
    expect(bool('False')).toBe(false);
    expect(bool('yes')).toBeUndefined();
    expect(bool(1)).toBeUndefined();
  });

  it('reads strings from strings and numbers', () => {
    expect(str('x')).toBe('x');
    expect(str(5)).toBe('5');
    expect(str('')).toBe('');
    expect(str({})).toBeUndefined();
  });

  it('unwraps VPC/CBN wrapper objects and GA plain arrays', () => {
    const vpc = { CommonBandwidthPackages: { CommonBandwidthPackage: [{ BandwidthPackageId: 'cbwp-1' }] } };
    expect(list(vpc, 'CommonBandwidthPackages', 'CommonBandwidthPackage')).toEqual([
      { BandwidthPackageId: 'cbwp-1' },
    ]);
    const ga = { BandwidthPackages: [{ BandwidthPackageId: 'gbwp-1' }] };
    expect(list(ga, 'BandwidthPackages')).toEqual([{ BandwidthPackageId: 'gbwp-1' }]);
  });

  it('turns a single wrapped object into a one-item list and absence into []', () => {
    expect(list({ W: { I: { a: 1 } } }, 'W', 'I')).toEqual([{ a: 1 }]);
    expect(list({ W: {} }, 'W', 'I')).toEqual([]);
    expect(list({}, 'W', 'I')).toEqual([]);
    expect(list(undefined, 'W')).toEqual([]);
    expect(list({ W: { I: ['text', { a: 1 }] } }, 'W', 'I')).toEqual([{ a: 1 }]);
  });

  it('reads string lists inside wrappers', () => {
    expect(strList({ Ids: { Id: ['eip-1', 'eip-2'] } }, 'Ids', 'Id')).toEqual(['eip-1', 'eip-2']);
    expect(strList({ Ids: { Id: 'eip-1' } }, 'Ids', 'Id')).toEqual(['eip-1']);
    expect(strList({ Ids: ['a'] }, 'Ids')).toEqual(['a']);
  });
});
