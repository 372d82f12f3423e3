import { type ActionTable, type Ctx, isoSeconds, newId, paging, regionOf, tagsMatch } from './context.js';
import { ApiError, conflict } from './errors.js';
import { checkText } from './params.js';
import type { EipRow } from './state.js';
import { pageOf } from './table.js';

const ISPS = [
  'BGP',
  'BGP_PRO',
  'ChinaTelecom',
  'ChinaUnicom',
  'ChinaMobile',
  'ChinaTelecom_L2',
  'ChinaUnicom_L2',
  'ChinaMobile_L2',
  'BGP_FinanceCloud',
] as const;

export function eipOf(ctx: Ctx, regionId: string, id: string, code = 'InvalidAllocationId.NotFound'): EipRow {
  const eip = ctx.state.eips.get(id);
  if (!eip || eip.regionId !== regionId)
    throw new ApiError(404, code, `The specified EIP does not exist in our records: ${id}.`);
  return eip;
}

function ipFor(n: number): string {
  return `47.${96 + ((n >> 16) & 63)}.${(n >> 8) & 255}.${n & 255}`;
}

function allocate(ctx: Ctx): Record<string, unknown> {
  const p = ctx.params;
  const regionId = regionOf(ctx);
  const bandwidth = p.int('Bandwidth', { min: 1, max: 500, code: 'InvalidParameter.Bandwidth' }) ?? 5;
  const isp = p.oneOf('ISP', ISPS, { code: 'InvalidParameter.ISP' }) ?? 'BGP';
  const internet =
    p.oneOf('InternetChargeType', ['PayByBandwidth', 'PayByTraffic'] as const) ?? 'PayByBandwidth';
  const charge = p.oneOf('InstanceChargeType', ['PostPaid', 'PrePaid'] as const) ?? 'PostPaid';
  const name = checkText(p, 'Name', { max: 128, code: 'InvalidParameter.Name.Malformed' }) ?? '';
  const description =
    checkText(p, 'Description', { max: 256, code: 'InvalidParameter.Description.Malformed' }) ?? '';
  const id = newId(ctx, 'eip', regionId);
  const row: EipRow = {
    id,
    regionId,
    ipAddress: ipFor(ctx.state.sequence),
    name,
    description,
    chargeType: charge,
    internetChargeType: internet,
    isp,
    bandwidth,
    status: 'Available',
    allocationTime: isoSeconds(ctx.now),
    deletionProtection: false,
    resourceGroupId: p.get('ResourceGroupId') || 'rg-acfmdefault0000',
    tags: [],
  };
  ctx.state.eips.add(row);
  return { AllocationId: id, EipAddress: row.ipAddress, ResourceGroupId: row.resourceGroupId };
}

function release(ctx: Ctx): Record<string, unknown> {
  const eip = eipOf(ctx, regionOf(ctx), ctx.params.required('AllocationId'));
  if (eip.deletionProtection)
    throw conflict('OperationDenied.DeletionProtection', `Deletion protection is enabled for ${eip.id}.`);
  if (eip.packageId) {
    throw conflict(
      'IncorrectEipStatus',
      `The EIP ${eip.id} is in the shared bandwidth ${eip.packageId}; remove it from the package first.`,
    );
  }
  if (eip.chargeType === 'PrePaid')
    throw conflict('ForbiddenAction.PrePaid', 'A subscription EIP cannot be released through the API.');
  ctx.state.eips.remove(eip.id);
  return {};
}

export function eipView(ctx: Ctx, eip: EipRow): Record<string, unknown> {
  const pkg = eip.packageId ? ctx.state.cbwps.get(eip.packageId) : undefined;
  const current = pkg ? (eip.cap ?? pkg.bandwidth) : eip.bandwidth;
  return {
    AllocationId: eip.id,
    IpAddress: eip.ipAddress,
    Name: eip.name,
    Description: eip.description,
    RegionId: eip.regionId,
    Status: eip.status,
    BusinessStatus: 'Normal',
    ChargeType: eip.chargeType,
    InternetChargeType: pkg ? 'PayByBandwidth' : eip.internetChargeType,
    ISP: eip.isp,
    Bandwidth: String(current),
    EipBandwidth: String(eip.bandwidth),
    BandwidthPackageId: pkg ? pkg.id : '',
    BandwidthPackageType: pkg ? 'CommonBandwidthPackage' : '',
    BandwidthPackageBandwidth: pkg ? String(pkg.bandwidth) : '',
    InstanceId: '',
    InstanceType: '',
    InstanceRegionId: '',
    Mode: '',
    AllocationTime: eip.allocationTime,
    ExpiredTime: '',
    DeletionProtection: eip.deletionProtection,
    ResourceGroupId: eip.resourceGroupId,
    OperationLocks: { LockReason: [] },
    Tags: { Tag: eip.tags.map((t) => ({ Key: t.Key, Value: t.Value })) },
    Netmode: 'public',
    HasReservationData: 'false',
    SecondLimited: false,
    ServiceManaged: 0,
  };
}

function splitList(value: string | undefined, name: string): string[] {
  const list = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (list.length > 50)
    throw new ApiError(400, 'InvalidParameter', `At most 50 values are allowed in ${name}.`);
  return list;
}

function eipFilter(ctx: Ctx): ((e: EipRow) => boolean) | undefined {
  const p = ctx.params;
  const addresses = splitList(p.get('EipAddress'), 'EipAddress');
  const status = p.oneOf('Status', [
    'Associating',
    'Unassociating',
    'InUse',
    'Available',
    'Releasing',
  ] as const);
  const charge = p.oneOf('ChargeType', ['PostPaid', 'PrePaid'] as const);
  const isp = p.get('ISP');
  const name = p.get('EipName');
  const tags = p.tags();
  const checks: ((e: EipRow) => boolean)[] = [];
  if (addresses.length > 0) checks.push((e) => addresses.includes(e.ipAddress));
  if (status) checks.push((e) => e.status === status);
  if (charge) checks.push((e) => e.chargeType === charge);
  if (isp) checks.push((e) => e.isp === isp);
  if (name) checks.push((e) => e.name === name);
  if (tags.length > 0) checks.push((e) => tagsMatch(e.tags, tags));
  return checks.length === 0 ? undefined : (e) => checks.every((c) => c(e));
}

function describe(ctx: Ctx): Record<string, unknown> {
  const regionId = regionOf(ctx);
  const { pageNumber, pageSize } = paging(ctx, 100);
  const ids = splitList(ctx.params.get('AllocationId'), 'AllocationId');
  const table = ctx.state.eips.inRegion(regionId);
  const source =
    ids.length > 0 ? ids.map((id) => table.get(id)).filter((e): e is EipRow => e !== undefined) : table;
  const filter = eipFilter(ctx);
  const { rows, total } = pageOf(source, { pageNumber, pageSize, ...(filter ? { filter } : {}) });
  return {
    PageNumber: pageNumber,
    PageSize: pageSize,
    TotalCount: total,
    EipAddresses: { EipAddress: rows.map((e) => eipView(ctx, e)) },
  };
}

export const EIP_ACTIONS: ActionTable = {
  AllocateEipAddress: { write: true, clientToken: true, run: allocate },
  ReleaseEipAddress: { write: true, run: release },
  DescribeEipAddresses: { write: false, run: describe },
};
