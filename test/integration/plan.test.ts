import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src/aliyun/client.js';
import { staticCredentials } from '../../src/aliyun/credentials.js';
import type { RpcClient } from '../../src/aliyun/types.js';
import type { SeedDocument } from '../../src/emulator/index.js';
import { STACK_TAG } from '../../src/model/kinds.js';
import { createPlan } from '../../src/planner/index.js';
import { dCen, desiredState, dGa, dShared, STACK } from '../helpers/builders.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

let emulator: TestEmulator | undefined;
let client: RpcClient | undefined;

async function start(seed: SeedDocument): Promise<{ emulator: TestEmulator; client: RpcClient }> {
  emulator = await startTestEmulator({ seed });
  client = createClient({
    credentials: staticCredentials(emulator.credentials),
    endpoint: emulator.url,
    rateLimits: false,
  });
  return { emulator, client };
}

afterEach(async () => {
  await client?.close();
  await emulator?.close();
  client = undefined;
  emulator = undefined;
});

const ours = { [STACK_TAG]: STACK };
const eipId = (i: number) => `eip-bp1cap${String(i).padStart(12, '0')}`;

function bigSeed(): SeedDocument {
  const capped = Array.from({ length: 60 }, (_, i) => eipId(i));
  return {
    eips: capped.map((id) => ({ id, region: 'cn-hangzhou' })),
    cens: [{ id: 'cen-int00000000000001' }],
    commonBandwidthPackages: [
      { region: 'cn-hangzhou', name: 'capped', bandwidth: 500, tags: ours, eips: capped },
      ...Array.from({ length: 119 }, (_, i) => ({ region: 'cn-hangzhou', name: `hz-${i}`, bandwidth: 10 })),
      ...Array.from({ length: 51 }, (_, i) => ({ region: 'cn-shanghai', name: `sh-${i}`, bandwidth: 10 })),
    ],
    cenBandwidthPackages: Array.from({ length: 51 }, (_, i) => ({
      name: `cen-${i}`,
      bandwidth: 2,
      areaA: 'china',
      areaB: 'asia-pacific',
    })),
    gaBandwidthPackages: Array.from({ length: 101 }, (_, i) => ({
      name: `ga${i}`,
      bandwidth: 10,
      chargeType: 'POSTPAY' as const,
    })),
  };
}

describe('plan read calls against the emulator', () => {
  it('makes exactly the minimum number of reads for multi-region, multi-page state', async () => {
    const { emulator: emu, client: c } = await start(bigSeed());
    const capped = Array.from({ length: 60 }, (_, i) => ({ id: eipId(i), bandwidth: null }));
    const desired = desiredState([
      dShared('capped', { bandwidth: 500, ips: capped }),
      dShared('new', { region: 'cn-shanghai' }),
    ]);
    const before = (await emu.stats()).calls;
    const { plan, live } = await createPlan({ client: c, desired, options: { regions: ['ap-southeast-1'] } });
    const after = (await emu.stats()).calls;
    const delta = (a: string) => (after[a] ?? 0) - (before[a] ?? 0);
    // cn-hangzhou 120 → 3 pages, cn-shanghai 51 → 2, ap-southeast-1 empty → 1.
    expect(delta('DescribeCommonBandwidthPackages')).toBe(6);
    expect(delta('DescribeCenBandwidthPackages')).toBe(2); // 51 at 50 a page
    expect(delta('ListBandwidthPackages')).toBe(2); // 101 at 100 a page
    expect(delta('DescribeEipAddresses')).toBe(2); // 60 capped EIPs at 50 ids a call
    const total = Object.keys(after).reduce((n, a) => n + delta(a), 0);
    expect(total).toBe(12);
    expect(live.resources.filter((r) => r.kind === 'sharedBandwidth')).toHaveLength(171);
    expect(plan.errors).toEqual([]);
    expect(plan.resource_changes.map((r) => r.change.actions[0])).toEqual(['no-op', 'create']);
    const keys = Object.keys(plan.fingerprints);
    expect(keys.filter((k) => !k.startsWith('cap:'))).toHaveLength(171 + 51 + 101);
    expect(keys.filter((k) => k.startsWith('cap:'))).toHaveLength(60);
  });

  it('reads no EIPs when the YAML declares no caps', async () => {
    const { emulator: emu, client: c } = await start(bigSeed());
    const desired = desiredState([
      dShared('capped', { ips: Array.from({ length: 60 }, (_, i) => eipId(i)) }),
    ]);
    const before = (await emu.stats()).calls.DescribeEipAddresses ?? 0;
    await createPlan({ client: c, desired });
    expect((await emu.stats()).calls.DescribeEipAddresses ?? 0).toBe(before);
  });
});

describe('plans for fresh, drifted and in-sync accounts', () => {
  const seedBase: SeedDocument = {
    eips: [
      { id: 'eip-bp1int000000000001', region: 'cn-hangzhou' },
      { id: 'eip-bp1int000000000002', region: 'cn-hangzhou' },
    ],
    cens: [{ id: 'cen-int00000000000001' }],
    accelerators: [{ id: 'ga-bp1int0000000001' }],
  };
  const desired = desiredState([
    dShared('web', {
      bandwidth: 200,
      description: 'web',
      ips: [{ id: 'eip-bp1int000000000001', bandwidth: 50 }, 'eip-bp1int000000000002'],
    }),
    dCen('hz-sg', { bandwidth: 10, chargeType: 'POSTPAY', cens: ['cen-int00000000000001'] }),
    dGa('edge', {
      bandwidth: 100,
      type: 'Basic',
      bandwidthType: 'Basic',
      chargeType: 'POSTPAY',
      accelerators: ['ga-bp1int0000000001'],
    }),
  ]);

  it('plans every create on a fresh account', async () => {
    const { client: c } = await start(seedBase);
    const { plan } = await createPlan({ client: c, desired });
    expect(plan.summary).toMatchObject({ add: 3, change: 0, destroy: 0 });
    expect(plan.steps.map((s) => s.api.action)).toContain('ModifyCommonBandwidthPackageIpBandwidth');
  });

  it('shows no changes for an account that matches, and the drift when it does not', async () => {
    const inSync: SeedDocument = {
      ...seedBase,
      commonBandwidthPackages: [
        {
          region: 'cn-hangzhou',
          name: 'web',
          description: 'web',
          bandwidth: 200,
          tags: ours,
          eips: ['eip-bp1int000000000001', 'eip-bp1int000000000002'],
        },
      ],
      cenBandwidthPackages: [
        {
          name: 'hz-sg',
          bandwidth: 10,
          areaA: 'china',
          areaB: 'asia-pacific',
          chargeType: 'POSTPAY',
          cens: ['cen-int00000000000001'],
          tags: ours,
        },
      ],
      gaBandwidthPackages: [
        {
          name: 'edge',
          bandwidth: 100,
          type: 'Basic',
          bandwidthType: 'Basic',
          chargeType: 'POSTPAY',
          accelerators: ['ga-bp1int0000000001'],
          tags: ours,
        },
      ],
    };
    // The seed cannot express a per-IP cap, so the in-sync YAML states "no cap" for both EIPs.
    const noCaps = desiredState([
      dShared('web', {
        bandwidth: 200,
        description: 'web',
        ips: [{ id: 'eip-bp1int000000000001', bandwidth: null }, 'eip-bp1int000000000002'],
      }),
      ...desired.resources.filter((r) => r.kind !== 'sharedBandwidth'),
    ]);
    const { client: c } = await start(inSync);
    const clean = (await createPlan({ client: c, desired: noCaps })).plan;
    expect(clean.errors).toEqual([]);
    expect(clean.steps).toEqual([]);
    expect(clean.summary).toMatchObject({ add: 0, change: 0, destroy: 0, no_op: 3 });
    const drifted = (await createPlan({ client: c, desired })).plan;
    expect(drifted.summary).toMatchObject({ add: 0, change: 1, destroy: 0, no_op: 2 });
    expect(drifted.steps.map((s) => s.id)).toEqual([
      'sharedBandwidth/cn-hangzhou/web:set-ip-cap:eip-bp1int000000000001',
    ]);
  });
});
