import { describe, expect, it } from 'vitest';
import type { CallOptions, RpcClient, RpcParams, RpcResponse } from '../aliyun/types.js';
import type { Product } from '../model/kinds.js';
import { packageFromWire as cenFromWire } from './cen-bandwidth/convert.js';
import { packageFromWire as gaFromWire } from './ga-bandwidth/convert.js';
import { providerFor } from './index.js';
import { capFromWire, packageFromWire as cbwpFromWire } from './shared-bandwidth/convert.js';

interface Call {
  product: Product;
  action: string;
  params: RpcParams;
  region?: string;
}

/** A fake client serving pages from fixed lists, recording every call. */
function fakeClient(data: {
  cbwp?: Record<string, unknown[]>;
  cen?: unknown[];
  ga?: unknown[];
  eips?: Record<string, unknown>[];
}) {
  const calls: Call[] = [];
  const page = (rows: unknown[], params: RpcParams) => {
    const size = Number(params.PageSize);
    const n = Number(params.PageNumber);
    return { rows: rows.slice((n - 1) * size, n * size), total: rows.length };
  };
  const client: RpcClient = {
    async call(
      product: Product,
      action: string,
      params: RpcParams,
      options?: CallOptions,
    ): Promise<RpcResponse> {
      calls.push({ product, action, params, region: options?.region });
      let body: Record<string, unknown> = {};
      if (action === 'DescribeCommonBandwidthPackages') {
        const p = page(data.cbwp?.[options?.region ?? ''] ?? [], params);
        body = { TotalCount: p.total, CommonBandwidthPackages: { CommonBandwidthPackage: p.rows } };
      } else if (action === 'DescribeCenBandwidthPackages') {
        const p = page(data.cen ?? [], params);
        body = { TotalCount: String(p.total), CenBandwidthPackages: { CenBandwidthPackage: p.rows } };
      } else if (action === 'ListBandwidthPackages') {
        const p = page(data.ga ?? [], params);
        body = { TotalCount: p.total, BandwidthPackages: p.rows };
      } else if (action === 'DescribeEipAddresses') {
        const ids = String(params.AllocationId).split(',');
        const rows = (data.eips ?? []).filter((e) => ids.includes(String(e.AllocationId)));
        body = { TotalCount: rows.length, EipAddresses: { EipAddress: rows } };
      }
      return { body, requestId: 'req', status: 200, attempts: 1, requestIds: ['req'] };
    },
    async close() {},
  };
  return { client, calls };
}

const cbwpRow = (i: number, members: string[] = []) => ({
  BandwidthPackageId: `cbwp-${i}`,
  Name: `p${i}`,
  Bandwidth: '100',
  Status: 'Available',
  InternetChargeType: 'PayByBandwidth',
  InstanceChargeType: 'PostPaid',
  ISP: 'BGP',
  DeletionProtection: 'false',
  PublicIpAddresses: {
    PublicIpAddresse: members.map((id) => ({ AllocationId: id, BandwidthPackageIpRelationStatus: 'BINDED' })),
  },
  Tags: { Tag: [{ Key: 'bwsync:stack', Value: 's' }] },
});

describe('conversion at the edge', () => {
  it('reads CBWP wrapper objects, string numbers and the PublicIpAddresse spelling', () => {
    const live = cbwpFromWire(
      { ...cbwpRow(1, ['eip-b', 'eip-a']), DeletionProtection: true, Ratio: 20 },
      'cn-hangzhou',
    );
    expect(live).toMatchObject({
      id: 'cbwp-1',
      region: 'cn-hangzhou',
      bandwidth: 100,
      deletionProtection: true,
      tags: { 'bwsync:stack': 's' },
    });
    expect(live.members.map((m) => m.id)).toEqual(['eip-a', 'eip-b']);
    expect(live.ratio).toBeUndefined();
    expect(live.undeletableReason).toBeUndefined();
  });

  it('marks PayBy95 and PrePaid packages undeletable', () => {
    expect(
      cbwpFromWire({ ...cbwpRow(1), InternetChargeType: 'PayBy95', Ratio: '20' }, 'x').undeletableReason,
    ).toContain('PayBy95');
    expect(cbwpFromWire({ ...cbwpRow(1), InstanceChargeType: 'PrePaid' }, 'x').undeletableReason).toContain(
      'PrePaid',
    );
  });

  it('reads a per-IP cap: Bandwidth equal to the package bandwidth means no cap', () => {
    expect(
      capFromWire({
        AllocationId: 'e',
        BandwidthPackageId: 'p',
        Bandwidth: '200',
        BandwidthPackageBandwidth: '200',
      }).cap,
    ).toBeNull();
    expect(
      capFromWire({
        AllocationId: 'e',
        BandwidthPackageId: 'p',
        Bandwidth: '50',
        BandwidthPackageBandwidth: 200,
      }).cap,
    ).toBe(50);
  });

  it('title-cases lower-case CEN areas and unwraps CenIds', () => {
    const live = cenFromWire({
      CenBandwidthPackageId: 'cenbwp-1',
      Bandwidth: 2,
      GeographicRegionAId: 'china',
      GeographicRegionBId: 'north-america',
      BandwidthPackageChargeType: 'PREPAY',
      CenIds: { CenId: ['cen-2', 'cen-1'] },
    });
    expect(live.areas).toEqual(['China', 'North-America']);
    expect(live.members.map((m) => m.id)).toEqual(['cen-1', 'cen-2']);
    expect(live.undeletableReason).toContain('PREPAY');
  });

  it('converts GA epoch-millisecond times to ISO and reads plain-array tags', () => {
    const live = gaFromWire({
      BandwidthPackageId: 'gbwp-1',
      State: 'active',
      Bandwidth: '10',
      CreateTime: '1578966918000',
      Tags: [{ Key: 'k', Value: 'v' }],
      Accelerators: ['ga-1'],
      ChargeType: 'POSTPAY',
    });
    expect(live.createTime).toBe('2020-01-14T01:55:18.000Z');
    expect(live.tags).toEqual({ k: 'v' });
    expect(live.status).toBe('active');
    expect(live.members).toEqual([{ id: 'ga-1' }]);
  });
});

describe('listing with the fewest calls', () => {
  it('pages CBWP at 50 per region, CEN at 50 and GA at 100, until TotalCount', async () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => cbwpRow(i));
    const { client, calls } = fakeClient({
      cbwp: { 'cn-hangzhou': rows(120), 'cn-shanghai': rows(50) },
      cen: Array.from({ length: 51 }, (_, i) => ({ CenBandwidthPackageId: `cenbwp-${i}` })),
      ga: Array.from({ length: 100 }, (_, i) => ({ BandwidthPackageId: `gbwp-${i}` })),
    });
    const scope = { regions: ['cn-shanghai', 'cn-hangzhou'] };
    const cbwp = await providerFor('sharedBandwidth').list(client, scope);
    const cen = await providerFor('cenBandwidth').list(client, scope);
    const ga = await providerFor('gaBandwidth').list(client, scope);
    expect([cbwp.length, cen.length, ga.length]).toEqual([170, 51, 100]);
    const count = (a: string) => calls.filter((c) => c.action === a).length;
    expect(count('DescribeCommonBandwidthPackages')).toBe(4); // ceil(120/50) + ceil(50/50)
    expect(count('DescribeCenBandwidthPackages')).toBe(2);
    expect(count('ListBandwidthPackages')).toBe(1);
    expect(calls.every((c) => c.params.PageSize === (c.action === 'ListBandwidthPackages' ? 100 : 50))).toBe(
      true,
    );
    expect(calls.find((c) => c.action === 'ListBandwidthPackages')?.region).toBe('cn-hangzhou');
  });

  it('reads caps only for the EIPs the YAML caps, 50 ids per call', async () => {
    const members = Array.from({ length: 60 }, (_, i) => `eip-${String(i).padStart(2, '0')}`);
    const eips = members.map((id) => ({
      AllocationId: id,
      BandwidthPackageId: 'cbwp-1',
      Bandwidth: id === 'eip-07' ? '30' : '100',
      BandwidthPackageBandwidth: '100',
    }));
    const { client, calls } = fakeClient({
      cbwp: { 'cn-hangzhou': [cbwpRow(1, members), cbwpRow(2, ['eip-x'])] },
      eips,
    });
    const live = await providerFor('sharedBandwidth').list(client, {
      regions: ['cn-hangzhou'],
      capsFor: ['cbwp-1'],
      capIps: members.slice(0, 55),
    });
    const eipCalls = calls.filter((c) => c.action === 'DescribeEipAddresses');
    expect(eipCalls.length).toBe(2);
    expect(String(eipCalls[0]?.params.AllocationId).split(',')).toHaveLength(50);
    const pkg = live.find((l) => l.id === 'cbwp-1');
    expect(pkg?.members.find((m) => m.id === 'eip-07')?.bandwidth).toBe(30);
    expect(pkg?.members.find((m) => m.id === 'eip-00')?.bandwidth).toBeNull();
    expect(pkg?.members.find((m) => m.id === 'eip-59')?.bandwidth).toBeUndefined();
  });
});
