import { describe, expect, it } from 'vitest';
import { PLAN_FORMAT_VERSION, type Plan, type ResourceChange } from '../../src/model/plan.js';
import { CHAOS_STACK } from './cases.js';
import {
  duplicates,
  endState,
  othersTouched,
  type Pkg,
  unplannedDeletes,
  unplannedDetaches,
  unsafePlannedDeletes,
} from './checks.js';
import type { Declared } from './world.js';

/** The invariant checks must catch what they are there for, or the chaos suite proves nothing. */
function pkg(over: Partial<Pkg> = {}): Pkg {
  return {
    kind: 'sharedBandwidth',
    id: 'cbwp-1',
    region: 'cn-hangzhou',
    name: 'web',
    stack: CHAOS_STACK,
    bandwidth: 10,
    members: ['eip-1', 'eip-2'],
    ...over,
  };
}

function planDeleting(ids: string[]): Plan {
  const changes: ResourceChange[] = ids.map((id) => ({
    address: `sharedBandwidth/cn-hangzhou/${id}`,
    kind: 'sharedBandwidth',
    region: 'cn-hangzhou',
    name: id,
    id,
    change: { actions: ['delete'], before: null, after: null, attributes: [] },
  }));
  return {
    format_version: PLAN_FORMAT_VERSION,
    tool: { name: 'bwsync', version: '0' },
    stack: CHAOS_STACK,
    desired_hash: '',
    plan_hash: '',
    options: { prune: false, allow_replace: false, regions: [], targets: [] },
    resource_changes: changes,
    steps: [],
    summary: { add: 0, change: 0, destroy: ids.length, replace: 0, no_op: 0 },
    unmanaged: [],
    warnings: [],
    errors: [],
    fingerprints: {},
  };
}

const web: Declared = {
  kind: 'sharedBandwidth',
  region: 'cn-hangzhou',
  name: 'web',
  intent: 'present',
  members: ['eip-1', 'eip-2'],
};

describe('chaos invariant checks', () => {
  it('reports two packages of our stack with one identity', () => {
    expect(duplicates([pkg(), pkg({ id: 'cbwp-2' })])).toHaveLength(1);
    expect(duplicates([pkg(), pkg({ id: 'cbwp-2', stack: 'other' })])).toEqual([]);
  });

  it('reports a package that disappeared without a delete planned in this or an earlier round', () => {
    expect(unplannedDeletes([pkg()], [], [planDeleting([])])).toHaveLength(1);
    expect(unplannedDeletes([pkg()], [], [planDeleting([]), planDeleting(['cbwp-1'])])).toEqual([]);
  });

  it('reports a plan that deletes a package the YAML keeps or that is not ours', () => {
    expect(unsafePlannedDeletes(planDeleting(['cbwp-1']), [pkg()], [web], true)).toHaveLength(1);
    expect(
      unsafePlannedDeletes(planDeleting(['cbwp-1']), [pkg({ stack: undefined })], [], true),
    ).toHaveLength(1);
    expect(unsafePlannedDeletes(planDeleting(['cbwp-1']), [pkg()], [], false)).toHaveLength(1);
    expect(unsafePlannedDeletes(planDeleting(['cbwp-1']), [pkg()], [], true)).toEqual([]);
  });

  it('reports a member detached although the YAML keeps it, and allows planned releases', () => {
    const after = [pkg({ members: ['eip-2'] })];
    expect(unplannedDetaches([pkg()], after, [web], [planDeleting([])])).toHaveLength(1);
    const released: Declared = { ...web, members: ['eip-2'] };
    expect(unplannedDetaches([pkg()], after, [released], [planDeleting([])])).toEqual([]);
    const unmanagedMembers: Declared = { ...web, members: undefined };
    expect(unplannedDetaches([pkg()], after, [unmanagedMembers], [planDeleting([])])).toHaveLength(1);
    expect(unplannedDetaches([pkg()], after, [unmanagedMembers], [planDeleting(['cbwp-1'])])).toEqual([]);
  });

  it('reports any change to a package of someone else', () => {
    const foreign = pkg({ stack: undefined, name: 'hand-made' });
    expect(othersTouched([foreign], [{ ...foreign, members: ['eip-1'] }])).toHaveLength(1);
    expect(othersTouched([foreign], [])).toHaveLength(1);
    expect(othersTouched([foreign], [foreign])).toEqual([]);
  });

  it('compares the end state with the declarations', () => {
    expect(endState([pkg()], [web])).toEqual([]);
    expect(endState([pkg({ members: ['eip-1'] })], [web])).toHaveLength(1);
    expect(endState([], [web])).toHaveLength(1);
    expect(endState([pkg()], [{ ...web, intent: 'absent' }])).toHaveLength(1);
    expect(endState([pkg({ bandwidth: 5 })], [{ ...web, bandwidth: 10 }])).toHaveLength(1);
  });
});
