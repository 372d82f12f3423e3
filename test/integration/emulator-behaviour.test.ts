import { afterEach, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { popClient, popError } from '../helpers/emulator-sdk.js';

const HZ = { RegionId: 'cn-hangzhou' };
type Any = Record<string, unknown>;

let emu: TestEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

async function start(options: Parameters<typeof startTestEmulator>[0] = {}): Promise<TestEmulator> {
  emu = await startTestEmulator({ manualClock: true, ...options });
  return emu;
}

function first(r: Any): Any {
  return (r.CommonBandwidthPackages as { CommonBandwidthPackage: Any[] }).CommonBandwidthPackage[0]!;
}

describe('CBWP state machine and conflicts', () => {
  it('refuses writes while a package is Pending, Modifying, binding or being deleted', async () => {
    const e = await start({
      seed: {
        eips: [
          { id: 'eip-bp1a000000000000000001', region: 'cn-hangzhou' },
          { id: 'eip-bp1a000000000000000002', region: 'cn-hangzhou' },
        ],
      },
    });
    const vpc = popClient(e, 'vpc');
    const id = (await vpc.request('CreateCommonBandwidthPackage', { ...HZ, Bandwidth: 10 }))
      .BandwidthPackageId as string;
    const read = async () =>
      first(await vpc.request('DescribeCommonBandwidthPackages', { ...HZ, BandwidthPackageId: id }));
    const code = async (action: string, params: Any) =>
      (await popError(vpc.request(action, { ...HZ, BandwidthPackageId: id, ...params }))).code;

    expect((await read()).Status).toBe('Pending');
    expect(await code('ModifyCommonBandwidthPackageSpec', { Bandwidth: '20' })).toBe(
      'IncorrectStatus.CbwpModifying',
    );
    e.advance(1000);
    expect((await read()).Status).toBe('Available');

    await vpc.request('ModifyCommonBandwidthPackageSpec', { ...HZ, BandwidthPackageId: id, Bandwidth: '20' });
    expect(await read()).toMatchObject({ Status: 'Modifying', Bandwidth: '10' });
    expect(await code('ModifyCommonBandwidthPackageAttribute', { Name: 'x' })).toBe(
      'IncorrectStatus.CbwpModifying',
    );
    expect(await code('AddCommonBandwidthPackageIp', { IpInstanceId: 'eip-bp1a000000000000000001' })).toBe(
      'IncorrectStatus.CbwpModifying',
    );
    e.advance(1000);
    expect(await read()).toMatchObject({ Status: 'Available', Bandwidth: '20' });

    await vpc.request('AddCommonBandwidthPackageIp', {
      ...HZ,
      BandwidthPackageId: id,
      IpInstanceId: 'eip-bp1a000000000000000001',
    });
    expect(await code('RemoveCommonBandwidthPackageIp', { IpInstanceId: 'eip-bp1a000000000000000001' })).toBe(
      'IncorrectStatus.Eip',
    );
    expect(await code('ModifyCommonBandwidthPackageSpec', { Bandwidth: '30' })).toBe('TaskConflict');
    expect(await code('DeleteCommonBandwidthPackage', { Force: 'true' })).toBe(
      'OperationFailed.AddIpTaskInProcessing',
    );
    e.advance(1000);
    await vpc.request('RemoveCommonBandwidthPackageIp', {
      ...HZ,
      BandwidthPackageId: id,
      IpInstanceId: 'eip-bp1a000000000000000001',
    });
    // The EIP stays listed until the remove finishes.
    expect(
      ((await read()).PublicIpAddresses as { PublicIpAddresse: unknown[] }).PublicIpAddresse,
    ).toHaveLength(1);
    e.advance(1000);
    expect(
      ((await read()).PublicIpAddresses as { PublicIpAddresse: unknown[] }).PublicIpAddresse,
    ).toHaveLength(0);

    await vpc.request('DeleteCommonBandwidthPackage', { ...HZ, BandwidthPackageId: id });
    expect(await code('ModifyCommonBandwidthPackageAttribute', { Name: 'x' })).toBe(
      'BandwidthPackageOperation.conflict',
    );
    e.advance(1000);
    expect(
      (await vpc.request('DescribeCommonBandwidthPackages', { ...HZ, BandwidthPackageId: id })).TotalCount,
    ).toBe(0);
  });

  it('refuses CEN writes while an association is in progress', async () => {
    const e = await start({ seed: { cens: [{ id: 'cen-x00000000000000001' }] } });
    const cbn = popClient(e, 'cbn');
    const id = (
      await cbn.request('CreateCenBandwidthPackage', {
        Bandwidth: 5,
        GeographicRegionAId: 'China',
        GeographicRegionBId: 'China',
        BandwidthPackageChargeType: 'POSTPAY',
      })
    ).CenBandwidthPackageId as string;
    await cbn.request('AssociateCenBandwidthPackage', {
      CenId: 'cen-x00000000000000001',
      CenBandwidthPackageId: id,
    });
    expect(
      (
        await popError(
          cbn.request('UnassociateCenBandwidthPackage', {
            CenId: 'cen-x00000000000000001',
            CenBandwidthPackageId: id,
          }),
        )
      ).code,
    ).toBe('Operation.Blocking');
    expect(
      (
        await popError(
          cbn.request('ModifyCenBandwidthPackageSpec', { CenBandwidthPackageId: id, Bandwidth: 6 }),
        )
      ).code,
    ).toBe('OperationFailed.OperationIsProcessing');
    e.advance(1000);
    const cens = await cbn.request('DescribeCens', {});
    expect(JSON.stringify(cens)).toContain(id);
  });

  it('refuses GA writes while a plan is init, binding or unbinding', async () => {
    const e = await start({ seed: { accelerators: [{ id: 'ga-bp1x000000000000001' }] } });
    const ga = popClient(e, 'ga');
    const id = (
      await ga.request('CreateBandwidthPackage', {
        ...HZ,
        Bandwidth: 10,
        Type: 'Basic',
        BandwidthType: 'Basic',
        ChargeType: 'POSTPAY',
      })
    ).BandwidthPackageId as string;
    const add = () =>
      ga.request('BandwidthPackageAddAccelerator', {
        ...HZ,
        BandwidthPackageId: id,
        AcceleratorId: 'ga-bp1x000000000000001',
      });
    expect((await popError(add())).code).toBe('StateError.BandwidthPackage');
    expect(
      (await popError(ga.request('DeleteBandwidthPackage', { ...HZ, BandwidthPackageId: id }))).code,
    ).toBe('StateError.BandwidthPackage');
    e.advance(1000);
    await add();
    expect(
      (await ga.request('DescribeAccelerator', { ...HZ, AcceleratorId: 'ga-bp1x000000000000001' })).State,
    ).toBe('configuring');
    expect(
      (await popError(ga.request('UpdateBandwidthPackage', { ...HZ, BandwidthPackageId: id, Bandwidth: 20 })))
        .code,
    ).toBe('StateError.BandwidthPackage');
    e.advance(1000);
    const acc = await ga.request('DescribeAccelerator', { ...HZ, AcceleratorId: 'ga-bp1x000000000000001' });
    expect(acc).toMatchObject({ State: 'active', BasicBandwidthPackage: { InstanceId: id } });
  });
});

describe('ClientToken idempotency', () => {
  it('replays the first answer for the same token and parameters, and refuses other parameters', async () => {
    const e = await start();
    const vpc = popClient(e, 'vpc');
    const params = { ...HZ, Bandwidth: 10, Name: 'same', ClientToken: 'token-1' };
    const a = await vpc.request('CreateCommonBandwidthPackage', params);
    const b = await vpc.request('CreateCommonBandwidthPackage', params);
    expect(b.BandwidthPackageId).toBe(a.BandwidthPackageId);
    expect(b.RequestId).not.toBe(a.RequestId);
    expect((await vpc.request('DescribeCommonBandwidthPackages', HZ)).TotalCount).toBe(1);
    const mismatch = await popError(
      vpc.request('CreateCommonBandwidthPackage', { ...params, Bandwidth: 11 }),
    );
    expect([mismatch.code, mismatch.entry?.response.statusCode]).toEqual([
      'IdempotentParameterMismatch',
      400,
    ]);
    await vpc.request('CreateCommonBandwidthPackage', { ...params, ClientToken: 'token-2' });
    expect((await vpc.request('DescribeCommonBandwidthPackages', HZ)).TotalCount).toBe(2);
  });
});

describe('pagination', () => {
  it('pages EIPs by up to 100 and packages by up to 50 with TotalCount, in stable order', async () => {
    const pkgs = Array.from({ length: 51 }, (_, i) => ({
      region: 'cn-hangzhou',
      bandwidth: 10,
      name: `p${i}`,
    }));
    const e = await start({
      seed: {
        eips: [
          { region: 'cn-hangzhou', count: 120 },
          { region: 'cn-shanghai', count: 3 },
        ],
        commonBandwidthPackages: pkgs,
      },
    });
    const vpc = popClient(e, 'vpc');
    const page = async (action: string, size: number, n: number) =>
      vpc.request(action, { ...HZ, PageSize: size, PageNumber: n });
    const eipIds = (r: Any) =>
      (r.EipAddresses as { EipAddress: { AllocationId: string }[] }).EipAddress.map((x) => x.AllocationId);
    const p1 = await page('DescribeEipAddresses', 100, 1);
    const p2 = await page('DescribeEipAddresses', 100, 2);
    const p3 = await page('DescribeEipAddresses', 100, 3);
    expect([p1.TotalCount, eipIds(p1).length, eipIds(p2).length, eipIds(p3).length]).toEqual([
      120, 100, 20, 0,
    ]);
    expect(new Set([...eipIds(p1), ...eipIds(p2)]).size).toBe(120);
    const names = (r: Any) =>
      (
        r.CommonBandwidthPackages as { CommonBandwidthPackage: { Name: string }[] }
      ).CommonBandwidthPackage.map((x) => x.Name);
    const c1 = await page('DescribeCommonBandwidthPackages', 50, 1);
    const c2 = await page('DescribeCommonBandwidthPackages', 50, 2);
    expect([c1.TotalCount, c1.PageSize, c1.PageNumber]).toEqual([51, 50, 1]);
    expect(names(c1)[0]).toBe('p0');
    expect(names(c2)).toEqual(['p50']);
    const def = await vpc.request('DescribeCommonBandwidthPackages', HZ);
    expect([def.PageSize, names(def).length]).toEqual([10, 10]);
  });
});

describe('pagination in CBN, GA and tags', () => {
  it('pages CEN packages by 50 with Filter.N (AND and OR) and GA plans by 100', async () => {
    const cenPkgs = Array.from({ length: 51 }, (_, i) => ({
      name: i % 2 === 0 ? 'even' : 'odd',
      bandwidth: 2,
      areaA: 'China',
      areaB: 'Europe',
    }));
    const plans = Array.from({ length: 101 }, () => ({ bandwidth: 2 }));
    const e = await start({ seed: { cenBandwidthPackages: cenPkgs, gaBandwidthPackages: plans } });
    const cbn = popClient(e, 'cbn');
    const all = await cbn.request('DescribeCenBandwidthPackages', { PageSize: 50, PageNumber: 2 });
    expect([
      all.TotalCount,
      (all.CenBandwidthPackages as { CenBandwidthPackage: unknown[] }).CenBandwidthPackage.length,
    ]).toEqual([51, 1]);
    const even = await cbn.request('DescribeCenBandwidthPackages', {
      'Filter.1.Key': 'Name',
      'Filter.1.Value.1': 'even',
      'Filter.2.Key': 'Status',
      'Filter.2.Value.1': 'Idle',
    });
    expect(even.TotalCount).toBe(26);
    const either = await cbn.request('DescribeCenBandwidthPackages', {
      IsOrKey: true,
      'Filter.1.Key': 'Name',
      'Filter.1.Value.1': 'even',
      'Filter.2.Key': 'Status',
      'Filter.2.Value.1': 'InUse',
    });
    expect(either.TotalCount).toBe(26);
    expect(
      (
        await popError(
          cbn.request('DescribeCenBandwidthPackages', { 'Filter.1.Key': 'Colour', 'Filter.1.Value.1': 'x' }),
        )
      ).code,
    ).toBe('InvalidParameter');
    const ga = popClient(e, 'ga');
    const p2 = await ga.request('ListBandwidthPackages', { ...HZ, PageSize: 100, PageNumber: 2 });
    expect([p2.TotalCount, (p2.BandwidthPackages as unknown[]).length]).toEqual([101, 1]);
  });

  it('pages ListTagResources with NextToken', async () => {
    const tags = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, `v${i}`]));
    const e = await start({
      seed: {
        commonBandwidthPackages: [
          { id: 'cbwp-bp1tags000000000001', region: 'cn-hangzhou', bandwidth: 5, tags },
        ],
      },
    });
    const vpc = popClient(e, 'vpc');
    const ask = (token?: string) =>
      vpc.request('ListTagResources', {
        ...HZ,
        ResourceType: 'COMMONBANDWIDTHPACKAGE',
        'ResourceId.1': 'cbwp-bp1tags000000000001',
        MaxResults: 15,
        ...(token ? { NextToken: token } : {}),
      });
    const one = await ask();
    const two = await ask(one.NextToken as string);
    const rows = (r: Any) => (r.TagResources as { TagResource: { TagKey: string }[] }).TagResource;
    expect([rows(one).length, rows(two).length, two.NextToken]).toEqual([15, 5, '']);
    expect(new Set([...rows(one), ...rows(two)].map((t) => t.TagKey)).size).toBe(20);
    const over = await popError(
      vpc.request('TagResources', {
        ...HZ,
        ResourceType: 'COMMONBANDWIDTHPACKAGE',
        'ResourceId.1': 'cbwp-bp1tags000000000001',
        'Tag.1.Key': 'one-more',
        'Tag.1.Value': 'x',
      }),
    );
    expect(over.code).toBe('QuotaExceeded.TagNum');
  });
});

describe('throttling', () => {
  it('answers Throttling.User with x-acs-retry-after over the per-action limit', async () => {
    const e = await start({ rateLimits: { DescribeCommonBandwidthPackages: 0.01 } });
    const vpc = popClient(e, 'vpc');
    await vpc.request('DescribeCommonBandwidthPackages', HZ);
    const err = await popError(vpc.request('DescribeCommonBandwidthPackages', HZ));
    expect([err.code, err.entry?.response.statusCode]).toEqual(['Throttling.User', 400]);
    // One call per 100 s: the next token is up to 100,000 ms away.
    const retryAfter = Number(err.entry?.response.headers['x-acs-retry-after']);
    expect(retryAfter).toBeGreaterThan(90_000);
    expect(retryAfter).toBeLessThanOrEqual(100_000);
    // Other actions have their own budget.
    await vpc.request('DescribeEipAddresses', HZ);
  });
});

describe('financial locks (seeded)', () => {
  it('shows FinancialLocked / finacialLocked and refuses writes', async () => {
    const e = await start({
      seed: {
        commonBandwidthPackages: [
          { id: 'cbwp-bp1locked000000000001', region: 'cn-hangzhou', bandwidth: 10, financialLocked: true },
        ],
        gaBandwidthPackages: [{ id: 'gbwp-bp1locked0000000001', bandwidth: 10, financialLocked: true }],
      },
    });
    const vpc = popClient(e, 'vpc');
    const pkg = first(
      await vpc.request('DescribeCommonBandwidthPackages', {
        ...HZ,
        BandwidthPackageId: 'cbwp-bp1locked000000000001',
      }),
    );
    expect(pkg.BusinessStatus).toBe('FinancialLocked');
    const err = await popError(
      vpc.request('ModifyCommonBandwidthPackageSpec', {
        ...HZ,
        BandwidthPackageId: 'cbwp-bp1locked000000000001',
        Bandwidth: '20',
      }),
    );
    expect([err.code, err.entry?.response.statusCode]).toEqual(['BandwidthPackage.FinancialLocked', 404]);
    const ga = popClient(e, 'ga');
    expect(
      (
        await ga.request('DescribeBandwidthPackage', {
          ...HZ,
          BandwidthPackageId: 'gbwp-bp1locked0000000001',
        })
      ).State,
    ).toBe('finacialLocked');
    expect(
      (
        await popError(
          ga.request('UpdateBandwidthPackage', {
            ...HZ,
            BandwidthPackageId: 'gbwp-bp1locked0000000001',
            Bandwidth: 20,
          }),
        )
      ).code,
    ).toBe('StateError.BandwidthPackage');
  });
});
