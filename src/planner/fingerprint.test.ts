import { describe, expect, it } from 'vitest';
import { lShared } from '../../test/helpers/builders.js';
import type { LiveResource } from '../model/live.js';
import { capValue, fingerprintOf, fingerprintsOf } from './fingerprint.js';

/** The plain-object construction fingerprintsOf must match key for key and in order. */
function reference(live: LiveResource[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of [...live].sort((a, b) => a.id.localeCompare(b.id))) {
    out[r.id] = fingerprintOf(r);
    for (const m of r.members)
      if (m.bandwidth !== undefined) out[`cap:${r.id}/${m.id}`] = capValue(m.bandwidth);
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

const entries = (o: Record<string, string>) => Object.entries(o);

describe('fingerprintsOf', () => {
  it('lists packages and read caps sorted by key', () => {
    const live = [
      lShared('cbwp-b', 'b', {
        members: [
          { id: 'eip-2', bandwidth: 5 },
          { id: 'eip-1', bandwidth: null },
        ],
      }),
      lShared('cbwp-a', 'a', { members: ['eip-3'] }),
    ];
    const out = fingerprintsOf(live);
    expect(Object.keys(out)).toEqual(['cap:cbwp-b/eip-1', 'cap:cbwp-b/eip-2', 'cbwp-a', 'cbwp-b']);
    expect(out['cap:cbwp-b/eip-1']).toBe('none');
    expect(entries(out)).toEqual(entries(reference(live)));
  });

  it('keeps the last of two packages with one id, as object keys do', () => {
    const live = [
      lShared('cbwp-a', 'first', { bandwidth: 1 }),
      lShared('cbwp-a', 'second', { bandwidth: 2 }),
    ];
    expect(entries(fingerprintsOf(live))).toEqual(entries(reference(live)));
  });

  it('orders index-like and case-differing ids exactly as the object construction does', () => {
    const live = ['10', '9', 'B', 'a', '__proto__', 'cbwp-x'].map((id) => lShared(id, id));
    expect(entries(fingerprintsOf(live))).toEqual(entries(reference(live)));
    const plain = ['b', 'A', 'a', 'B'].map((id) => lShared(id, id));
    expect(entries(fingerprintsOf(plain))).toEqual(entries(reference(plain)));
  });
});
