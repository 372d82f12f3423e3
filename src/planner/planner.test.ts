import { describe, expect, it } from 'vitest';
import {
  dCen,
  desiredState,
  dGa,
  dShared,
  lCen,
  lGa,
  liveState,
  lShared,
  STACK,
} from '../../test/helpers/builders.js';
import { STACK_TAG } from '../model/kinds.js';
import type { Plan, Step } from '../model/plan.js';
import { planChanges } from './index.js';

const step = (plan: Plan, id: string): Step => {
  const s = plan.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id} in ${plan.steps.map((x) => x.id).join(', ')}`);
  return s;
};
const ids = (plan: Plan) => plan.steps.map((s) => s.id);
const before = (plan: Plan, a: string, b: string) => ids(plan).indexOf(a) < ids(plan).indexOf(b);
/** Transitive dependency: b (directly or indirectly) depends on a. */
function reaches(plan: Plan, from: string, to: string): boolean {
  const seen = new Set<string>();
  const walk = (id: string): boolean => {
    if (id === to) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    return step(plan, id).depends_on.some(walk);
  };
  return walk(from);
}

const A = 'sharedBandwidth/cn-hangzhou/a';
const B = 'sharedBandwidth/cn-hangzhou/b';

describe('sharedBandwidth changes', () => {
  it('creates a package with the stack tag, then adds its EIPs in batches of ten and sets caps', () => {
    const eips = Array.from({ length: 12 }, (_, i) => `eip-${String(i).padStart(2, '0')}`);
    const plan = planChanges(
      desiredState([
        dShared('a', {
          bandwidth: 200,
          tags: { team: 'web' },
          ips: [...eips.slice(0, 11), { id: eips[11] as string, bandwidth: 50 }],
        }),
      ]),
      liveState([], ['cn-hangzhou']),
    );
    expect(plan.summary).toMatchObject({ add: 1, change: 0, destroy: 0 });
    expect(ids(plan)).toEqual([`${A}:create`, `${A}:add-ips:1`, `${A}:add-ips:2`, `${A}:set-ip-cap:eip-11`]);
    const create = step(plan, `${A}:create`);
    expect(create.api).toMatchObject({
      product: 'vpc',
      action: 'CreateCommonBandwidthPackage',
      region: 'cn-hangzhou',
      client_token: true,
    });
    expect(create.api.params.Tag).toEqual([
      { Key: STACK_TAG, Value: STACK },
      { Key: 'team', Value: 'web' },
    ]);
    expect(create.wait?.until).toEqual([{ type: 'status', in: ['Available'] }]);
    const add1 = step(plan, `${A}:add-ips:1`);
    expect(add1.api.params.IpInstanceIds).toHaveLength(10);
    expect(add1.api.params.BandwidthPackageId).toEqual({ ref: `${A}:create`, field: 'BandwidthPackageId' });
    expect(add1.depends_on).toEqual([`${A}:create`]);
    expect(add1.locks).toContain(A);
    expect(add1.locks).toContain('eip-00');
    expect(add1.done_codes).toContain('IpInstanceId.AlreadyInBandwidthPackage');
    expect(step(plan, `${A}:set-ip-cap:eip-11`).api.params).toMatchObject({
      EipId: 'eip-11',
      Bandwidth: '50',
    });
    // The reviewer sees the cap in the created package, as an update would show it.
    const after = plan.resource_changes[0]?.change.after;
    expect(after?.['ips.eip-11.bandwidth']).toBe(50);
    expect(Object.keys(after ?? {}).filter((k) => k.startsWith('ips.'))).toEqual(['ips.eip-11.bandwidth']);
  });

  it('changes name, description, bandwidth, tags and deletion protection in place', () => {
    const plan = planChanges(
      desiredState([
        dShared('a', {
          id: 'cbwp-1',
          bandwidth: 300,
          description: 'new',
          deletionProtection: true,
          tags: { team: 'x' },
        }),
      ]),
      liveState([lShared('cbwp-1', 'old', { tags: { [STACK_TAG]: STACK, team: 'y', gone: '1' } })]),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.summary.change).toBe(1);
    expect(plan.steps.map((s) => s.api.action)).toEqual([
      'ModifyCommonBandwidthPackageAttribute',
      'UnTagResources',
      'TagResources',
      'DeletionProtection',
      'ModifyCommonBandwidthPackageSpec',
    ]);
    expect(step(plan, `${A}:modify-spec`).api.params).toEqual({
      BandwidthPackageId: 'cbwp-1',
      Bandwidth: '300',
    });
    expect(step(plan, `${A}:modify-spec`).wait?.until).toContainEqual({ type: 'bandwidth', equals: 300 });
    expect(step(plan, `${A}:untag`).api.params).toMatchObject({
      ResourceType: 'COMMONBANDWIDTHPACKAGE',
      TagKey: ['gone'],
    });
    const fields = plan.resource_changes[0]?.change.attributes.map((a) => a.field);
    expect(fields).toEqual(['bandwidth', 'deletionProtection', 'description', 'name', 'tags']);
  });

  it('omitted fields never diff', () => {
    const d = dShared('a');
    delete d.bandwidth;
    const plan = planChanges(
      desiredState([d]),
      liveState([lShared('cbwp-1', 'a', { bandwidth: 555, description: 'x', members: ['eip-1'] })]),
    );
    expect(plan.steps).toEqual([]);
    expect(plan.summary.no_op).toBe(1);
    expect(plan.resource_changes[0]?.change.actions).toEqual(['no-op']);
  });

  it('removes and adds EIPs: removes one at a time, adds in one batch', () => {
    const plan = planChanges(
      desiredState([dShared('a', { ips: ['eip-1', 'eip-3', 'eip-4'] })]),
      liveState([lShared('cbwp-1', 'a', { members: ['eip-1', 'eip-2'] })]),
    );
    expect(ids(plan)).toEqual([`${A}:remove-ip:eip-2`, `${A}:add-ips:1`]);
    expect(step(plan, `${A}:remove-ip:eip-2`).done_codes).toContain('OperationUnsupported.IpNotInCbwp');
    expect(step(plan, `${A}:add-ips:1`).api.params.IpInstanceIds).toEqual(['eip-3', 'eip-4']);
  });

  it('lowers caps before a package shrinks and raises them after it grows', () => {
    const shrink = planChanges(
      desiredState([
        dShared('a', {
          bandwidth: 100,
          ips: [
            { id: 'eip-1', bandwidth: 80 },
            { id: 'eip-2', bandwidth: null },
          ],
        }),
      ]),
      liveState([
        lShared('cbwp-1', 'a', {
          bandwidth: 200,
          members: [
            { id: 'eip-1', bandwidth: 150 },
            { id: 'eip-2', bandwidth: 180 },
          ],
        }),
      ]),
    );
    expect(ids(shrink)).toEqual([`${A}:set-ip-cap:eip-1`, `${A}:cancel-ip-cap:eip-2`, `${A}:modify-spec`]);
    expect(reaches(shrink, `${A}:modify-spec`, `${A}:set-ip-cap:eip-1`)).toBe(true);
    const grow = planChanges(
      desiredState([dShared('a', { bandwidth: 300, ips: [{ id: 'eip-1', bandwidth: 250 }] })]),
      liveState([lShared('cbwp-1', 'a', { bandwidth: 100, members: [{ id: 'eip-1', bandwidth: 50 }] })]),
    );
    expect(ids(grow)).toEqual([`${A}:modify-spec`, `${A}:set-ip-cap:eip-1`]);
    expect(step(grow, `${A}:set-ip-cap:eip-1`).depends_on).toEqual([`${A}:modify-spec`]);
    expect(step(grow, `${A}:set-ip-cap:eip-1`).locks).toEqual(['cbwp-1', 'eip-1']);
  });

  it('plans a cap equal to the package bandwidth as no cap, as the API reports it', () => {
    const same = planChanges(
      desiredState([dShared('a', { bandwidth: 100, ips: [{ id: 'eip-1', bandwidth: 100 }] })]),
      liveState([lShared('cbwp-1', 'a', { bandwidth: 100, members: [{ id: 'eip-1', bandwidth: null }] })]),
    );
    expect(same.steps).toEqual([]);
    const shrinkToCap = planChanges(
      desiredState([dShared('a', { bandwidth: 50, ips: [{ id: 'eip-1', bandwidth: 50 }] })]),
      liveState([lShared('cbwp-1', 'a', { bandwidth: 100, members: [{ id: 'eip-1', bandwidth: 50 }] })]),
    );
    expect(ids(shrinkToCap)).toEqual([`${A}:cancel-ip-cap:eip-1`, `${A}:modify-spec`]);
    const created = planChanges(
      desiredState([dShared('a', { bandwidth: 20, ips: [{ id: 'eip-1', bandwidth: 20 }] })]),
      liveState([]),
    );
    expect(ids(created)).toEqual([`${A}:create`, `${A}:add-ips:1`]);
  });

  it('reads an unchanged cap as no change', () => {
    const plan = planChanges(
      desiredState([
        dShared('a', {
          ips: [
            { id: 'eip-1', bandwidth: 50 },
            { id: 'eip-2', bandwidth: null },
          ],
        }),
      ]),
      liveState([
        lShared('cbwp-1', 'a', {
          members: [
            { id: 'eip-1', bandwidth: 50 },
            { id: 'eip-2', bandwidth: null },
          ],
        }),
      ]),
    );
    expect(plan.steps).toEqual([]);
  });

  it('deletes with Force when EIPs remain that nothing else wants', () => {
    const plan = planChanges(
      desiredState([dShared('a', { ensure: 'absent' })]),
      liveState([lShared('cbwp-1', 'a', { members: ['eip-1'] })]),
    );
    expect(ids(plan)).toEqual([`${A}:delete`]);
    expect(step(plan, `${A}:delete`).api.params).toEqual({ BandwidthPackageId: 'cbwp-1', Force: 'true' });
    expect(step(plan, `${A}:delete`).wait?.until).toEqual([{ type: 'gone' }]);
    expect(plan.summary.destroy).toBe(1);
  });

  it('detaches an EIP another package keeps before deleting, and attaches it only after', () => {
    const plan = planChanges(
      desiredState([dShared('a', { ensure: 'absent' }), dShared('b', { ips: ['eip-1'] })]),
      liveState([lShared('cbwp-1', 'a', { members: ['eip-1', 'eip-2'] }), lShared('cbwp-2', 'b')]),
    );
    expect(step(plan, `${A}:delete`).api.params.Force).toBe('true');
    expect(step(plan, `${A}:delete`).depends_on).toEqual([`${A}:remove-ip:eip-1`]);
    expect(step(plan, `${B}:add-ips:1`).depends_on).toEqual([`${A}:remove-ip:eip-1`]);
  });

  it('refuses to delete a package with cloud deletion protection unless the YAML turns it off', () => {
    const live = liveState([lShared('cbwp-1', 'a', { deletionProtection: true })]);
    const refused = planChanges(desiredState([dShared('a', { ensure: 'absent' })]), live);
    expect(refused.errors.map((e) => e.code)).toEqual(['deletion-protection']);
    const ok = planChanges(
      desiredState([dShared('a', { ensure: 'absent', deletionProtection: false })]),
      live,
    );
    expect(ids(ok)).toEqual([`${A}:deletion-protection`, `${A}:delete`]);
  });
});

describe('moves and swaps', () => {
  it('moves an EIP: detach from the old package before attach to the new', () => {
    const plan = planChanges(
      desiredState([dShared('a', { ips: [] }), dShared('b', { ips: ['eip-1'] })]),
      liveState([lShared('cbwp-1', 'a', { members: ['eip-1'] }), lShared('cbwp-2', 'b')]),
    );
    expect(step(plan, `${B}:add-ips:1`).depends_on).toContain(`${A}:remove-ip:eip-1`);
    expect(before(plan, `${A}:remove-ip:eip-1`, `${B}:add-ips:1`)).toBe(true);
  });

  it('swaps EIPs between two packages without a cycle: both detaches first', () => {
    const plan = planChanges(
      desiredState([dShared('a', { ips: ['eip-2'] }), dShared('b', { ips: ['eip-1'] })]),
      liveState([
        lShared('cbwp-1', 'a', { members: ['eip-1'] }),
        lShared('cbwp-2', 'b', { members: ['eip-2'] }),
      ]),
    );
    expect(plan.errors).toEqual([]);
    expect(step(plan, `${A}:add-ips:1`).depends_on.sort()).toEqual([
      `${A}:remove-ip:eip-1`,
      `${B}:remove-ip:eip-2`,
    ]);
    expect(step(plan, `${B}:add-ips:1`).depends_on.sort()).toEqual([
      `${A}:remove-ip:eip-1`,
      `${B}:remove-ip:eip-2`,
    ]);
  });

  it('releases an EIP from a managed package whose YAML does not list members', () => {
    const plan = planChanges(
      desiredState([dShared('a'), dShared('b', { ips: ['eip-1'] })]),
      liveState([lShared('cbwp-1', 'a', { members: ['eip-1', 'eip-9'] }), lShared('cbwp-2', 'b')]),
    );
    expect(ids(plan)).toContain(`${A}:remove-ip:eip-1`);
    expect(ids(plan)).not.toContain(`${A}:remove-ip:eip-9`);
    expect(plan.resource_changes.find((c) => c.address === A)?.reason).toBe('release-member');
  });

  it('refuses to take an EIP out of a package this stack does not manage', () => {
    const plan = planChanges(
      desiredState([dShared('b', { ips: ['eip-1'] })]),
      liveState([
        lShared('cbwp-9', 'hand-made', { stack: null, members: ['eip-1'] }),
        lShared('cbwp-2', 'b'),
      ]),
    );
    expect(plan.errors.map((e) => e.code)).toEqual(['member-held-elsewhere']);
    expect(plan.errors[0]?.message).toContain('cbwp-9');
  });

  it('moves a GA accelerator between plans, unbinding before binding', () => {
    const plan = planChanges(
      desiredState([dGa('x', { accelerators: [] }), dGa('y', { accelerators: ['ga-1'] })]),
      liveState([lGa('gbwp-1', 'x', { accelerators: ['ga-1'] }), lGa('gbwp-2', 'y')]),
    );
    expect(step(plan, 'gaBandwidth/y:add-accelerator:ga-1').depends_on).toContain(
      'gaBandwidth/x:remove-accelerator:ga-1',
    );
  });
});

describe('cenBandwidth changes', () => {
  it('creates with AutoPay and areas, then associates', () => {
    const plan = planChanges(
      desiredState([
        dCen('hz-sg', { cens: ['cen-1'], chargeType: 'PREPAY', period: 1, pricingCycle: 'Month' }),
      ]),
      liveState([]),
    );
    expect(ids(plan)).toEqual(['cenBandwidth/hz-sg:create', 'cenBandwidth/hz-sg:associate:cen-1']);
    expect(plan.steps[0]?.api.params).toMatchObject({
      GeographicRegionAId: 'China',
      GeographicRegionBId: 'Asia-Pacific',
      AutoPay: true,
      Period: 1,
    });
    expect(plan.steps[1]?.api.params).toEqual({
      CenId: 'cen-1',
      CenBandwidthPackageId: { ref: 'cenBandwidth/hz-sg:create', field: 'CenBandwidthPackageId' },
    });
    expect(plan.steps[1]?.wait?.until).toContainEqual({ type: 'members', present: ['cen-1'] });
  });

  it('updates attribute, spec and associations; create-only fields never diff', () => {
    const plan = planChanges(
      desiredState([dCen('hz-sg', { bandwidth: 20, description: 'd', cens: ['cen-2'], period: 3 })]),
      liveState([lCen('cenbwp-1', 'hz-sg', { cens: ['cen-1'] })]),
    );
    expect(plan.steps.map((s) => s.api.action)).toEqual([
      'ModifyCenBandwidthPackageAttribute',
      'UnassociateCenBandwidthPackage',
      'ModifyCenBandwidthPackageSpec',
      'AssociateCenBandwidthPackage',
    ]);
  });

  it('unassociates every CEN before a delete', () => {
    const plan = planChanges(
      desiredState([dCen('hz-sg', { ensure: 'absent' })]),
      liveState([lCen('cenbwp-1', 'hz-sg', { cens: ['cen-1', 'cen-2'] })]),
    );
    expect(ids(plan)).toEqual([
      'cenBandwidth/hz-sg:unassociate:cen-1',
      'cenBandwidth/hz-sg:unassociate:cen-2',
      'cenBandwidth/hz-sg:delete',
    ]);
    expect(step(plan, 'cenBandwidth/hz-sg:delete').depends_on).toEqual([
      'cenBandwidth/hz-sg:unassociate:cen-2',
    ]);
  });

  it('compares areas in any order and case-normalised', () => {
    const plan = planChanges(
      desiredState([dCen('hz-sg', { areas: ['Asia-Pacific', 'China'] })]),
      liveState([lCen('cenbwp-1', 'hz-sg')]),
    );
    expect(plan.steps).toEqual([]);
  });
});

describe('gaBandwidth changes', () => {
  it('creates, names, then binds accelerators', () => {
    const plan = planChanges(
      desiredState([dGa('edge', { accelerators: ['ga-1'], type: 'Basic', bandwidthType: 'Enhanced' })]),
      liveState([]),
    );
    expect(plan.steps.map((s) => s.api.action)).toEqual([
      'CreateBandwidthPackage',
      'UpdateBandwidthPackage',
      'BandwidthPackageAddAccelerator',
    ]);
    expect(plan.steps[0]?.api.region).toBe('cn-hangzhou');
    expect(plan.steps[1]?.api.params).toMatchObject({ Name: 'edge' });
    expect(plan.steps[2]?.wait?.until).toContainEqual({ type: 'status', in: ['binded'] });
  });

  it('changes bandwidth type Basic → Enhanced in place but Advanced only by replacement', () => {
    const live = liveState([lGa('gbwp-1', 'edge', { bandwidthType: 'Basic' })]);
    const inPlace = planChanges(
      desiredState([dGa('edge', { bandwidthType: 'Enhanced', bandwidth: 200 })]),
      live,
    );
    expect(ids(inPlace)).toEqual(['gaBandwidth/edge:modify-spec', 'gaBandwidth/edge:modify-bandwidth-type']);
    const advanced = planChanges(desiredState([dGa('edge', { bandwidthType: 'Advanced' })]), live);
    expect(advanced.errors.map((e) => e.code)).toEqual(['immutable-change']);
  });

  it('removes accelerators before a delete', () => {
    const plan = planChanges(
      desiredState([dGa('edge', { ensure: 'absent' })]),
      liveState([lGa('gbwp-1', 'edge', { accelerators: ['ga-1'] })]),
    );
    expect(ids(plan)).toEqual(['gaBandwidth/edge:remove-accelerator:ga-1', 'gaBandwidth/edge:delete']);
    expect(step(plan, 'gaBandwidth/edge:delete').done_codes).toContain('NotExist.BandwidthPackage');
  });
});

describe('identity, ownership and safety', () => {
  it('tags a GA create with its name and recognises a plan whose naming step never ran', () => {
    const create = planChanges(desiredState([dGa('edge')]), liveState([]));
    expect(create.steps[0]?.api.params.Tag).toContainEqual({ Key: 'bwsync:name', Value: 'edge' });
    const unnamed = lGa('gbwp-1', '', { tags: { [STACK_TAG]: STACK, 'bwsync:name': 'edge' } });
    const plan = planChanges(desiredState([dGa('edge', { accelerators: ['ga-1'] })]), liveState([unnamed]), {
      prune: true,
    });
    expect(plan.errors).toEqual([]);
    expect(plan.resource_changes.map((c) => [c.address, c.change.actions[0]])).toEqual([
      ['gaBandwidth/edge', 'update'],
    ]);
    expect(ids(plan)).toEqual(['gaBandwidth/edge:modify-attribute', 'gaBandwidth/edge:add-accelerator:ga-1']);
    expect(plan.resource_changes[0]?.change.attributes.map((a) => a.field)).toEqual(['name', 'accelerators']);
  });

  it('adopts an untagged resource by id as it is, without tagging it', () => {
    const plan = planChanges(
      desiredState([dShared('a', { id: 'cbwp-9' })]),
      liveState([lShared('cbwp-9', 'hand-made', { stack: null })]),
    );
    const change = plan.resource_changes[0];
    expect(change?.reason).toBe('adopt');
    expect(plan.steps.map((s) => s.id)).toEqual([`${A}:modify-attribute`]);
    expect(step(plan, `${A}:modify-attribute`).api.params.Name).toBe('a');
  });

  it('plans nothing for a package adopted by id that already matches', () => {
    const plan = planChanges(
      desiredState([dShared('hand-made', { id: 'cbwp-9' })]),
      liveState([lShared('cbwp-9', 'hand-made', { stack: null })]),
    );
    expect(plan.steps).toEqual([]);
    expect(plan.resource_changes[0]?.change.actions).toEqual(['no-op']);
  });

  it('never captures an untagged resource by name', () => {
    const plan = planChanges(
      desiredState([dShared('hand-made')]),
      liveState([lShared('cbwp-9', 'hand-made', { stack: null })]),
    );
    expect(plan.errors.map((e) => e.code)).toEqual(['name-taken']);
    expect(plan.steps).toEqual([]);
  });

  it('reports two name matches as an error naming both ids', () => {
    const plan = planChanges(
      desiredState([dShared('a')]),
      liveState([lShared('cbwp-1', 'a'), lShared('cbwp-2', 'a')]),
    );
    expect(plan.errors[0]?.code).toBe('ambiguous-match');
    expect(plan.errors[0]?.message).toContain('cbwp-1, cbwp-2');
  });

  it('refuses adoption of another stack’s resource', () => {
    const plan = planChanges(
      desiredState([dShared('a', { id: 'cbwp-1' })]),
      liveState([lShared('cbwp-1', 'a', { stack: 'other' })]),
    );
    expect(plan.errors.map((e) => e.code)).toEqual(['owned-by-other-stack']);
  });

  it('lists undeclared resources as unmanaged and prunes only this stack’s with --prune', () => {
    const live = liveState([
      lShared('cbwp-1', 'mine'),
      lShared('cbwp-2', 'theirs', { stack: 'other' }),
      lShared('cbwp-3', 'hand', { stack: null }),
    ]);
    const noPrune = planChanges(desiredState([]), live, { regions: ['cn-hangzhou'] });
    expect(noPrune.steps).toEqual([]);
    expect(noPrune.unmanaged.map((u) => [u.id, u.reason])).toEqual([
      ['cbwp-3', 'untagged'],
      ['cbwp-1', 'undeclared'],
      ['cbwp-2', 'other-stack'],
    ]);
    const prune = planChanges(desiredState([]), live, { prune: true });
    expect(ids(prune)).toEqual(['sharedBandwidth/cn-hangzhou/mine:delete']);
    expect(prune.resource_changes[0]?.reason).toBe('prune');
    expect(prune.unmanaged.map((u) => u.id)).toEqual(['cbwp-3', 'cbwp-2']);
  });

  it('refuses to delete or replace a protected resource', () => {
    const live = liveState([lShared('cbwp-1', 'a')]);
    const del = planChanges(desiredState([dShared('a', { ensure: 'absent', protect: true })]), live);
    expect(del.errors.map((e) => e.code)).toEqual(['protected']);
    const rep = planChanges(desiredState([dShared('a', { isp: 'BGP_PRO', protect: true })]), live, {
      allowReplace: true,
    });
    expect(rep.errors.map((e) => e.code)).toEqual(['protected']);
    expect(rep.steps).toEqual([]);
  });

  it('warns instead of deleting what the API cannot delete', () => {
    const plan = planChanges(
      desiredState([
        dShared('a', { ensure: 'absent' }),
        dCen('c', { ensure: 'absent' }),
        dGa('g', { ensure: 'absent' }),
      ]),
      liveState([
        lShared('cbwp-1', 'a', {
          internetChargeType: 'PayBy95',
          undeletableReason: 'PayBy95 packages cannot be released through the API',
        }),
        lCen('cenbwp-1', 'c', { chargeType: 'PREPAY', undeletableReason: 'prepaid' }),
        lGa('gbwp-1', 'g', { chargeType: 'PREPAY', undeletableReason: 'subscription' }),
      ]),
    );
    expect(plan.steps).toEqual([]);
    expect(plan.warnings.map((w) => w.message.startsWith('will not be destroyed:'))).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('makes an immutable change an error, or delete-then-create with --allow-replace', () => {
    const d = desiredState([dShared('a', { isp: 'BGP_PRO', ips: ['eip-1'] })]);
    const live = liveState([lShared('cbwp-1', 'a', { members: ['eip-1', 'eip-2'] })]);
    const refused = planChanges(d, live);
    expect(refused.errors.map((e) => e.code)).toEqual(['immutable-change']);
    expect(refused.errors[0]?.message).toContain('isp');
    const replaced = planChanges(d, live, { allowReplace: true });
    expect(replaced.resource_changes[0]?.change.actions).toEqual(['delete', 'create']);
    expect(replaced.summary).toMatchObject({ add: 1, destroy: 1, replace: 1 });
    expect(ids(replaced)).toEqual([`${A}:remove-ip:eip-1`, `${A}:delete`, `${A}:create`, `${A}:add-ips:1`]);
    expect(step(replaced, `${A}:create`).depends_on).toEqual([`${A}:delete`]);
  });

  it('limits the plan to --target addresses', () => {
    const d = desiredState([dShared('a', { bandwidth: 1 }), dShared('b', { bandwidth: 2 })]);
    const live = liveState([lShared('cbwp-1', 'a'), lShared('cbwp-2', 'b')]);
    const plan = planChanges(d, live, { targets: ['sharedBandwidth/b'] });
    expect(plan.resource_changes.map((c) => c.address)).toEqual([B]);
    expect(plan.unmanaged).toEqual([]);
  });

  it('reports a missing required field at create', () => {
    const d = dShared('a');
    delete d.bandwidth;
    const plan = planChanges(desiredState([d]), liveState([]));
    expect(plan.errors.map((e) => e.code)).toEqual(['missing-field']);
  });
});

describe('determinism', () => {
  it('gives byte-identical JSON for equal input in any order', () => {
    const resources = [
      dShared('a', { ips: ['eip-2'] }),
      dShared('b', { ips: ['eip-1'] }),
      dCen('c', { cens: ['cen-1'] }),
      dGa('g'),
    ];
    const live = [
      lShared('cbwp-1', 'a', { members: ['eip-1'] }),
      lShared('cbwp-2', 'b', { members: ['eip-2'] }),
      lShared('cbwp-3', 'old'),
    ];
    const one = JSON.stringify(planChanges(desiredState(resources), liveState(live), { prune: true }));
    const two = JSON.stringify(
      planChanges(desiredState([...resources].reverse()), liveState([...live].reverse()), { prune: true }),
    );
    expect(two).toBe(one);
    expect(JSON.parse(one).plan_hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('changes the plan hash when the changes differ', () => {
    const live = liveState([lShared('cbwp-1', 'a')]);
    const p1 = planChanges(desiredState([dShared('a', { bandwidth: 200 })]), live);
    const p2 = planChanges(desiredState([dShared('a', { bandwidth: 300 })]), live);
    expect(p1.plan_hash).not.toBe(p2.plan_hash);
    expect(p1.desired_hash).not.toBe(p2.desired_hash);
  });
});

describe('saved-plan fingerprints', () => {
  it('detects changed, gone and appeared objects and changed caps, ignoring caps not read again', async () => {
    const { checkStale } = await import('./stale.js');
    const live = [
      lShared('cbwp-1', 'a', { members: [{ id: 'eip-1', bandwidth: 50 }, 'eip-2'] }),
      lShared('cbwp-2', 'b'),
    ];
    const plan = planChanges(desiredState([dShared('a')]), liveState(live));
    expect(Object.keys(plan.fingerprints)).toEqual(['cap:cbwp-1/eip-1', 'cbwp-1', 'cbwp-2']);
    expect(checkStale(plan, live)).toEqual([]);
    // Caps of every member read again (eip-2 now has one): only declared ones were recorded.
    const reread = [
      lShared('cbwp-1', 'a', {
        members: [
          { id: 'eip-1', bandwidth: 50 },
          { id: 'eip-2', bandwidth: 10 },
        ],
      }),
      lShared('cbwp-2', 'b'),
    ];
    expect(checkStale(plan, reread)).toEqual([]);
    const changed = [
      lShared('cbwp-1', 'a', { bandwidth: 300, members: [{ id: 'eip-1', bandwidth: 40 }, 'eip-2'] }),
      lShared('cbwp-3', 'c'),
    ];
    expect(checkStale(plan, changed)).toEqual([
      { id: 'cbwp-1', reason: 'changed' },
      { id: 'cbwp-1/eip-1', reason: 'changed' },
      { id: 'cbwp-2', reason: 'gone' },
      { id: 'cbwp-3', reason: 'appeared' },
    ]);
  });
});
