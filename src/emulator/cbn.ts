import { CEN_ACTIONS, cenOf } from './cbn-cen.js';
import { type ActionTable, type Ctx, isoMinutes, paging } from './context.js';
import { ApiError, conflict, invalidParameter } from './errors.js';
import { checkTags, checkText } from './params.js';
import type { CenBwpRow } from './state.js';
import { pageOf, type Table } from './table.js';
import { tagActions } from './tags.js';

/** Request areas are title case; responses answer lower case (reference §2.1). */
const AREAS = ['China', 'North-America', 'Asia-Pacific', 'Europe', 'Australia', 'Middle-East'] as const;
const FILTER_KEYS = ['CenId', 'Status', 'CenBandwidthPackageId', 'Name'] as const;

function bwpOf(ctx: Ctx, id: string): CenBwpRow {
  const pkg = ctx.state.cenBwps.get(id);
  if (!pkg)
    throw new ApiError(
      400,
      'ParameterBwpInstanceId',
      `The specified bandwidth package does not exist: ${id}.`,
    );
  return pkg;
}

function notBusy(pkg: CenBwpRow, code = 'Operation.Blocking'): void {
  if (pkg.busy)
    throw conflict(code, `The bandwidth package ${pkg.id} has an operation in progress; try again later.`);
}

function checkPeriod(ctx: Ctx): void {
  const cycle = ctx.params.oneOf('PricingCycle', ['Month', 'Year'] as const) ?? 'Month';
  ctx.params.required('Period');
  const allowed = cycle === 'Month' ? [1, 2, 3, 6] : [1, 2, 3];
  const period = ctx.params.int('Period', { min: 1, max: 12 })!;
  if (!allowed.includes(period))
    throw invalidParameter('Period', `${period} is not one of ${allowed.join(', ')} for ${cycle}`);
}

function createBwp(ctx: Ctx): Record<string, unknown> {
  const p = ctx.params;
  p.required('Bandwidth');
  const bandwidth = p.int('Bandwidth', { min: 2, max: 10000, code: 'ParameterIllegal.BandwidthPackage' })!;
  p.required('GeographicRegionAId');
  p.required('GeographicRegionBId');
  const areaA = p.oneOf('GeographicRegionAId', AREAS)!;
  const areaB = p.oneOf('GeographicRegionBId', AREAS)!;
  const charge =
    p.oneOf('BandwidthPackageChargeType', ['PREPAY', 'POSTPAY'] as const, {
      code: 'UnSupported.ChargeType',
    }) ?? 'PREPAY';
  if (charge === 'PREPAY') checkPeriod(ctx);
  const name = checkText(p, 'Name', { max: 128, min: 1, code: 'InvalidParameter.Name' }) ?? '';
  const description =
    checkText(p, 'Description', { max: 256, min: 1, code: 'InvalidParameter.Description' }) ?? '';
  const tags = p.tags();
  checkTags(tags, { keyMax: 64, valueMax: 128 });
  const id = ctx.state.nextId('cenbwp-', 18);
  ctx.state.cenBwps.add({
    id,
    regionId: 'global',
    name,
    description,
    bandwidth,
    chargeType: charge,
    areaA: areaA.toLowerCase(),
    areaB: areaB.toLowerCase(),
    status: 'Idle',
    cenIds: [],
    creationTime: isoMinutes(ctx.now),
    expiredTime: charge === 'PREPAY' ? isoMinutes(ctx.now + 31 * 86_400_000) : '',
    tags,
  });
  return {
    CenBandwidthPackageId: id,
    CenBandwidthPackageOrderId: charge === 'PREPAY' ? `${ctx.state.sequence}000000` : '',
  };
}

function bwpView(pkg: CenBwpRow): Record<string, unknown> {
  const span = [pkg.areaA, pkg.areaB].sort().reverse().join('_');
  return {
    CenBandwidthPackageId: pkg.id,
    Name: pkg.name,
    Description: pkg.description,
    Bandwidth: pkg.bandwidth,
    BandwidthPackageChargeType: pkg.chargeType,
    Status: pkg.status,
    BusinessStatus: 'Normal',
    GeographicRegionAId: pkg.areaA,
    GeographicRegionBId: pkg.areaB,
    GeographicSpanId: span,
    IsCrossBorder: pkg.areaA !== pkg.areaB && (pkg.areaA === 'china' || pkg.areaB === 'china'),
    CenIds: { CenId: [...pkg.cenIds] },
    CreationTime: pkg.creationTime,
    ExpiredTime: pkg.expiredTime,
    HasReservationData: 'false',
    ResourceGroupId: 'rg-acfmdefault0000',
    OrginInterRegionBandwidthLimits: { OrginInterRegionBandwidthLimit: [] },
    Tags: { Tag: pkg.tags.map((t) => ({ Key: t.Key, Value: t.Value })) },
  };
}

function bwpMatcher(ctx: Ctx): ((b: CenBwpRow) => boolean) | undefined {
  const filters = ctx.params.filters();
  if (filters.length > 5) throw invalidParameter('Filter', 'at most 5 filters are allowed');
  const isOr = ctx.params.bool('IsOrKey') ?? false;
  const tests = filters.map((f) => {
    if (!(FILTER_KEYS as readonly string[]).includes(f.key))
      throw invalidParameter(`Filter key ${f.key}`, `use ${FILTER_KEYS.join(', ')}`);
    return (b: CenBwpRow) => {
      if (f.key === 'CenId') return b.cenIds.some((c) => f.values.includes(c));
      if (f.key === 'Status') return f.values.includes(b.status);
      if (f.key === 'Name') return f.values.includes(b.name);
      return f.values.includes(b.id);
    };
  });
  if (tests.length === 0) return undefined;
  return isOr ? (b) => tests.some((t) => t(b)) : (b) => tests.every((t) => t(b));
}

/** With an AND filter on ids, only those rows can match: look them up instead of scanning. */
function candidates(ctx: Ctx): Table<CenBwpRow> | CenBwpRow[] {
  if (ctx.params.bool('IsOrKey')) return ctx.state.cenBwps;
  const byId = ctx.params.filters().find((f) => f.key === 'CenBandwidthPackageId');
  if (!byId) return ctx.state.cenBwps;
  return [...new Set(byId.values)]
    .map((id) => ctx.state.cenBwps.get(id))
    .filter((r): r is CenBwpRow => r !== undefined);
}

function describeBwps(ctx: Ctx): Record<string, unknown> {
  const { pageNumber, pageSize } = paging(ctx, 50);
  const filter = bwpMatcher(ctx);
  const { rows, total } = pageOf(candidates(ctx), { pageNumber, pageSize, ...(filter ? { filter } : {}) });
  return {
    PageNumber: pageNumber,
    PageSize: pageSize,
    TotalCount: total,
    CenBandwidthPackages: { CenBandwidthPackage: rows.map(bwpView) },
  };
}

function modifyAttribute(ctx: Ctx): Record<string, unknown> {
  const pkg = bwpOf(ctx, ctx.params.required('CenBandwidthPackageId'));
  const name = checkText(ctx.params, 'Name', { max: 128, min: 1, code: 'InvalidParameter.Name' });
  const description = checkText(ctx.params, 'Description', {
    max: 256,
    min: 1,
    code: 'InvalidParameter.Description',
  });
  notBusy(pkg, 'InvalidStatus.Resource');
  if (name !== undefined) pkg.name = name;
  if (description !== undefined) pkg.description = description;
  return {};
}

function modifySpec(ctx: Ctx): Record<string, unknown> {
  const pkg = bwpOf(ctx, ctx.params.required('CenBandwidthPackageId'));
  ctx.params.required('Bandwidth');
  const bandwidth = ctx.params.int('Bandwidth', {
    min: 2,
    max: 10000,
    code: 'ParameterIllegal.BandwidthPackage',
  })!;
  notBusy(pkg, 'OperationFailed.OperationIsProcessing');
  if (bandwidth === pkg.bandwidth)
    throw conflict('Operation.Failed', `The spec of ${pkg.id} is not changed (already ${bandwidth} Mbit/s).`);
  pkg.busy = true;
  pkg.pendingBandwidth = bandwidth;
  ctx.state.schedule({ due: ctx.now + ctx.asyncMs, kind: 'cen.spec', id: pkg.id });
  return {};
}

function associate(ctx: Ctx): Record<string, unknown> {
  const cen = cenOf(ctx, ctx.params.required('CenId'));
  const pkg = bwpOf(ctx, ctx.params.required('CenBandwidthPackageId'));
  notBusy(pkg);
  if (pkg.cenIds.length > 0) {
    throw conflict(
      'InvalidOperation.BwpInstanceStatus',
      `The bandwidth package ${pkg.id} is already associated with ${pkg.cenIds.join(', ')}.`,
      403,
    );
  }
  const span = [pkg.areaA, pkg.areaB].sort().join('_');
  for (const other of ctx.state.cenBwps.values()) {
    if (
      other.id !== pkg.id &&
      other.cenIds.includes(cen.id) &&
      [other.areaA, other.areaB].sort().join('_') === span
    ) {
      throw conflict(
        'InvalidOperation.BwpForGeoSpanAlreadyAssociated',
        `The CEN ${cen.id} already has bandwidth package ${other.id} for ${pkg.areaA}/${pkg.areaB}.`,
        409,
      );
    }
  }
  pkg.busy = true;
  pkg.cenIds = [cen.id];
  ctx.state.schedule({ due: ctx.now + ctx.asyncMs, kind: 'cen.associated', id: pkg.id, other: cen.id });
  return {};
}

function unassociate(ctx: Ctx): Record<string, unknown> {
  const cen = cenOf(ctx, ctx.params.required('CenId'));
  const pkg = bwpOf(ctx, ctx.params.required('CenBandwidthPackageId'));
  notBusy(pkg);
  if (!pkg.cenIds.includes(cen.id)) {
    throw conflict(
      'InvalidOperation.BwpInstanceStatus',
      `The bandwidth package ${pkg.id} is not associated with ${cen.id}.`,
      403,
    );
  }
  pkg.busy = true;
  ctx.state.schedule({ due: ctx.now + ctx.asyncMs, kind: 'cen.unassociated', id: pkg.id, other: cen.id });
  return {};
}

function remove(ctx: Ctx): Record<string, unknown> {
  const pkg = bwpOf(ctx, ctx.params.required('CenBandwidthPackageId'));
  notBusy(pkg);
  if (pkg.cenIds.length > 0) {
    throw conflict(
      'InvalidOperation.BwpInstanceStatus',
      `The bandwidth package ${pkg.id} is still associated with ${pkg.cenIds.join(', ')}; unassociate it first.`,
      403,
    );
  }
  if (pkg.chargeType === 'PREPAY') {
    throw conflict(
      'Forbidden.Release',
      'Forbidden to release a PREPAY bandwidth instance within validity period.',
      403,
    );
  }
  ctx.state.cenBwps.remove(pkg.id);
  return {};
}

export const CBN_ACTIONS: ActionTable = {
  ...CEN_ACTIONS,
  CreateCenBandwidthPackage: { write: true, clientToken: true, run: createBwp },
  DescribeCenBandwidthPackages: { write: false, run: describeBwps },
  ModifyCenBandwidthPackageAttribute: { write: true, run: modifyAttribute },
  ModifyCenBandwidthPackageSpec: { write: true, run: modifySpec },
  AssociateCenBandwidthPackage: { write: true, run: associate },
  UnassociateCenBandwidthPackage: { write: true, run: unassociate },
  DeleteCenBandwidthPackage: { write: true, run: remove },
  ...tagActions({
    untagAction: 'UntagResources',
    maxIds: 20,
    regionRequired: false,
    keyMax: 64,
    targets: {
      bandwidthpackage: {
        echo: 'bandwidthpackage',
        find: (ctx, id) => ctx.state.cenBwps.get(id),
        all: (ctx) => ctx.state.cenBwps.values(),
      },
    },
  }),
};
