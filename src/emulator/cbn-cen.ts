import { type ActionTable, type Ctx, isoSeconds, paging } from './context.js';
import { ApiError, invalidParameter } from './errors.js';
import { checkText } from './params.js';
import type { CenRow } from './state.js';
import { pageOf } from './table.js';

/** CBN 2017-09-12: the CEN instances bandwidth packages attach to. */
export function cenOf(ctx: Ctx, id: string): CenRow {
  const cen = ctx.state.cens.get(id);
  if (!cen)
    throw new ApiError(400, 'ParameterCenInstanceId', `The specified CEN instance does not exist: ${id}.`);
  return cen;
}

function createCen(ctx: Ctx): Record<string, unknown> {
  const name = checkText(ctx.params, 'Name', { max: 128, min: 1, code: 'InvalidParameter.Name' }) ?? '';
  const description =
    checkText(ctx.params, 'Description', { max: 256, min: 1, code: 'InvalidParameter.Description' }) ?? '';
  const id = ctx.state.nextId('cen-', 18);
  ctx.state.cens.add({
    id,
    regionId: 'global',
    name,
    description,
    status: 'Active',
    creationTime: isoSeconds(ctx.now),
  });
  return { CenId: id };
}

function cenView(ctx: Ctx, cen: CenRow): Record<string, unknown> {
  const packages = [...ctx.state.cenBwps.values()].filter((b) => b.cenIds.includes(cen.id)).map((b) => b.id);
  return {
    CenId: cen.id,
    Name: cen.name,
    Description: cen.description,
    Status: cen.status,
    CreationTime: cen.creationTime,
    ProtectionLevel: 'REDUCED',
    CenBandwidthPackageIds: { CenBandwidthPackageId: packages },
    Tags: { Tag: [] },
  };
}

function describeCens(ctx: Ctx): Record<string, unknown> {
  const { pageNumber, pageSize } = paging(ctx, 50);
  const filters = ctx.params.filters();
  const match = (c: CenRow) =>
    filters.every((f) => {
      if (f.key === 'CenId') return f.values.includes(c.id);
      if (f.key === 'Name') return f.values.includes(c.name);
      if (f.key === 'Status') return f.values.includes(c.status);
      throw invalidParameter(`Filter key ${f.key}`, 'use CenId, Name or Status');
    });
  const { rows, total } = pageOf(ctx.state.cens, {
    pageNumber,
    pageSize,
    ...(filters.length > 0 ? { filter: match } : {}),
  });
  return {
    PageNumber: pageNumber,
    PageSize: pageSize,
    TotalCount: total,
    Cens: { Cen: rows.map((c) => cenView(ctx, c)) },
  };
}

export const CEN_ACTIONS: ActionTable = {
  CreateCen: { write: true, clientToken: true, run: createCen },
  DescribeCens: { write: false, run: describeCens },
};
