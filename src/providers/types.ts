import type { RpcClient } from '../aliyun/types.js';
import type { DesiredResource } from '../model/desired.js';
import type { Kind, Product } from '../model/kinds.js';
import type { LiveResource } from '../model/live.js';
import type { FieldClass } from '../model/plan.js';

/**
 * The Provider contract: one implementation per kind, same anatomy in each folder
 * (index.ts, fields.ts, api.ts, convert.ts, waits.ts). The planner and executor only speak
 * to this interface; product quirks live behind it.
 */
export interface ListScope {
  /** sharedBandwidth: regions to list (each read in parallel). Ignored by global kinds. */
  regions: string[];
  /**
   * Package ids (sharedBandwidth) whose per-IP caps must be read via DescribeEipAddresses,
   * because the YAML declares caps for them. Empty = no EIP reads.
   */
  capsFor?: string[];
  signal?: AbortSignal;
}

export interface Provider {
  kind: Kind;
  product: Product;
  /** The field-class table: drives diff and replacement decisions. */
  fields: Record<string, FieldClass>;
  /** Paginated listing at the maximum page size; never one call per resource. */
  list(client: RpcClient, scope: ListScope): Promise<LiveResource[]>;
  /** Re-read a set of ids (one listing per region), for waits and stale checks. */
  read(client: RpcClient, scope: ListScope & { ids: string[] }): Promise<LiveResource[]>;
  /** Desired → the `after` view, to be diffed against the live `before` view. */
  toView(resource: DesiredResource | LiveResource): Record<string, unknown>;
}
