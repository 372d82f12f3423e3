import { describe, expect, it } from 'vitest';
import { flatten } from './flatten.js';

describe('flatten', () => {
  it('numbers lists from 1 and nests objects with dots', () => {
    expect(
      flatten({
        IpInstanceIds: ['eip-1', 'eip-2'],
        Tag: [
          { Key: 'a', Value: '1' },
          { Key: 'b', Value: '2' },
        ],
        Filter: [{ Key: 'CenId', Value: ['cen-1', 'cen-2'] }],
      }),
    ).toEqual({
      'IpInstanceIds.1': 'eip-1',
      'IpInstanceIds.2': 'eip-2',
      'Tag.1.Key': 'a',
      'Tag.1.Value': '1',
      'Tag.2.Key': 'b',
      'Tag.2.Value': '2',
      'Filter.1.Key': 'CenId',
      'Filter.1.Value.1': 'cen-1',
      'Filter.1.Value.2': 'cen-2',
    });
  });

  it('skips null and undefined, writes booleans and numbers as text', () => {
    expect(flatten({ A: null, B: undefined, C: true, D: false, E: 0, F: 2.5, G: '' })).toEqual({
      C: 'true',
      D: 'false',
      E: '0',
      F: '2.5',
      G: '',
    });
  });

  it('keeps list positions when an entry is null, as the SDK does', () => {
    expect(flatten({ L: ['x', null, 'z'] })).toEqual({ 'L.1': 'x', 'L.3': 'z' });
  });

  it('refuses a non-finite number, naming the parameter', () => {
    expect(() => flatten({ Bandwidth: Number.NaN })).toThrow(/Bandwidth/);
  });
});
