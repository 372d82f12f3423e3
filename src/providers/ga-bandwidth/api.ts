import type { RpcClient } from '../../aliyun/types.js';
import type { LiveGaBandwidth } from '../../model/live.js';
import { pageAll } from '../common/paging.js';
import type { ListScope } from '../types.js';
import { packageFromWire } from './convert.js';
import { API_REGION, PAGE_SIZE } from './fields.js';

/** GA bandwidth plans: one paginated listing in cn-hangzhou (GA returns plain arrays). */
export function listPackages(client: RpcClient, scope: ListScope): Promise<LiveGaBandwidth[]> {
  return pageAll(
    client,
    {
      product: 'ga',
      action: 'ListBandwidthPackages',
      params: {},
      region: API_REGION,
      pageSize: PAGE_SIZE,
      signal: scope.signal,
      rows: (body) => (Array.isArray(body.BandwidthPackages) ? body.BandwidthPackages : []),
    },
    packageFromWire,
  );
}

export async function readPackages(
  client: RpcClient,
  scope: ListScope & { ids: string[] },
): Promise<LiveGaBandwidth[]> {
  const ids = new Set(scope.ids);
  return (await listPackages(client, scope)).filter((p) => ids.has(p.id));
}
