import type { RpcClient, RpcParams, RpcResponse } from '../../aliyun/types.js';
import type { Product } from '../../model/kinds.js';
import { num, WireShapeError } from './wire.js';

/** A hard bound on pages so that a misbehaving API can never loop us forever. */
const MAX_PAGES = 2_000;

export interface PageRequest {
  product: Product;
  action: string;
  params: RpcParams;
  region?: string;
  pageSize: number;
  signal?: AbortSignal;
  /** Pulls the rows out of one page body. */
  rows: (body: Record<string, unknown>) => unknown[];
}

/** Pages until TotalCount rows are read (or a short page), at the given page size. */
export async function pageAll<T>(
  client: RpcClient,
  req: PageRequest,
  convert: (row: unknown) => T,
): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const res: RpcResponse = await client.call(
      req.product,
      req.action,
      { ...req.params, PageNumber: page, PageSize: req.pageSize },
      { region: req.region, signal: req.signal, idempotent: true },
    );
    const rows = req.rows(res.body);
    const total = num(res.body.TotalCount);
    if (total === undefined && res.body.TotalCount !== undefined) {
      throw new WireShapeError(req.action, res.requestId, 'TotalCount is not a number');
    }
    for (const row of rows) out.push(convert(row));
    if (rows.length < req.pageSize) break;
    if (total !== undefined && out.length >= total) break;
  }
  return out;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
