import { describe, expect, it } from 'vitest';
import type { RpcClient, RpcParams } from '../aliyun/types.js';
import { choosePlan, createReader } from './reader.js';

/** A fake API: `total` CBWPs in the region, EIP caps, CEN packages; records every call. */
function fakeApi(total: number) {
  const calls: { action: string; params: RpcParams }[] = [];
  const cbwp = (i: number) => ({
    BandwidthPackageId: `cbwp-${i}`,
    Status: 'Available',
    Bandwidth: '100',
    PublicIpAddresses: {
      PublicIpAddresse: [{ AllocationId: `eip-${i}`, BandwidthPackageIpRelationStatus: 'BINDED' }],
    },
  });
  const client: RpcClient = {
    async call(_product, action, params) {
      calls.push({ action, params });
      let body: Record<string, unknown> = {};
      if (action === 'DescribeCommonBandwidthPackages') {
        const id = params.BandwidthPackageId;
        const page = Number(params.PageNumber);
        const rows =
          typeof id === 'string'
            ? [cbwp(Number(id.slice(5)))].filter((r) => Number(r.BandwidthPackageId.slice(5)) < total)
            : Array.from({ length: total }, (_, i) => cbwp(i)).slice((page - 1) * 50, page * 50);
        body = {
          TotalCount: typeof id === 'string' ? rows.length : total,
          CommonBandwidthPackages: { CommonBandwidthPackage: rows },
        };
      } else if (action === 'DescribeEipAddresses') {
        const ids = String(params.AllocationId).split(',');
        body = {
          EipAddresses: {
            EipAddress: ids.map((id) => ({
              AllocationId: id,
              BandwidthPackageId: `cbwp-${id.slice(4)}`,
              Bandwidth: '10',
              BandwidthPackageBandwidth: '100',
            })),
          },
        };
      } else if (action === 'DescribeCenBandwidthPackages') {
        body = { TotalCount: 0, CenBandwidthPackages: { CenBandwidthPackage: [] } };
      }
      return { body, requestId: 'r', status: 200, attempts: 1, requestIds: ['r'] };
    },
    close: async () => {},
  };
  return { client, calls };
}

const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `cbwp-${from + i}`);
const q = (list: string[], capsFor: string[] = []) => ({
  kind: 'sharedBandwidth' as const,
  region: 'cn-hangzhou',
  ids: list,
  capsFor,
});

describe('wait reader', () => {
  it('chooses point reads only when they take fewer calls than the pages', () => {
    expect(choosePlan(3, undefined)).toBe('first-page');
    expect(choosePlan(5, 6)).toBe('point');
    expect(choosePlan(6, 6)).toBe('list');
    expect(choosePlan(1, 1)).toBe('list');
  });

  it('reads a new region from its first page and, at once, a few ids by id', async () => {
    const api = fakeApi(200);
    const read = createReader();
    const found = await read(api.client, q(['cbwp-3', 'cbwp-70', 'cbwp-999']));
    expect(found.map((p) => p.id).sort()).toEqual(['cbwp-3', 'cbwp-70']);
    expect(api.calls.map((c) => c.params.BandwidthPackageId ?? `page ${c.params.PageNumber}`)).toEqual([
      'page 1',
      'cbwp-3',
      'cbwp-70',
      'cbwp-999',
    ]);
    api.calls.length = 0;
    // 4 pages known now: 3 ids are 3 point reads.
    await read(api.client, q(['cbwp-1', 'cbwp-2', 'cbwp-150']));
    expect(api.calls.map((c) => c.params.BandwidthPackageId)).toEqual(['cbwp-1', 'cbwp-2', 'cbwp-150']);
  });

  it('reads a new region from its first page, then the many ids not on it by the other pages', async () => {
    const api = fakeApi(200);
    const found = await createReader()(api.client, q(ids(9, 45)));
    expect(found).toHaveLength(9);
    expect(api.calls.map((c) => c.params.BandwidthPackageId ?? `page ${c.params.PageNumber}`)).toEqual([
      'page 1',
      'page 2',
      'page 3',
      'page 4',
    ]);
  });

  it('returns the extra ids a listing covers, and none a point read does not', async () => {
    const api = fakeApi(120);
    const read = createReader();
    // 3 pages; 4 of 9 ids beyond the first page: the 2 other pages, which cover the extras too.
    const listed = await read(api.client, { ...q(ids(9, 45)), extra: ['cbwp-110', 'cbwp-500'] });
    expect(listed.map((p) => p.id).sort()).toEqual([...ids(9, 45), 'cbwp-110'].sort());
    expect(api.calls.map((c) => c.params.PageNumber)).toEqual([1, 2, 3]);
    api.calls.length = 0;
    const point = await read(api.client, { ...q(['cbwp-5']), extra: ['cbwp-110'] });
    expect(point.map((p) => p.id)).toEqual(['cbwp-5']);
    expect(api.calls).toHaveLength(1);
  });

  it('lists the region for many ids, then remembers its page count to choose next time', async () => {
    const api = fakeApi(120);
    const read = createReader();
    const found = await read(api.client, q(ids(20, 100)));
    expect(found).toHaveLength(20);
    expect(api.calls.map((c) => c.params.PageNumber)).toEqual([1, 2, 3]);
    api.calls.length = 0;
    await read(api.client, q(ids(3)));
    expect(api.calls).toHaveLength(3);
    api.calls.length = 0;
    await read(api.client, q(ids(9)));
    expect(api.calls.map((c) => c.params.PageNumber)).toEqual([1, 2, 3]);
  });

  it('reads per-IP caps only for the packages asked for', async () => {
    const api = fakeApi(10);
    const found = await createReader()(api.client, q(['cbwp-1', 'cbwp-2'], ['cbwp-2']));
    expect(
      api.calls.filter((c) => c.action === 'DescribeEipAddresses').map((c) => c.params.AllocationId),
    ).toEqual(['eip-2']);
    expect(found.find((p) => p.id === 'cbwp-2')!.members[0]!.bandwidth).toBe(10);
    expect(found.find((p) => p.id === 'cbwp-1')!.members[0]!.bandwidth).toBeUndefined();
  });

  it('reads CEN packages through one id filter per 20 ids', async () => {
    const api = fakeApi(0);
    await createReader()(api.client, {
      kind: 'cenBandwidth',
      region: 'global',
      ids: Array.from({ length: 25 }, (_, i) => `cenbwp-${i}`),
      capsFor: [],
    });
    expect(api.calls).toHaveLength(2);
    expect(api.calls[0]!.params.Filter).toEqual([
      { Key: 'CenBandwidthPackageId', Value: Array.from({ length: 20 }, (_, i) => `cenbwp-${i}`) },
    ]);
  });

  it('fills the spare values of the last CEN filter with the ids not due yet', async () => {
    const api = fakeApi(0);
    await createReader()(api.client, {
      kind: 'cenBandwidth',
      region: 'global',
      ids: ['cenbwp-a'],
      extra: Array.from({ length: 30 }, (_, i) => `cenbwp-x${i}`),
      capsFor: [],
    });
    expect(api.calls).toHaveLength(1);
    const filter = api.calls[0]!.params.Filter as { Value: string[] }[];
    expect(filter[0]!.Value).toHaveLength(20);
    expect(filter[0]!.Value[0]).toBe('cenbwp-a');
  });
});
