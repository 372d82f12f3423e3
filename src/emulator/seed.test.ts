import { describe, expect, it } from 'vitest';
import { demoSeed } from './demo.js';
import { applySeed, type SeedDocument } from './seed.js';
import { CloudState } from './state.js';

function load(doc: unknown): CloudState {
  const state = new CloudState();
  applySeed(state, doc as SeedDocument, Date.parse('2026-01-01T00:00:00Z'));
  return state;
}

describe('seed documents', () => {
  it('builds the demo cloud with the documented ids', () => {
    const state = load(demoSeed());
    expect(state.eips.get('eip-bp1demo0000000000006')?.regionId).toBe('cn-hangzhou');
    expect(state.eips.get('eip-uf6demo0000000000003')?.regionId).toBe('cn-shanghai');
    expect(state.eips.get('eip-bp1demoprepaid000001')?.chargeType).toBe('PrePaid');
    expect(state.cbwps.get('cbwp-bp1demohandmade0001')).toMatchObject({
      name: 'hand-made',
      bandwidth: 20,
      tags: [],
    });
    expect([...state.cens.values()].map((c) => c.id)).toEqual([
      'cen-demo00000000000001',
      'cen-demo00000000000002',
    ]);
    expect([...state.accelerators.values()].map((a) => [a.id, a.state])).toEqual([
      ['ga-bp1demo000000000001', 'active'],
      ['ga-bp1demo000000000002', 'active'],
    ]);
  });

  it('generates many EIPs with region stems and joins seeded members', () => {
    const state = load({
      eips: [
        { region: 'cn-beijing', count: 3 },
        { id: 'eip-bp1x', region: 'cn-hangzhou' },
      ],
      commonBandwidthPackages: [
        { region: 'cn-hangzhou', bandwidth: 5, eips: ['eip-bp1x'], caps: { 'eip-bp1x': 2 } },
      ],
    });
    expect([...state.eips.inRegion('cn-beijing').values()].every((e) => e.id.startsWith('eip-2ze'))).toBe(
      true,
    );
    const pkg = [...state.cbwps.values()][0]!;
    expect(pkg.ips).toEqual(['eip-bp1x']);
    expect(state.eips.get('eip-bp1x')).toMatchObject({ packageId: pkg.id, relation: 'BINDED', cap: 2 });
  });

  it.each([
    [{ eipz: [] }, 'seed eipz: unknown key'],
    [{ eips: {} }, 'seed eips: must be a list'],
    [{ eips: [{ region: 'mars-1' }] }, 'seed eips[0]: unknown region "mars-1"'],
    [
      { commonBandwidthPackages: [{ region: 'cn-hangzhou' }] },
      'seed commonBandwidthPackages[0]: "bandwidth" is required',
    ],
    [
      { commonBandwidthPackages: [{ region: 'cn-hangzhou', bandwidth: 'ten' }] },
      '"bandwidth" must be a positive whole number',
    ],
    [
      {
        eips: [
          { id: 'e1', region: 'cn-hangzhou' },
          { id: 'e1', region: 'cn-hangzhou' },
        ],
      },
      'duplicate EIP id e1',
    ],
    [{ cens: [{ id: 'c' }, { id: 'c' }] }, 'duplicate id c'],
    [
      { commonBandwidthPackages: [{ region: 'cn-hangzhou', bandwidth: 5, caps: { 'eip-z': 1 } }] },
      'caps names eip-z',
    ],
    [{ cenBandwidthPackages: [{ bandwidth: 2, areaA: 'China' }] }, '"areaA" and "areaB" are required'],
  ])('refuses %j', (doc, message) => {
    expect(() => load(doc)).toThrow(message);
  });
});
