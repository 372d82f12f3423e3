import type { RpcClient, RpcParams, RpcResponse } from '../aliyun/types.js';
import type { Product } from '../model/kinds.js';
import type { LiveResource, LiveSharedBandwidth } from '../model/live.js';
import { packageFromWire as cenFromWire } from '../providers/cen-bandwidth/convert.js';
import { chunk } from '../providers/common/paging.js';
import { unwrapList } from '../providers/common/wire.js';
import { packageFromWire as gaFromWire } from '../providers/ga-bandwidth/convert.js';
import { PAGE_SIZE as GA_PAGE_SIZE, API_REGION as GA_REGION } from '../providers/ga-bandwidth/fields.js';
import { providerFor } from '../providers/index.js';
import { capFromWire, packageFromWire as cbwpFromWire } from '../providers/shared-bandwidth/convert.js';
import {
  PAGE_SIZE as CBWP_PAGE_SIZE,
  EIP_IDS_PER_CALL,
  EIP_PAGE_SIZE,
} from '../providers/shared-bandwidth/fields.js';
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

/** CEN filter values per call; the API ORs the values of one key (reference §2.1). */
export const CEN_IDS_PER_CALL = 20;
/** Up to this many ids, the first read of a region reads them by id alongside its first page. */
const FIRST_READ_POINT_MAX = 8;
/** A bound on pages, so that a wrong TotalCount can never fan out without end. */
const MAX_PAGES = 2000;

/** A product read by paged listing or by one id per call (CBWP, GA). */
interface PagedSource {
  product: Product;
  action: string;
  pageSize: number;
  /** The endpoint region of the calls (GA is read in cn-hangzhou whatever the query says). */
  region: (query: ReadQuery) => string;
  rows: (body: Record<string, unknown>) => unknown[];
  convert: (row: unknown, query: ReadQuery) => LiveResource;
}

const SOURCES: Partial<Record<LiveResource['kind'], PagedSource>> = {
  sharedBandwidth: {
    product: 'vpc',
    action: 'DescribeCommonBandwidthPackages',
    pageSize: CBWP_PAGE_SIZE,
    region: (q) => q.region,
    rows: (body) => unwrapList(body.CommonBandwidthPackages, 'CommonBandwidthPackage'),
    convert: (row, q) => cbwpFromWire(row, q.region),
  },
  gaBandwidth: {
    product: 'ga',
    action: 'ListBandwidthPackages',
    pageSize: GA_PAGE_SIZE,
    region: () => GA_REGION,
    rows: (body) => (Array.isArray(body.BandwidthPackages) ? body.BandwidthPackages : []),
    convert: (row) => gaFromWire(row),
  },
};

/** How a poll of `due` ids reads, given the region's page count when known. */
export type ReadPlan = 'point' | 'list' | 'first-page';

/**
 * The fewer calls of: one point read per due id (`BandwidthPackageId`, one id per call, as
 * the reference confirms no comma lists), or every page of the region, which also covers the
 * other ids waited on there. A region not listed yet is read from its first page, which tells
 * its page count (and is the whole listing for a small region).
 */
export function choosePlan(due: number, pages: number | undefined): ReadPlan {
  if (pages === undefined) return 'first-page';
  return due < pages ? 'point' : 'list';
}

/**
 * The default reader for waits and ambiguity checks, one per apply. It remembers each
 * region's page count (TotalCount of its last listing) to choose between point reads and a
 * listing whose pages after the first are fetched in parallel (two round trips, not one per
 * page). CEN packages are read through a `CenBandwidthPackageId` filter, 20 ids a call.
 */
export function createReader(): LiveReader {
  const totals = new Map<string, number>();
  return async (client, query) => {
    if (query.ids.length === 0) return [];
    if (query.kind === 'cenBandwidth') return readCens(client, query);
    const source = SOURCES[query.kind];
    if (source === undefined) return providerReader(client, query);
    const key = `${query.kind}/${query.region}`;
    const total = totals.get(key);
    const plan = choosePlan(query.ids.length, total === undefined ? undefined : pagesOf(total, source));
    if (plan === 'point') return finish(client, query, await pointRead(client, source, query, query.ids));
    if (plan === 'list' && total !== undefined)
      return finish(client, query, await listKnown(client, source, query, total));
    if (plan === 'first-page' && query.ids.length <= FIRST_READ_POINT_MAX) {
      // A wait's first poll in a region is often on a chain (create → add EIPs → cap): the
      // first page and the point reads go at once, one round trip, and the page count is learnt.
      const [first, ...points] = await Promise.all([
        page(client, source, query, 1),
        ...query.ids.map((id) => pointRead(client, source, query, [id]).then((r) => r[0]!)),
      ]);
      totals.set(key, Number(first!.body.TotalCount ?? 0));
      return finish(client, query, [first!, ...points]);
    }
    const first = await page(client, source, query, 1);
    const count = Number(first.body.TotalCount ?? 0);
    totals.set(key, count);
    const pages = pagesOf(count, source);
    if (pages <= 1) return finish(client, query, [first]);
    // The ids not on the first page: by id, or by the other pages when those are fewer calls.
    const onFirst = new Set(source.rows(first.body).map((row) => source.convert(row, query).id));
    const missing = query.ids.filter((id) => !onFirst.has(id));
    if (plan === 'list' || missing.length >= pages - 1) {
      const rest = await Promise.all(
        Array.from({ length: pages - 1 }, (_, i) => page(client, source, query, i + 2)),
      );
      return finish(client, query, [first, ...rest]);
    }
    return finish(client, query, [first, ...(await pointRead(client, source, query, missing))]);
  };

  /**
   * Every page of a region whose size is known, all at once (one round trip); pages beyond
   * the known count, if the region grew meanwhile, after.
   */
  async function listKnown(
    client: RpcClient,
    source: PagedSource,
    query: ReadQuery,
    total: number,
  ): Promise<RpcResponse[]> {
    const known = pagesOf(total, source);
    const pages = await Promise.all(
      Array.from({ length: known }, (_, i) => page(client, source, query, i + 1)),
    );
    const count = Number(pages[0]?.body.TotalCount ?? 0);
    totals.set(`${query.kind}/${query.region}`, count);
    const more = pagesOf(count, source) - known;
    if (more <= 0) return pages;
    const rest = await Promise.all(
      Array.from({ length: more }, (_, i) => page(client, source, query, known + i + 1)),
    );
    return [...pages, ...rest];
  }

  /** The asked-for resources of some pages, and the extra ids they happen to hold. */
  async function finish(client: RpcClient, query: ReadQuery, pages: RpcResponse[]): Promise<LiveResource[]> {
    const source = SOURCES[query.kind]!;
    const wanted = new Set([...query.ids, ...(query.extra ?? [])]);
    // A package can be both on a page and read by id: one copy each.
    const byId = new Map<string, LiveResource>();
    for (const row of pages.flatMap((res) => source.rows(res.body))) {
      const r = source.convert(row, query);
      if (wanted.has(r.id)) byId.set(r.id, r);
    }
    const found = [...byId.values()];
    const capped = found.filter(
      (r): r is LiveSharedBandwidth => r.kind === 'sharedBandwidth' && query.capsFor.includes(r.id),
    );
    if (capped.length > 0) await readCaps(client, capped, query);
    return found;
  }
}

/** A stateless reader with the same choice (no page counts remembered). */
export const pointReader: LiveReader = (client, query) => createReader()(client, query);

function pagesOf(total: number, source: PagedSource): number {
  return Math.min(Math.max(1, Math.ceil(total / source.pageSize)), MAX_PAGES);
}

function call(
  client: RpcClient,
  product: Product,
  action: string,
  params: RpcParams,
  query: ReadQuery,
  region?: string,
): Promise<RpcResponse> {
  return client.call(product, action, params, {
    idempotent: true,
    ...(region ? { region } : {}),
    ...(query.signal ? { signal: query.signal } : {}),
  });
}

function page(client: RpcClient, source: PagedSource, query: ReadQuery, n: number): Promise<RpcResponse> {
  const params = { PageNumber: n, PageSize: source.pageSize };
  return call(client, source.product, source.action, params, query, source.region(query));
}

function pointRead(
  client: RpcClient,
  source: PagedSource,
  query: ReadQuery,
  ids: string[],
): Promise<RpcResponse[]> {
  return Promise.all(
    ids.map((id) =>
      call(
        client,
        source.product,
        source.action,
        { BandwidthPackageId: id, PageNumber: 1, PageSize: 10 },
        query,
        source.region(query),
      ),
    ),
  );
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

/**
 * The due ids, 20 a filter call; the other ids waited on fill the last call's spare values,
 * so they are read without an extra call.
 */
async function readCens(client: RpcClient, query: ReadQuery): Promise<LiveResource[]> {
  const batches = chunk(query.ids, CEN_IDS_PER_CALL);
  const last = batches.at(-1);
  if (last !== undefined) {
    const extra = (query.extra ?? []).filter((id) => !query.ids.includes(id));
    last.push(...extra.slice(0, CEN_IDS_PER_CALL - last.length));
  }
  const pages = await Promise.all(
    batches.map((batch) =>
      call(
        client,
        'cbn',
        'DescribeCenBandwidthPackages',
        { Filter: [{ Key: 'CenBandwidthPackageId', Value: batch }], PageNumber: 1, PageSize: 50 },
        query,
      ),
    ),
  );
  const wanted = new Set(batches.flat());
  return pages
    .flatMap((res) => unwrapList(res.body.CenBandwidthPackages, 'CenBandwidthPackage'))
    .map(cenFromWire)
    .filter((p) => wanted.has(p.id));
}
