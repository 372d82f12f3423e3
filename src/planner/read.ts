import type { RpcClient } from '../aliyun/types.js';
import type { DesiredState } from '../model/desired.js';
import { KINDS } from '../model/kinds.js';
import type { LiveResource, LiveState } from '../model/live.js';
import { providerFor } from '../providers/index.js';

export interface ReadOptions {
  /** Extra sharedBandwidth regions (`--region`). */
  regions?: string[];
  signal?: AbortSignal;
}

/** sharedBandwidth regions to list: the declared ones plus `--region`. */
export function regionsToRead(desired: DesiredState, extra: string[] = []): string[] {
  const set = new Set(extra);
  for (const r of desired.resources) if (r.kind === 'sharedBandwidth') set.add(r.region);
  return [...set].sort();
}

/**
 * Reads everything a plan needs with the minimum of calls: one paginated listing per region
 * (CBWP) or per product (CEN, GA), in parallel, plus EIP reads only where caps are declared.
 */
export async function readLive(
  client: RpcClient,
  desired: DesiredState,
  options: ReadOptions = {},
): Promise<LiveState> {
  const regions = regionsToRead(desired, options.regions);
  const capped = desired.resources.filter(
    (r) => r.kind === 'sharedBandwidth' && r.ips?.some((ip) => ip.bandwidth !== undefined),
  );
  const capIps = capped.flatMap((r) =>
    (r.kind === 'sharedBandwidth' ? (r.ips ?? []) : [])
      .filter((ip) => ip.bandwidth !== undefined)
      .map((ip) => ip.id),
  );
  const byId = new Set(capped.map((r) => r.id).filter((id): id is string => id !== undefined));
  const byName = new Set(capped.filter((r) => r.id === undefined).map((r) => `${r.region}/${r.name}`));
  const capsWhere = (pkg: LiveResource) => byId.has(pkg.id) || byName.has(`${pkg.region}/${pkg.name}`);
  const scope = { regions, capIps, signal: options.signal, ...(capped.length > 0 ? { capsWhere } : {}) };
  const lists = await Promise.all(
    KINDS.map((kind) =>
      kind === 'sharedBandwidth' && regions.length === 0
        ? Promise.resolve([])
        : providerFor(kind).list(client, scope),
    ),
  );
  return { resources: lists.flat(), regions };
}
