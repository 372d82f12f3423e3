import { type ActionTable, type Ctx, paging, regionOf, tagsMatch } from './context.js';
import { ApiError } from './errors.js';
import type { CbwpRow } from './state.js';
import { pageOf } from './table.js';

export function cbwpView(ctx: Ctx, pkg: CbwpRow): Record<string, unknown> {
  const ips = pkg.ips.map((id) => {
    const eip = ctx.state.eips.get(id)!;
    return {
      AllocationId: eip.id,
      IpAddress: eip.ipAddress,
      BandwidthPackageIpRelationStatus: eip.relation ?? 'BINDED',
    };
  });
  return {
    BandwidthPackageId: pkg.id,
    Name: pkg.name,
    Description: pkg.description,
    RegionId: pkg.regionId,
    Bandwidth: String(pkg.bandwidth),
    Status: pkg.status,
    BusinessStatus: pkg.financialLocked ? 'FinancialLocked' : 'Normal',
    InternetChargeType: pkg.internetChargeType,
    InstanceChargeType: pkg.instanceChargeType,
    ISP: pkg.isp,
    Ratio: pkg.ratio,
    CreationTime: pkg.creationTime,
    ExpiredTime: '',
    DeletionProtection: pkg.deletionProtection,
    ResourceGroupId: pkg.resourceGroupId,
    ServiceManaged: 0,
    BizType: pkg.zone === '' ? 'Default' : 'CloudBox',
    Zone: pkg.zone,
    HasReservationData: 'false',
    PublicIpAddresses: { PublicIpAddresse: ips },
    SecurityProtectionTypes: { SecurityProtectionType: [] },
    Tags: { Tag: pkg.tags.map((t) => ({ Key: t.Key, Value: t.Value })) },
  };
}

function describe(ctx: Ctx): Record<string, unknown> {
  const p = ctx.params;
  const regionId = regionOf(ctx);
  const { pageNumber, pageSize } = paging(ctx, 50);
  const ids = (p.get('BandwidthPackageId') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (ids.length > 50)
    throw new ApiError(
      400,
      'InvalidBandwidthPackageIdNumber.NotSupported',
      'At most 50 BandwidthPackageId values are supported.',
    );
  const name = p.get('Name');
  const rg = p.get('ResourceGroupId');
  const tags = p.tags();
  const table = ctx.state.cbwps.inRegion(regionId);
  const source =
    ids.length > 0 ? ids.map((id) => table.get(id)).filter((r): r is CbwpRow => r !== undefined) : table;
  const hasFilter = Boolean(name) || Boolean(rg) || tags.length > 0;
  const filter = hasFilter
    ? (r: CbwpRow) =>
        (!name || r.name === name) && (!rg || r.resourceGroupId === rg) && tagsMatch(r.tags, tags)
    : undefined;
  const { rows, total } = pageOf(source, { pageNumber, pageSize, ...(filter ? { filter } : {}) });
  if (p.bool('DryRun'))
    throw new ApiError(400, 'DryRunOperation', 'Request validation has been passed with DryRun flag set.');
  return {
    PageNumber: pageNumber,
    PageSize: pageSize,
    TotalCount: total,
    CommonBandwidthPackages: { CommonBandwidthPackage: rows.map((r) => cbwpView(ctx, r)) },
  };
}

export const CBWP_READ_ACTIONS: ActionTable = {
  DescribeCommonBandwidthPackages: { write: false, run: describe },
};
