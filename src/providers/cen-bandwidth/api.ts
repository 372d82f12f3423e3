import type { RpcClient } from '../../aliyun/types.js';
import type { LiveCenBandwidth } from '../../model/live.js';
import { pageAll } from '../common/paging.js';
import { unwrapList } from '../common/wire.js';
import type { ListScope } from '../types.js';
import { packageFromWire } from './convert.js';
import { PAGE_SIZE } from './fields.js';

/** CEN bandwidth packages are global: one paginated listing at the central endpoint. */
export function listPackages(client: RpcClient, scope: ListScope): Promise<LiveCenBandwidth[]> {
  return pageAll(
    client,
    {
      product: 'cbn',
      action: 'DescribeCenBandwidthPackages',
      params: {},
      pageSize: PAGE_SIZE,
      signal: scope.signal,
      rows: (body) => unwrapList(body.CenBandwidthPackages, 'CenBandwidthPackage'),
    },
    packageFromWire,
  );
}

export async function readPackages(
  client: RpcClient,
  scope: ListScope & { ids: string[] },
): Promise<LiveCenBandwidth[]> {
  const ids = new Set(scope.ids);
  return (await listPackages(client, scope)).filter((p) => ids.has(p.id));
}
