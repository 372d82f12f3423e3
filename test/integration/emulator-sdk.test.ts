import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { popClient, popError } from '../helpers/emulator-sdk.js';

const require = createRequire(import.meta.url);
type Any = Record<string, unknown>;
type SdkClass = new (config: unknown) => Any;

interface Cbwp {
  BandwidthPackageId: string;
  Status: string;
  Bandwidth: string;
  Name: string;
  PublicIpAddresses: {
    PublicIpAddresse: { AllocationId: string; BandwidthPackageIpRelationStatus: string }[];
  };
  Tags: { Tag: { Key: string; Value: string }[] };
}

function cbwps(r: Any): Cbwp[] {
  return (r.CommonBandwidthPackages as { CommonBandwidthPackage: Cbwp[] }).CommonBandwidthPackage;
}

const SEED = {
  eips: [
    { id: 'eip-bp1test0000000000001', region: 'cn-hangzhou' },
    { id: 'eip-bp1test0000000000002', region: 'cn-hangzhou' },
    { id: 'eip-bp1test0000000000003', region: 'cn-hangzhou' },
  ],
  cens: [{ id: 'cen-test00000000000001' }],
  accelerators: [{ id: 'ga-bp1test000000000001' }],
};

describe('official SDKs against the emulator', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator({ seed: SEED, manualClock: true });
  });

  /** Lets every pending transition finish (1 s of emulator time), then checks the read. */
  async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
    emu.advance(1000);
    const value = await read();
    if (!ok(value)) throw new Error(`unexpected state after the transition: ${JSON.stringify(value)}`);
    return value;
  }
  afterAll(() => emu.close());

  it('pop-core (V1, GET and POST) runs a full CBWP lifecycle', async () => {
    const vpc = popClient(emu, 'vpc');
    const post = { method: 'POST' };
    const region = { RegionId: 'cn-hangzhou' };
    const created = await vpc.request(
      'CreateCommonBandwidthPackage',
      { ...region, Bandwidth: 10, Name: 'web', 'Tag.1.Key': 'managed-by', 'Tag.1.Value': 'bwsync' },
      post,
    );
    const id = created.BandwidthPackageId as string;
    expect(id).toMatch(/^cbwp-bp1/);
    const read = () => vpc.request('DescribeCommonBandwidthPackages', { ...region, BandwidthPackageId: id });
    let pkg = cbwps(await until(read, (r) => cbwps(r)[0]?.Status === 'Available'))[0]!;
    expect(pkg).toMatchObject({
      Name: 'web',
      Bandwidth: '10',
      Tags: { Tag: [{ Key: 'managed-by', Value: 'bwsync' }] },
    });

    await vpc.request(
      'ModifyCommonBandwidthPackageAttribute',
      { ...region, BandwidthPackageId: id, Name: 'web-2', Description: 'd' },
      post,
    );
    await vpc.request('ModifyCommonBandwidthPackageSpec', {
      ...region,
      BandwidthPackageId: id,
      Bandwidth: '50',
    });
    pkg = cbwps(await read())[0]!;
    expect(pkg.Status).toBe('Modifying');
    pkg = cbwps(await until(read, (r) => cbwps(r)[0]?.Status === 'Available'))[0]!;
    expect(pkg.Bandwidth).toBe('50');

    await vpc.request('AddCommonBandwidthPackageIp', {
      ...region,
      BandwidthPackageId: id,
      IpInstanceId: 'eip-bp1test0000000000001',
    });
    await vpc.request(
      'AddCommonBandwidthPackageIps',
      {
        ...region,
        BandwidthPackageId: id,
        IpInstanceIds: ['eip-bp1test0000000000002', 'eip-bp1test0000000000003'],
      },
      post,
    );
    expect(
      cbwps(await read())[0]!.PublicIpAddresses.PublicIpAddresse.map(
        (e) => e.BandwidthPackageIpRelationStatus,
      ),
    ).toContain('BINDING');
    pkg = cbwps(
      await until(read, (r) =>
        cbwps(r)[0]!.PublicIpAddresses.PublicIpAddresse.every(
          (e) => e.BandwidthPackageIpRelationStatus === 'BINDED',
        ),
      ),
    )[0]!;
    expect(pkg.PublicIpAddresses.PublicIpAddresse).toHaveLength(3);

    await vpc.request('ModifyCommonBandwidthPackageIpBandwidth', {
      ...region,
      BandwidthPackageId: id,
      EipId: 'eip-bp1test0000000000001',
      Bandwidth: '7',
    });
    const eips = await vpc.request('DescribeEipAddresses', {
      ...region,
      AllocationId: 'eip-bp1test0000000000001,eip-bp1test0000000000002',
    });
    const rows = (eips.EipAddresses as { EipAddress: Any[] }).EipAddress;
    expect(rows).toEqual([
      expect.objectContaining({
        AllocationId: 'eip-bp1test0000000000001',
        Bandwidth: '7',
        BandwidthPackageId: id,
        BandwidthPackageBandwidth: '50',
        EipBandwidth: '5',
      }),
      expect.objectContaining({
        AllocationId: 'eip-bp1test0000000000002',
        Bandwidth: '50',
        BandwidthPackageId: id,
      }),
    ]);
    await vpc.request('CancelCommonBandwidthPackageIpBandwidth', {
      ...region,
      BandwidthPackageId: id,
      EipId: 'eip-bp1test0000000000001',
    });

    await vpc.request('RemoveCommonBandwidthPackageIp', {
      ...region,
      BandwidthPackageId: id,
      IpInstanceId: 'eip-bp1test0000000000003',
    });
    await until(read, (r) => cbwps(r)[0]!.PublicIpAddresses.PublicIpAddresse.length === 2);

    await vpc.request('DeletionProtection', {
      ...region,
      InstanceId: id,
      Type: 'CBWP',
      ProtectionEnable: true,
    });
    expect(
      (
        await popError(
          vpc.request('DeleteCommonBandwidthPackage', { ...region, BandwidthPackageId: id, Force: 'true' }),
        )
      ).code,
    ).toBe('InvalidOperation.DeletionProtection');
    await vpc.request('DeletionProtection', {
      ...region,
      InstanceId: id,
      Type: 'CBWP',
      ProtectionEnable: false,
    });
    expect(
      (await popError(vpc.request('DeleteCommonBandwidthPackage', { ...region, BandwidthPackageId: id })))
        .code,
    ).toBe('DependencyViolation.Ips');
    await vpc.request('DeleteCommonBandwidthPackage', { ...region, BandwidthPackageId: id, Force: 'true' });
    await until(read, (r) => r.TotalCount === 0);
    const freed = await vpc.request('DescribeEipAddresses', {
      ...region,
      AllocationId: 'eip-bp1test0000000000001',
    });
    expect((freed.EipAddresses as { EipAddress: Any[] }).EipAddress[0]).toMatchObject({
      BandwidthPackageId: '',
      Bandwidth: '5',
    });
  });

  it('@alicloud/vpc20160428 (V3 signatures) runs a full CBWP lifecycle', async () => {
    const Vpc = require('@alicloud/vpc20160428') as { default: SdkClass } & Record<
      string,
      new (
        o: Any,
      ) => Any
    >;
    const { $OpenApiUtil } = require('@alicloud/openapi-core') as {
      $OpenApiUtil: { Config: new (o: Any) => unknown };
    };
    const port = new URL(emu.url).port;
    const client = new Vpc.default(
      new $OpenApiUtil.Config({
        ...emu.credentials,
        endpoint: `127.0.0.1:${port}`,
        protocol: 'http',
        regionId: 'cn-hangzhou',
      }),
    ) as Record<string, (req: unknown) => Promise<{ body: Any }>>;
    const call = (method: string, model: string, fields: Any) =>
      client[method]!(new Vpc[model]!(fields)).then((r) => r.body);
    const created = await call('createCommonBandwidthPackage', 'CreateCommonBandwidthPackageRequest', {
      regionId: 'cn-hangzhou',
      bandwidth: 20,
      name: 'v3',
      tag: [new Vpc.CreateCommonBandwidthPackageRequestTag!({ key: 'env', value: 'prod a*b~c/é' })],
    });
    const id = created.bandwidthPackageId as string;
    const describe = () =>
      call('describeCommonBandwidthPackages', 'DescribeCommonBandwidthPackagesRequest', {
        regionId: 'cn-hangzhou',
        bandwidthPackageId: id,
      });
    type V3Pkg = { status: string; bandwidth: string; tags: { tag: { key: string; value: string }[] } };
    const first = (r: Any) =>
      (r.commonBandwidthPackages as { commonBandwidthPackage: V3Pkg[] }).commonBandwidthPackage[0];
    expect(first(await until(describe, (r) => first(r)?.status === 'Available'))!.tags.tag).toEqual([
      { key: 'env', value: 'prod a*b~c/é' },
    ]);
    await call('modifyCommonBandwidthPackageSpec', 'ModifyCommonBandwidthPackageSpecRequest', {
      regionId: 'cn-hangzhou',
      bandwidthPackageId: id,
      bandwidth: '30',
    });
    expect(first(await until(describe, (r) => first(r)?.status === 'Available'))!.bandwidth).toBe('30');
    await call('tagResources', 'TagResourcesRequest', {
      regionId: 'cn-hangzhou',
      resourceType: 'COMMONBANDWIDTHPACKAGE',
      resourceId: [id],
      tag: [new Vpc.TagResourcesRequestTag!({ key: 'team', value: 'net' })],
    });
    await call('unTagResources', 'UnTagResourcesRequest', {
      regionId: 'cn-hangzhou',
      resourceType: 'commonbandwidthpackage',
      resourceId: [id],
      tagKey: ['env'],
    });
    const tags = await call('listTagResources', 'ListTagResourcesRequest', {
      regionId: 'cn-hangzhou',
      resourceType: 'COMMONBANDWIDTHPACKAGE',
      resourceId: [id],
    });
    expect(tags.tagResources).toEqual({
      tagResource: [
        { resourceId: id, resourceType: 'COMMONBANDWIDTHPACKAGE', tagKey: 'team', tagValue: 'net' },
      ],
    });
    await call('deleteCommonBandwidthPackage', 'DeleteCommonBandwidthPackageRequest', {
      regionId: 'cn-hangzhou',
      bandwidthPackageId: id,
    });
    await until(describe, (r) => r.totalCount === 0);
  });

  it('pop-core runs the CEN bandwidth package lifecycle', async () => {
    const cbn = popClient(emu, 'cbn');
    const cen = (await cbn.request('CreateCen', { Name: 'c2' })).CenId as string;
    const cens = await cbn.request('DescribeCens', { 'Filter.1.Key': 'CenId', 'Filter.1.Value.1': cen });
    expect(cens.TotalCount).toBe(1);
    const made = await cbn.request('CreateCenBandwidthPackage', {
      Bandwidth: 10,
      GeographicRegionAId: 'China',
      GeographicRegionBId: 'North-America',
      BandwidthPackageChargeType: 'POSTPAY',
      Name: 'x',
    });
    const id = made.CenBandwidthPackageId as string;
    type CenPkg = {
      Status: string;
      Bandwidth: number;
      GeographicRegionAId: string;
      GeographicRegionBId: string;
      CenIds: { CenId: string[] };
    };
    const read = () =>
      cbn.request('DescribeCenBandwidthPackages', {
        'Filter.1.Key': 'CenBandwidthPackageId',
        'Filter.1.Value.1': id,
      });
    const one = (r: Any) =>
      (r.CenBandwidthPackages as { CenBandwidthPackage: CenPkg[] }).CenBandwidthPackage[0]!;
    expect(one(await read())).toMatchObject({
      Status: 'Idle',
      GeographicRegionAId: 'china',
      GeographicRegionBId: 'north-america',
    });
    await cbn.request('ModifyCenBandwidthPackageAttribute', { CenBandwidthPackageId: id, Name: 'y' });
    await cbn.request('ModifyCenBandwidthPackageSpec', { CenBandwidthPackageId: id, Bandwidth: 20 });
    expect(
      (
        await popError(
          cbn.request('ModifyCenBandwidthPackageSpec', { CenBandwidthPackageId: id, Bandwidth: 30 }),
        )
      ).code,
    ).toBe('OperationFailed.OperationIsProcessing');
    await until(read, (r) => one(r).Bandwidth === 20);
    await cbn.request('AssociateCenBandwidthPackage', { CenId: cen, CenBandwidthPackageId: id });
    const inUse = one(await until(read, (r) => one(r).Status === 'InUse'));
    expect(inUse.CenIds.CenId).toEqual([cen]);
    expect(
      (await popError(cbn.request('DeleteCenBandwidthPackage', { CenBandwidthPackageId: id }))).code,
    ).toBe('InvalidOperation.BwpInstanceStatus');
    await cbn.request('UnassociateCenBandwidthPackage', { CenId: cen, CenBandwidthPackageId: id });
    await until(read, (r) => one(r).Status === 'Idle');
    await cbn.request('DeleteCenBandwidthPackage', { CenBandwidthPackageId: id });
    expect((await read()).TotalCount).toBe(0);
  });

  it('refuses to delete a prepaid CEN package and a second package for the same area pair', async () => {
    const cbn = popClient(emu, 'cbn');
    const make = (charge: string) =>
      cbn.request('CreateCenBandwidthPackage', {
        Bandwidth: 5,
        GeographicRegionAId: 'China',
        GeographicRegionBId: 'Europe',
        BandwidthPackageChargeType: charge,
        Period: 1,
        PricingCycle: 'Month',
      });
    const prepaid = (await make('PREPAY')).CenBandwidthPackageId as string;
    const err = await popError(cbn.request('DeleteCenBandwidthPackage', { CenBandwidthPackageId: prepaid }));
    expect([err.code, err.entry?.response.statusCode]).toEqual(['Forbidden.Release', 403]);
    const other = (await make('POSTPAY')).CenBandwidthPackageId as string;
    await cbn.request('AssociateCenBandwidthPackage', {
      CenId: 'cen-test00000000000001',
      CenBandwidthPackageId: prepaid,
    });
    const dup = await popError(
      cbn.request('AssociateCenBandwidthPackage', {
        CenId: 'cen-test00000000000001',
        CenBandwidthPackageId: other,
      }),
    );
    expect([dup.code, dup.entry?.response.statusCode]).toEqual([
      'InvalidOperation.BwpForGeoSpanAlreadyAssociated',
      409,
    ]);
  });

  it('pop-core runs the GA bandwidth plan lifecycle', async () => {
    const ga = popClient(emu, 'ga');
    const region = { RegionId: 'cn-hangzhou' };
    const acc = (await ga.request('CreateAccelerator', { ...region, Name: 'a', Spec: '1' }))
      .AcceleratorId as string;
    expect((await ga.request('DescribeAccelerator', { ...region, AcceleratorId: acc })).State).toBe('active');
    const id = (
      await ga.request('CreateBandwidthPackage', {
        ...region,
        Bandwidth: 10,
        Type: 'Basic',
        BandwidthType: 'Basic',
        ChargeType: 'POSTPAY',
        'Tag.1.Key': 'k',
        'Tag.1.Value': 'v',
      })
    ).BandwidthPackageId as string;
    const read = () => ga.request('DescribeBandwidthPackage', { ...region, BandwidthPackageId: id });
    const initial = await read();
    expect(initial.State).toBe('init');
    expect(initial.CreateTime).toMatch(/^\d{13}$/);
    expect(initial.Tags).toEqual([{ Key: 'k', Value: 'v' }]);
    await until(read, (r) => r.State === 'active');
    const listed = await ga.request('ListBandwidthPackages', { ...region, BandwidthPackageId: id });
    expect(Array.isArray(listed.BandwidthPackages)).toBe(true);
    expect(listed.TotalCount).toBe(1);
    await ga.request('UpdateBandwidthPackage', {
      ...region,
      BandwidthPackageId: id,
      Name: 'plan-1',
      Bandwidth: 20,
    });
    expect((await read()).State).toBe('updating');
    expect(
      (
        await popError(
          ga.request('BandwidthPackageAddAccelerator', {
            ...region,
            BandwidthPackageId: id,
            AcceleratorId: acc,
          }),
        )
      ).code,
    ).toBe('StateError.BandwidthPackage');
    expect(await until(read, (r) => r.State === 'active')).toMatchObject({ Name: 'plan-1', Bandwidth: 20 });
    await ga.request('BandwidthPackageAddAccelerator', {
      ...region,
      BandwidthPackageId: id,
      AcceleratorId: acc,
    });
    expect((await read()).State).toBe('binding');
    expect((await until(read, (r) => r.State === 'binded')).Accelerators).toEqual([acc]);
    expect(
      (await popError(ga.request('DeleteBandwidthPackage', { ...region, BandwidthPackageId: id }))).code,
    ).toBe('BindExist.BandwidthPackage');
    await ga.request('BandwidthPackageRemoveAccelerator', {
      ...region,
      BandwidthPackageId: id,
      AcceleratorId: acc,
    });
    expect((await read()).State).toBe('unbinding');
    await until(read, (r) => r.State === 'active');
    await ga.request('DeleteBandwidthPackage', { ...region, BandwidthPackageId: id });
    expect((await read()).State).toBe('deleting');
    const gone = await until(
      () => popError(read()),
      (e) => e.code === 'NotExist.BandwidthPackage',
    );
    expect(gone.data.Code).toBe('NotExist.BandwidthPackage');
  });

  it('refuses to delete a prepaid GA plan and tags plans with UntagResources', async () => {
    const ga = popClient(emu, 'ga');
    const region = { RegionId: 'cn-hangzhou' };
    const id = (
      await ga.request('CreateBandwidthPackage', {
        ...region,
        Bandwidth: 5,
        Type: 'Basic',
        BandwidthType: 'Enhanced',
        ChargeType: 'PREPAY',
        PricingCycle: 'Month',
        Duration: '1',
      })
    ).BandwidthPackageId as string;
    await until(
      () => ga.request('DescribeBandwidthPackage', { ...region, BandwidthPackageId: id }),
      (r) => r.State === 'active',
    );
    expect(
      (await popError(ga.request('DeleteBandwidthPackage', { ...region, BandwidthPackageId: id }))).code,
    ).toBe('NotSupport.PrePayBandwidthPackage');
    await ga.request('TagResources', {
      ...region,
      ResourceType: 'BandwidthPackage',
      'ResourceId.1': id,
      'Tag.1.Key': 'a',
      'Tag.1.Value': '1',
    });
    await ga.request('UntagResources', {
      ...region,
      ResourceType: 'bandwidthpackage',
      'ResourceId.1': id,
      'TagKey.1': 'a',
    });
    const tags = await ga.request('ListTagResources', {
      ...region,
      ResourceType: 'bandwidthpackage',
      'ResourceId.1': id,
    });
    expect(tags.TagResources).toEqual({ TagResource: [] });
  });
});
