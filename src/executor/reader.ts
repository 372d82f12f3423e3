import type { RpcClient, RpcParams, RpcResponse } from '../aliyun/types.js';
import type { LiveResource, LiveSharedBandwidth } from '../model/live.js';
import { packageFromWire as cenFromWire } from '../providers/cen-bandwidth/convert.js';
import { chunk } from '../providers/common/paging.js';
import { unwrapList } from '../providers/common/wire.js';
import { packageFromWire as gaFromWire } from '../providers/ga-bandwidth/convert.js';
import { API_REGION as GA_REGION } from '../providers/ga-bandwidth/fields.js';
import { providerFor } from '../providers/index.js';
import { capFromWire, packageFromWire as cbwpFromWire } from '../providers/shared-bandwidth/convert.js';
import { EIP_IDS_PER_CALL, EIP_PAGE_SIZE } from '../providers/shared-bandwidth/fields.js';
import type { LiveReader, ReadQuery } from './waits.js';

/**
 * The providers' read: one full listing of the (kind, region), filtered to the ids. Exact
 * but costs every page of the region on each poll.
 */
export const providerReader: LiveReader = (client, query) => {
  const scope = {
    regions: [query.region],
    ids: query.ids,
    capsFor: query.capsFor,
    ...(query.signal ? { signal: query.signal } : {}),
  };
  return providerFor(query.kind).read(client, scope);
};

/**
 * Up to this many ids a wait poll asks for each id (one call each, all in parallel); above
 * it, and above the region's page count, it lists the region instead.
 */
export const POINT_READ_MAX = 8;
/** CEN filter values per call; the API ORs the values of one key. */
const CEN_IDS_PER_CALL = 20;
const CBWP_PAGE_SIZE = 50;
/** A bound on pages, so that a wrong TotalCount can never fan out without end. */
const MAX_PAGES = 2000;

/**
 * The default reader for waits and ambiguity checks, one per apply. A poll costs the fewer
 * calls of: point reads (`BandwidthPackageId`, a `CenBandwidthPackageId` filter), one per id;
 * or a listing of the region, ceil(n / 50) calls, its pages after the first fetched in
 * parallel, so a poll takes two round trips, not one per page. Only documented single-id
 * filters are used (reference §1.2 leaves comma lists for CBWP uncertain).
 */
export function createReader(): LiveReader {
  const totals = new Map<string, number>();
  return async (client, query) => {
    if (query.ids.length === 0) return [];
    if (query.kind === 'cenBandwidth') return readCens(client, query);
    const pages = Math.ceil((totals.get(`${query.kind}/${query.region}`) ?? 0) / CBWP_PAGE_SIZE);
    const point = query.ids.length <= Math.max(POINT_READ_MAX, pages);
    if (query.kind === 'gaBandwidth') return point ? readGas(client, query) : providerReader(client, query);
    return point ? readCbwps(client, query) : listCbwps(client, query, totals);
  };
}

/** A stateless reader with the same choice (no page counts remembered). */
export const pointReader: LiveReader = (client, query) => createReader()(client, query);

function call(
  client: RpcClient,
  product: 'vpc' | 'cbn' | 'ga',
  action: string,
  params: RpcParams,
  query: ReadQuery,
  region?: string,
) {
  return client.call(product, action, params, {
    idempotent: true,
    ...(region ? { region } : {}),
    ...(query.signal ? { signal: query.signal } : {}),
  });
}

/** Every page of the region: the first, then the rest at once (TotalCount says how many). */
async function listCbwps(
  client: RpcClient,
  query: ReadQuery,
  totals: Map<string, number>,
): Promise<LiveResource[]> {
  const page = (n: number) =>
    call(
      client,
      'vpc',
      'DescribeCommonBandwidthPackages',
      { PageNumber: n, PageSize: CBWP_PAGE_SIZE },
      query,
      query.region,
    );
  const first = await page(1);
  const total = Number(first.body.TotalCount ?? 0);
  totals.set(`${query.kind}/${query.region}`, total);
  const more = Math.min(Math.ceil(total / CBWP_PAGE_SIZE), MAX_PAGES);
  const rest = await Promise.all(Array.from({ length: Math.max(0, more - 1) }, (_, i) => page(i + 2)));
  return keep(client, query, [first, ...rest]);
}

async function readCbwps(client: RpcClient, query: ReadQuery): Promise<LiveResource[]> {
  const pages = await Promise.all(
    query.ids.map((id) =>
      call(
        client,
        'vpc',
        'DescribeCommonBandwidthPackages',
        { BandwidthPackageId: id, PageNumber: 1, PageSize: 10 },
        query,
        query.region,
      ),
    ),
  );
  return keep(client, query, pages);
}

/** The asked-for packages of some DescribeCommonBandwidthPackages pages, caps read where asked. */
async function keep(client: RpcClient, query: ReadQuery, pages: RpcResponse[]): Promise<LiveResource[]> {
  const wanted = new Set(query.ids);
  const found = pages
    .flatMap((res) => unwrapList(res.body.CommonBandwidthPackages, 'CommonBandwidthPackage'))
    .map((row) => cbwpFromWire(row, query.region))
    .filter((p) => wanted.has(p.id));
  const capped = found.filter((p) => query.capsFor.includes(p.id));
  if (capped.length > 0) await readCaps(client, capped, query);
  return found;
}

/** Per-IP caps live on the EIPs: DescribeEipAddresses for the members, 50 ids a call. */
async function readCaps(client: RpcClient, packages: LiveSharedBandwidth[], query: ReadQuery): Promise<void> {
  const ids = packages.flatMap((p) => p.members.map((m) => m.id));
  const pages = await Promise.all(
    chunk(ids, EIP_IDS_PER_CALL).map((batch) =>
      call(
        client,
        'vpc',
        'DescribeEipAddresses',
        { AllocationId: batch.join(','), PageNumber: 1, PageSize: EIP_PAGE_SIZE },
        query,
        query.region,
      ),
    ),
  );
  const caps = new Map<string, number | null>();
  for (const row of pages.flatMap((res) => unwrapList(res.body.EipAddresses, 'EipAddress'))) {
    const c = capFromWire(row);
    caps.set(`${c.packageId}/${c.id}`, c.cap);
  }
  for (const p of packages) {
    p.capsRead = true;
    for (const m of p.members) {
      const cap = caps.get(`${p.id}/${m.id}`);
      if (cap !== undefined) m.bandwidth = cap;
    }
  }
}

async function readCens(client: RpcClient, query: ReadQuery): Promise<LiveResource[]> {
  const pages = await Promise.all(
    chunk(query.ids, CEN_IDS_PER_CALL).map((batch) =>
      call(
        client,
        'cbn',
        'DescribeCenBandwidthPackages',
        { Filter: [{ Key: 'CenBandwidthPackageId', Value: batch }], PageNumber: 1, PageSize: 50 },
        query,
      ),
    ),
  );
  const wanted = new Set(query.ids);
  return pages
    .flatMap((res) => unwrapList(res.body.CenBandwidthPackages, 'CenBandwidthPackage'))
    .map(cenFromWire)
    .filter((p) => wanted.has(p.id));
}

async function readGas(client: RpcClient, query: ReadQuery): Promise<LiveResource[]> {
  const pages = await Promise.all(
    query.ids.map((id) =>
      call(
        client,
        'ga',
        'ListBandwidthPackages',
        { BandwidthPackageId: id, PageNumber: 1, PageSize: 10 },
        query,
        GA_REGION,
      ),
    ),
  );
  const wanted = new Set(query.ids);
  return pages
    .flatMap((res) => unwrapList(res.body.BandwidthPackages))
    .map(gaFromWire)
    .filter((p) => wanted.has(p.id));
}
