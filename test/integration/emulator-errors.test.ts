import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { popClient, popError } from '../helpers/emulator-sdk.js';

const HZ = { RegionId: 'cn-hangzhou' };
const require = createRequire(import.meta.url);

describe('emulator errors', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator({
      manualClock: true,
      seed: {
        eips: [
          { id: 'eip-bp1free00000000000001', region: 'cn-hangzhou' },
          { id: 'eip-bp1prepaid00000000001', region: 'cn-hangzhou', chargeType: 'PrePaid' },
          { id: 'eip-bp1telecom00000000001', region: 'cn-hangzhou', isp: 'ChinaTelecom' },
          { id: 'eip-uf6other0000000000001', region: 'cn-shanghai' },
        ],
        commonBandwidthPackages: [
          { id: 'cbwp-bp1aaaa00000000000001', region: 'cn-hangzhou', bandwidth: 10 },
          {
            id: 'cbwp-bp1bbbb00000000000001',
            region: 'cn-hangzhou',
            bandwidth: 10,
            eips: ['eip-bp1free00000000000001'],
          },
        ],
      },
    });
  });
  afterAll(() => emu.close());

  async function fails(product: 'vpc' | 'cbn' | 'ga', action: string, params: Record<string, unknown>) {
    const e = await popError(popClient(emu, product).request(action, params));
    return { code: e.code, status: e.entry?.response.statusCode, body: e.data };
  }

  it('answers the documented JSON error body with RequestId, HostId, Code and Message', async () => {
    const e = await fails('vpc', 'DescribeCommonBandwidthPackages', { RegionId: 'xx-nowhere-1' });
    expect(e.status).toBe(404);
    expect(e.body).toMatchObject({ Code: 'InvalidRegionId.NotFound', HostId: 'vpc.aliyuncs.com' });
    expect(e.body.RequestId).toMatch(/^[0-9A-F-]{36}$/);
    expect(e.body.Message).toContain('RegionId');
  });

  it('rejects a wrong signature, an unknown key, a reused nonce and an old timestamp', async () => {
    const wrong = await popError(
      popClient(emu, 'vpc', { accessKeyId: emu.credentials.accessKeyId, accessKeySecret: 'nope' }).request(
        'DescribeCommonBandwidthPackages',
        HZ,
      ),
    );
    expect([wrong.code, wrong.entry?.response.statusCode]).toEqual(['SignatureDoesNotMatch', 400]);
    const unknown = await popError(
      popClient(emu, 'vpc', { accessKeyId: 'LTAIunknown', accessKeySecret: 'x' }).request(
        'DescribeCommonBandwidthPackages',
        HZ,
      ),
    );
    expect([unknown.code, unknown.entry?.response.statusCode]).toEqual(['InvalidAccessKeyId.NotFound', 404]);
    const vpc = popClient(emu, 'vpc');
    await vpc.request('DescribeCommonBandwidthPackages', { ...HZ, SignatureNonce: 'fixed-nonce-1' });
    expect(
      (
        await popError(
          vpc.request('DescribeCommonBandwidthPackages', { ...HZ, SignatureNonce: 'fixed-nonce-1' }),
        )
      ).code,
    ).toBe('SignatureNonceUsed');
    const old = await popError(
      vpc.request('DescribeCommonBandwidthPackages', { ...HZ, Timestamp: '2020-01-01T00:00:00Z' }),
    );
    expect([old.code, old.entry?.response.statusCode]).toEqual(['InvalidTimeStamp.Expired', 400]);
  });

  it('rejects a V3 request signed with the wrong secret', async () => {
    const Vpc = require('@alicloud/vpc20160428') as Record<
      string,
      new (
        o: unknown,
      ) => Record<string, (r: unknown) => Promise<unknown>>
    >;
    const { $OpenApiUtil } = require('@alicloud/openapi-core') as {
      $OpenApiUtil: { Config: new (o: unknown) => unknown };
    };
    const config = (secret: string) =>
      new $OpenApiUtil.Config({
        accessKeyId: emu.credentials.accessKeyId,
        accessKeySecret: secret,
        endpoint: `127.0.0.1:${new URL(emu.url).port}`,
        protocol: 'http',
      });
    const request = () => new Vpc.DescribeCommonBandwidthPackagesRequest!({ regionId: 'cn-hangzhou' });
    const bad = new Vpc.default!(config('wrong'));
    await expect(bad.describeCommonBandwidthPackages!(request())).rejects.toMatchObject({
      code: 'SignatureDoesNotMatch',
      statusCode: 400,
    });
    const good = new Vpc.default!(config(emu.credentials.accessKeySecret));
    await expect(good.describeCommonBandwidthPackages!(request())).resolves.toMatchObject({
      statusCode: 200,
    });
  });

  it('rejects unknown actions and versions', async () => {
    expect(await fails('vpc', 'DescribeNothing', HZ)).toMatchObject({
      code: 'InvalidAction.NotFound',
      status: 404,
    });
    // A CBN action sent with the VPC version is unknown there.
    expect(await fails('vpc', 'DescribeCens', HZ)).toMatchObject({
      code: 'InvalidAction.NotFound',
      status: 404,
    });
    const res = await fetch(`${emu.url}/?Action=DescribeCens&Version=1999-01-01`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { Code: string }).Code).toBe('InvalidVersion');
  });

  it('validates required parameters, ranges and formats', async () => {
    expect(await fails('vpc', 'CreateCommonBandwidthPackage', HZ)).toMatchObject({
      code: 'MissingParameter',
      status: 400,
    });
    expect((await fails('vpc', 'CreateCommonBandwidthPackage', { ...HZ, Bandwidth: 1 })).code).toBe(
      'InvalidParameter.Bandwidth',
    );
    expect(
      (await fails('vpc', 'CreateCommonBandwidthPackage', { ...HZ, Bandwidth: 5, Name: 'https://x' })).code,
    ).toBe('InvalidParameter.Name.Malformed');
    expect(
      (
        await fails('vpc', 'CreateCommonBandwidthPackage', {
          ...HZ,
          Bandwidth: 5,
          Description: 'd'.repeat(257),
        })
      ).code,
    ).toBe('InvalidParameter.Description.Malformed');
    expect(
      (await fails('vpc', 'CreateCommonBandwidthPackage', { ...HZ, Bandwidth: 5, ISP: 'Moon' })).code,
    ).toBe('InvalidParameter.ISP');
    expect(
      (
        await fails('vpc', 'CreateCommonBandwidthPackage', {
          ...HZ,
          Bandwidth: 5,
          'Tag.1.Key': 'aliyun:x',
          'Tag.1.Value': 'v',
        })
      ).code,
    ).toBe('InvalidTagKey');
    expect(
      (
        await fails('cbn', 'CreateCenBandwidthPackage', {
          Bandwidth: 5,
          GeographicRegionAId: 'china',
          GeographicRegionBId: 'Europe',
          BandwidthPackageChargeType: 'POSTPAY',
        })
      ).code,
    ).toBe('InvalidParameter');
    expect(
      (
        await fails('cbn', 'CreateCenBandwidthPackage', {
          Bandwidth: 1,
          GeographicRegionAId: 'China',
          GeographicRegionBId: 'Europe',
        })
      ).code,
    ).toBe('ParameterIllegal.BandwidthPackage');
    expect(
      (
        await fails('cbn', 'CreateCenBandwidthPackage', {
          Bandwidth: 5,
          GeographicRegionAId: 'China',
          GeographicRegionBId: 'Europe',
          BandwidthPackageChargeType: 'PREPAY',
        })
      ).code,
    ).toBe('MissingParameter');
    expect(
      (
        await fails('ga', 'CreateBandwidthPackage', {
          ...HZ,
          Bandwidth: 2001,
          Type: 'Basic',
          BandwidthType: 'Basic',
          ChargeType: 'POSTPAY',
        })
      ).code,
    ).toBe('BandwidthIllegal.BandwidthPackage');
    expect(
      (await fails('ga', 'CreateBandwidthPackage', { RegionId: 'cn-shanghai', Bandwidth: 10, Type: 'Basic' }))
        .code,
    ).toBe('InvalidRegionId');
    expect(
      (await fails('ga', 'UpdateBandwidthPackage', { ...HZ, BandwidthPackageId: 'gbwp-none', Name: 'x' }))
        .code,
    ).toBe('NotExist.BandwidthPackage');
  });

  it('enforces the page size limits of each product', async () => {
    expect((await fails('vpc', 'DescribeCommonBandwidthPackages', { ...HZ, PageSize: 51 })).code).toBe(
      'InvalidParameter.PageSize',
    );
    expect((await fails('vpc', 'DescribeEipAddresses', { ...HZ, PageSize: 101 })).code).toBe(
      'InvalidParameter.PageSize',
    );
    expect((await fails('cbn', 'DescribeCenBandwidthPackages', { PageSize: 51 })).code).toBe(
      'InvalidParameter.PageSize',
    );
    expect((await fails('ga', 'ListBandwidthPackages', { ...HZ, PageSize: 101 })).code).toBe(
      'InvalidParameter.PageSize',
    );
    const many = Array.from({ length: 51 }, (_, i) => `eip-x${i}`).join(',');
    expect((await fails('vpc', 'DescribeEipAddresses', { ...HZ, AllocationId: many })).code).toBe(
      'InvalidParameter',
    );
  });

  it('checks the preconditions for an EIP joining a package', async () => {
    const add = (ip: string) =>
      fails('vpc', 'AddCommonBandwidthPackageIp', {
        ...HZ,
        BandwidthPackageId: 'cbwp-bp1aaaa00000000000001',
        IpInstanceId: ip,
      });
    expect((await add('eip-bp1prepaid00000000001')).code).toBe('OperationUnsupported.EipChargeType');
    expect((await add('eip-bp1telecom00000000001')).code).toBe('OperationUnsupported.IspNotMatch');
    expect((await add('eip-bp1free00000000000001')).code).toBe('IpInstanceId.AlreadyInBandwidthPackage');
    expect((await add('eip-uf6other0000000000001')).code).toBe('InvalidIpInstanceId.NotFound');
    const tooMany = Object.fromEntries(
      Array.from({ length: 11 }, (_, i) => [`IpInstanceIds.${i + 1}`, `eip-${i}`]),
    );
    expect(
      (
        await fails('vpc', 'AddCommonBandwidthPackageIps', {
          ...HZ,
          BandwidthPackageId: 'cbwp-bp1aaaa00000000000001',
          ...tooMany,
        })
      ).code,
    ).toBe('InvalidParameter.IpInstanceIds');
    expect(
      (
        await fails('vpc', 'RemoveCommonBandwidthPackageIp', {
          ...HZ,
          BandwidthPackageId: 'cbwp-bp1aaaa00000000000001',
          IpInstanceId: 'eip-bp1free00000000000001',
        })
      ).code,
    ).toBe('OperationUnsupported.IpNotInCbwp');
    expect(
      (await fails('vpc', 'ReleaseEipAddress', { ...HZ, AllocationId: 'eip-bp1free00000000000001' })).code,
    ).toBe('IncorrectEipStatus');
    expect(
      await fails('vpc', 'ModifyCommonBandwidthPackageSpec', {
        ...HZ,
        BandwidthPackageId: 'cbwp-none',
        Bandwidth: '10',
      }),
    ).toMatchObject({ code: 'InvalidBandwidthPackageId.NotFound', status: 404 });
  });

  it('counts calls per action and errors per code in /_emulator/stats', async () => {
    const before = await emu.stats();
    await fails('vpc', 'CreateCommonBandwidthPackage', HZ);
    const after = await emu.stats();
    expect(after.calls.CreateCommonBandwidthPackage).toBe(
      (before.calls.CreateCommonBandwidthPackage ?? 0) + 1,
    );
    expect(after.errors.MissingParameter).toBe((before.errors.MissingParameter ?? 0) + 1);
  });
});
