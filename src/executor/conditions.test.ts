import { describe, expect, it } from 'vitest';
import type { LiveSharedBandwidth } from '../model/live.js';
import { allHold, effectVisible, holds } from './conditions.js';

function pkg(over: Partial<LiveSharedBandwidth> = {}): LiveSharedBandwidth {
  return {
    kind: 'sharedBandwidth',
    id: 'cbwp-1',
    region: 'cn-hangzhou',
    name: 'web',
    description: '',
    status: 'Available',
    bandwidth: 100,
    tags: {},
    members: [
      { id: 'eip-1', status: 'BINDED', bandwidth: null },
      { id: 'eip-2', status: 'BINDING', bandwidth: 20 },
    ],
    isp: 'BGP',
    internetChargeType: 'PayByBandwidth',
    instanceChargeType: 'PostPaid',
    businessStatus: 'Normal',
    deletionProtection: false,
    capsRead: true,
    ...over,
  };
}

describe('wait conditions', () => {
  it('checks status, bandwidth, gone and caps', () => {
    expect(holds({ type: 'status', in: ['Available'] }, pkg())).toBe(true);
    expect(holds({ type: 'status', in: ['Available'] }, pkg({ status: 'Modifying' }))).toBe(false);
    expect(holds({ type: 'status', in: ['Available'] }, undefined)).toBe(false);
    expect(holds({ type: 'bandwidth', equals: 100 }, pkg())).toBe(true);
    expect(holds({ type: 'gone' }, undefined)).toBe(true);
    expect(holds({ type: 'gone' }, pkg({ status: 'Deleting' }))).toBe(false);
    expect(holds({ type: 'member-cap', member: 'eip-1', cap: null }, pkg())).toBe(true);
    expect(holds({ type: 'member-cap', member: 'eip-2', cap: 20 }, pkg())).toBe(true);
    expect(holds({ type: 'member-cap', member: 'eip-2', cap: null }, pkg())).toBe(false);
  });

  it('checks membership, and that members have settled', () => {
    expect(holds({ type: 'members', present: ['eip-1', 'eip-2'] }, pkg())).toBe(true);
    expect(holds({ type: 'members', present: ['eip-1'], settled: ['eip-1'] }, pkg())).toBe(true);
    expect(holds({ type: 'members', present: ['eip-2'], settled: ['eip-2'] }, pkg())).toBe(false);
    expect(holds({ type: 'members', settled: ['eip-3'] }, pkg())).toBe(false);
    expect(holds({ type: 'members', absent: ['eip-3'] }, pkg())).toBe(true);
    expect(holds({ type: 'members', absent: ['eip-2'] }, pkg())).toBe(false);
  });

  it('needs every condition', () => {
    expect(
      allHold(
        [
          { type: 'status', in: ['Available'] },
          { type: 'bandwidth', equals: 50 },
        ],
        pkg(),
      ),
    ).toBe(false);
  });
});

describe('effectVisible (deciding an ambiguous write)', () => {
  it('counts a member still binding as added, and a package being deleted as gone', () => {
    expect(effectVisible([{ type: 'members', present: ['eip-2'], settled: ['eip-2'] }], pkg())).toBe(true);
    expect(effectVisible([{ type: 'gone' }], pkg({ status: 'Deleting' }))).toBe(true);
    expect(effectVisible([{ type: 'gone' }], pkg())).toBe(false);
  });

  it('ignores status conditions, which held before the write too', () => {
    expect(effectVisible([{ type: 'status', in: ['Available'] }], pkg())).toBeUndefined();
    expect(
      effectVisible(
        [
          { type: 'status', in: ['Available'] },
          { type: 'bandwidth', equals: 200 },
        ],
        pkg(),
      ),
    ).toBe(false);
    expect(
      effectVisible(
        [
          { type: 'status', in: ['Available'] },
          { type: 'bandwidth', equals: 100 },
        ],
        pkg({ status: 'Modifying' }),
      ),
    ).toBe(true);
  });
});
