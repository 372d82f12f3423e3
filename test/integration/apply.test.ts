import { afterEach, describe, expect, it } from 'vitest';
import type { RpcClient } from '../../src/aliyun/types.js';
import { STACK_TAG } from '../../src/model/kinds.js';
import { duplicates, type Harness, losingResponses, startHarness } from './apply-harness.js';
import { CHANGE, CREATE, DELETE } from './apply-scenarios.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function stepActions(plan: { steps: { kind: string; action: string }[] }): string[] {
  return [...new Set(plan.steps.map((s) => `${s.kind}:${s.action}`))].sort();
}

describe('apply against the emulator', () => {
  it('runs every step type of the three products, and each apply leaves nothing to plan', async () => {
    h = await startHarness();
    const seen = new Set<string>();
    for (const yaml of [CREATE, CHANGE, DELETE]) {
      const { plan, result } = await h.apply(yaml);
      for (const a of stepActions(plan)) seen.add(a);
      expect(result.steps.filter((s) => s.status !== 'done')).toEqual([]);
      expect(result.converged).toBe(true);
      expect((await h.plan(yaml)).steps).toEqual([]);
    }
    expect([...seen].sort()).toEqual([
      'cenBandwidth:associate',
      'cenBandwidth:create',
      'cenBandwidth:delete',
      'cenBandwidth:modify-attribute',
      'cenBandwidth:modify-spec',
      'cenBandwidth:tag',
      'cenBandwidth:unassociate',
      'cenBandwidth:untag',
      'gaBandwidth:add-accelerator',
      'gaBandwidth:create',
      'gaBandwidth:delete',
      'gaBandwidth:modify-attribute',
      'gaBandwidth:modify-bandwidth-type',
      'gaBandwidth:modify-spec',
      'gaBandwidth:remove-accelerator',
      'gaBandwidth:set-name',
      'gaBandwidth:tag',
      'gaBandwidth:untag',
      'sharedBandwidth:add-ips',
      'sharedBandwidth:cancel-ip-cap',
      'sharedBandwidth:create',
      'sharedBandwidth:delete',
      'sharedBandwidth:deletion-protection',
      'sharedBandwidth:modify-attribute',
      'sharedBandwidth:modify-spec',
      'sharedBandwidth:remove-ip',
      'sharedBandwidth:set-ip-cap',
      'sharedBandwidth:tag',
      'sharedBandwidth:untag',
    ]);
    const left = (await h.inventory()).filter((r) => r.tags[STACK_TAG] === 'it-apply');
    expect(left).toEqual([]);
  });

  it('sends each create with a ClientToken and reports the new ids', async () => {
    h = await startHarness();
    const { result } = await h.apply(CREATE);
    const creates = result.steps.filter((s) => s.action === 'create');
    expect(creates).toHaveLength(4);
    for (const c of creates) expect(Object.values(c.outputs ?? {}).join()).toMatch(/^(cbwp|cenbwp|gbwp)-/);
    expect(result.totals.api_calls).toBeGreaterThanOrEqual(result.steps.length);
  });

  for (const [name, actions] of [
    ['creates', ['CreateCommonBandwidthPackage', 'CreateCenBandwidthPackage', 'CreateBandwidthPackage']],
    [
      'attaches',
      ['AddCommonBandwidthPackageIps', 'AssociateCenBandwidthPackage', 'BandwidthPackageAddAccelerator'],
    ],
    [
      'detaches and deletes',
      [
        'RemoveCommonBandwidthPackageIp',
        'UnassociateCenBandwidthPackage',
        'BandwidthPackageRemoveAccelerator',
        'DeleteCommonBandwidthPackage',
        'DeleteCenBandwidthPackage',
        'DeleteBandwidthPackage',
      ],
    ],
    [
      'updates',
      [
        'ModifyCommonBandwidthPackageSpec',
        'ModifyCommonBandwidthPackageIpBandwidth',
        'CancelCommonBandwidthPackageIpBandwidth',
        'ModifyCenBandwidthPackageSpec',
        'UpdateBandwidthPackage',
      ],
    ],
  ] as const) {
    it(`decides lost responses on ${name} without duplicates and converges`, async () => {
      let lossy: (RpcClient & { lost: string[] }) | undefined;
      h = await startHarness({ client: (c) => (lossy = losingResponses(c, new Set(actions))) });
      for (const yaml of [CREATE, CHANGE, DELETE]) {
        const { result } = await h.apply(yaml);
        expect(result.steps.filter((s) => s.status !== 'done').map((s) => [s.id, s.error])).toEqual([]);
        expect(duplicates(await h.inventory())).toEqual([]);
        expect((await h.plan(yaml)).steps).toEqual([]);
      }
      expect(new Set(lossy!.lost)).toEqual(new Set(actions));
    });
  }
});
