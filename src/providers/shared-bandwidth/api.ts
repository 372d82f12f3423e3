import type { RpcClient } from '../../aliyun/types.js';
import type { LiveSharedBandwidth } from '../../model/live.js';
import { chunk, pageAll } from '../common/paging.js';
import { unwrapList, type Wire } from '../common/wire.js';
import type { ListScope } from '../types.js';
import { capFromWire, packageFromWire } from './convert.js';
import { EIP_IDS_PER_CALL, EIP_PAGE_SIZE, PAGE_SIZE } from './fields.js';

/** Every package of every region in scope: one paginated listing per region, in parallel. */
export async function listPackages(client: RpcClient, scope: ListScope): Promise<LiveSharedBandwidth[]> {
  const regions = [...new Set(scope.regions)].sort();
  const perRegion = await Promise.all(regions.map((region) => listRegion(client, region, scope.signal)));
  const all = perRegion.flat();
  if ((scope.capsFor && scope.capsFor.length > 0) || scope.capsWhere) await readCaps(client, all, scope);
  return all;
}

function listRegion(client: RpcClient, region: string, signal?: AbortSignal): Promise<LiveSharedBandwidth[]> {
  return pageAll(
    client,
    {
      product: 'vpc',
      action: 'DescribeCommonBandwidthPackages',
      params: {},
      region,
      pageSize: PAGE_SIZE,
      signal,
      rows: (body) => unwrapList(body.CommonBandwidthPackages, 'CommonBandwidthPackage'),
    },
    (row) => packageFromWire(row, region),
  );
}

/**
 * Per-IP caps exist only on the EIP side (DescribeEipAddresses, ≤50 ids per call). Read them
 * only for the packages, and EIPs, the YAML declares caps for.
 */
async function readCaps(client: RpcClient, packages: LiveSharedBandwidth[], scope: ListScope): Promise<void> {
  const wanted = new Set(scope.capsFor);
  const only = scope.capIps ? new Set(scope.capIps) : undefined;
  const byRegion = new Map<string, string[]>();
  for (const pkg of packages) {
    if (!wanted.has(pkg.id) && !scope.capsWhere?.(pkg)) continue;
    pkg.capsRead = true;
    const ids = pkg.members.map((m) => m.id).filter((id) => only === undefined || only.has(id));
    if (ids.length === 0) continue;
    byRegion.set(pkg.region, [...(byRegion.get(pkg.region) ?? []), ...ids]);
  }
  const calls: Promise<Wire[]>[] = [];
  for (const [region, ids] of [...byRegion].sort(([a], [b]) => a.localeCompare(b))) {
    for (const batch of chunk([...new Set(ids)].sort(), EIP_IDS_PER_CALL)) {
      calls.push(describeEips(client, region, batch, scope.signal));
    }
  }
  const caps = new Map<string, number | null>();
  for (const row of (await Promise.all(calls)).flat()) {
    const c = capFromWire(row);
    caps.set(`${c.packageId}/${c.id}`, c.cap);
  }
  for (const pkg of packages) {
    for (const m of pkg.members) {
      const cap = caps.get(`${pkg.id}/${m.id}`);
      if (cap !== undefined) m.bandwidth = cap;
    }
  }
}

async function describeEips(
  client: RpcClient,
  region: string,
  ids: string[],
  signal?: AbortSignal,
): Promise<Wire[]> {
  const res = await client.call(
    'vpc',
    'DescribeEipAddresses',
    { AllocationId: ids.join(','), PageNumber: 1, PageSize: EIP_PAGE_SIZE },
    { region, signal, idempotent: true },
  );
  return unwrapList(res.body.EipAddresses, 'EipAddress');
}

/** Re-read some packages: one listing per region they live in. */
export async function readPackages(
  client: RpcClient,
  scope: ListScope & { ids: string[] },
): Promise<LiveSharedBandwidth[]> {
  const ids = new Set(scope.ids);
  const all = await listPackages(client, scope);
  return all.filter((p) => ids.has(p.id));
}
