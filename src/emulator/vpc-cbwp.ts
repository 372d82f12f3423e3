import { type ActionTable, type Ctx, isoSeconds, newId, regionOf } from './context.js';
import { ApiError, conflict, invalidParameter } from './errors.js';
import { checkTags, checkText } from './params.js';
import type { CbwpRow, EipRow } from './state.js';

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
const CHARGE_TYPES = ['PayByBandwidth', 'PayBy95', 'PayByDominantTraffic', 'PayByTraffic'] as const;
const RANGES: Record<string, [number, number]> = {
  PayByBandwidth: [2, 20000],
  PayBy95: [200, 20000],
  PayByDominantTraffic: [1, 2000],
  PayByTraffic: [1, 1000],
};

function bandwidthRule(chargeType: string) {
  const [min, max] = RANGES[chargeType] ?? [1, 20000];
  return { min, max, code: 'InvalidParameter.Bandwidth' };
}

export function packageOf(ctx: Ctx, regionId: string, id: string): CbwpRow {
  const row = ctx.state.cbwps.get(id);
  if (!row || row.regionId !== regionId) {
    throw new ApiError(
      404,
      'InvalidBandwidthPackageId.NotFound',
      `The specified bandwidthPackageId does not exist in our records: ${id}.`,
    );
  }
  return row;
}

/** Writes on a package are refused while it changes (reference §1.4: "only query operations"). */
export function assertWritable(pkg: CbwpRow, options: { forDelete?: boolean } = {}): void {
  if (pkg.financialLocked) {
    throw new ApiError(
      404,
      'BandwidthPackage.FinancialLocked',
      'The specified BandwidthPackage has been Financial Lock.',
    );
  }
  if (pkg.deleting)
    throw conflict(
      'BandwidthPackageOperation.conflict',
      'BandwidthPackage operation conflict, please wait a moment and try again.',
    );
  if (pkg.status !== 'Available') {
    throw conflict(
      'IncorrectStatus.CbwpModifying',
      `The shared bandwidth ${pkg.id} is ${pkg.status}; wait until it is Available.`,
    );
  }
  if (pkg.instanceChargeType === 'PrePaid' && options.forDelete) {
    throw conflict(
      'ForbiddenAction.PrePaid',
      'A subscription shared bandwidth cannot be released through the API.',
    );
  }
}

export function busyIps(ctx: Ctx, pkg: CbwpRow): EipRow[] {
  const out: EipRow[] = [];
  for (const id of pkg.ips) {
    const eip = ctx.state.eips.get(id);
    if (eip && (eip.relation === 'BINDING' || eip.removing)) out.push(eip);
  }
  return out;
}

function create(ctx: Ctx): Record<string, unknown> {
  const p = ctx.params;
  const regionId = regionOf(ctx);
  const chargeType =
    p.oneOf('InternetChargeType', CHARGE_TYPES, { code: 'InvalidParameter.InvalidChargeType' }) ??
    'PayByBandwidth';
  p.required('Bandwidth');
  const bandwidth = p.int('Bandwidth', bandwidthRule(chargeType))!;
  const isp = p.oneOf('ISP', ISPS, { code: 'InvalidParameter.ISP' }) ?? 'BGP';
  const ratio = p.int('Ratio', { min: 20, max: 20, code: 'IllegalParam.Ratio' });
  if (chargeType === 'PayBy95' && ratio === undefined)
    throw new ApiError(400, 'IllegalParam.Ratio', 'Ratio must be 20 for PayBy95.');
  const name = checkText(p, 'Name', { max: 128, code: 'InvalidParameter.Name.Malformed' }) ?? '';
  const description =
    checkText(p, 'Description', { max: 256, code: 'InvalidParameter.Description.Malformed' }) ?? '';
  const tags = p.tags();
  checkTags(tags, { keyMax: 128, valueMax: 128 });
  const id = newId(ctx, 'cbwp', regionId);
  const row: CbwpRow = {
    id,
    regionId,
    name,
    description,
    bandwidth,
    isp,
    internetChargeType: chargeType,
    instanceChargeType: 'PostPaid',
    ratio: ratio ?? 100,
    status: 'Pending',
    creationTime: isoSeconds(ctx.now),
    deletionProtection: false,
    resourceGroupId: p.get('ResourceGroupId') || 'rg-acfmdefault0000',
    zone: p.get('Zone') ?? '',
    tags,
    ips: [],
  };
  ctx.state.cbwps.add(row);
  ctx.state.schedule({ due: ctx.now + ctx.asyncMs, kind: 'cbwp.ready', id });
  return { BandwidthPackageId: id, ResourceGroupId: row.resourceGroupId };
}

function modifyAttribute(ctx: Ctx): Record<string, unknown> {
  const p = ctx.params;
  const pkg = packageOf(ctx, regionOf(ctx), p.required('BandwidthPackageId'));
  const name = checkText(p, 'Name', { max: 128, code: 'InvalidParameter.Name.Malformed' });
  const description = checkText(p, 'Description', {
    max: 256,
    code: 'InvalidParameter.Description.Malformed',
  });
  if (name === undefined && description === undefined) {
    throw new ApiError(400, 'MissingParam.NameOrDescription', 'Specify Name or Description.');
  }
  assertWritable(pkg);
  if (name !== undefined) pkg.name = name;
  if (description !== undefined) pkg.description = description;
  return {};
}

function modifySpec(ctx: Ctx): Record<string, unknown> {
  const p = ctx.params;
  const pkg = packageOf(ctx, regionOf(ctx), p.required('BandwidthPackageId'));
  p.required('Bandwidth');
  const bandwidth = p.int('Bandwidth', bandwidthRule(pkg.internetChargeType))!;
  if (pkg.instanceChargeType === 'PrePaid') {
    throw conflict(
      'Forbidden.ChargeTypeIsPrepaid',
      'A subscription shared bandwidth cannot be resized through the API.',
    );
  }
  assertWritable(pkg);
  if (busyIps(ctx, pkg).length > 0)
    throw conflict('TaskConflict', `The shared bandwidth ${pkg.id} has an EIP task in progress.`);
  pkg.status = 'Modifying';
  pkg.pendingBandwidth = bandwidth;
  ctx.state.schedule({ due: ctx.now + ctx.asyncMs, kind: 'cbwp.ready', id: pkg.id });
  return {};
}

function remove(ctx: Ctx): Record<string, unknown> {
  const p = ctx.params;
  const pkg = packageOf(ctx, regionOf(ctx), p.required('BandwidthPackageId'));
  const force = (p.get('Force') ?? 'false').toLowerCase() === 'true';
  assertWritable(pkg, { forDelete: true });
  if (pkg.deletionProtection) {
    throw conflict(
      'InvalidOperation.DeletionProtection',
      `Deletion protection is enabled for ${pkg.id}; turn it off first.`,
    );
  }
  if (pkg.internetChargeType === 'PayBy95') {
    throw conflict(
      'OperationUnsupported.Release95Instance',
      'A PayBy95 shared bandwidth cannot be released through the API.',
    );
  }
  if (busyIps(ctx, pkg).length > 0) {
    throw conflict('OperationFailed.AddIpTaskInProcessing', `An EIP task is in progress on ${pkg.id}.`);
  }
  if (pkg.ips.length > 0 && !force) {
    throw conflict(
      'DependencyViolation.Ips',
      `The shared bandwidth ${pkg.id} still contains ${pkg.ips.length} EIP(s); remove them or pass Force=true.`,
    );
  }
  pkg.deleting = true;
  ctx.state.schedule({ due: ctx.now + ctx.asyncMs, kind: 'cbwp.deleted', id: pkg.id });
  return {};
}

function deletionProtection(ctx: Ctx): Record<string, unknown> {
  const p = ctx.params;
  const regionId = regionOf(ctx);
  const type = p.required('Type');
  const enable = p.bool('ProtectionEnable');
  if (enable === undefined) p.required('ProtectionEnable');
  const id = p.required('InstanceId');
  if (type.toUpperCase() === 'EIP') {
    const eip = ctx.state.eips.get(id);
    if (!eip || eip.regionId !== regionId)
      throw new ApiError(
        404,
        'InvalidInstanceId.NotFound',
        `The specified InstanceId "${id}" does not exist.`,
      );
    eip.deletionProtection = enable!;
    return {};
  }
  if (type.toUpperCase() !== 'CBWP')
    throw invalidParameter('Type', `"${type}" is not supported here (CBWP, EIP)`);
  const pkg = packageOf(ctx, regionId, id);
  pkg.deletionProtection = enable!;
  return {};
}

export const CBWP_ACTIONS: ActionTable = {
  CreateCommonBandwidthPackage: { write: true, clientToken: true, run: create },
  ModifyCommonBandwidthPackageAttribute: { write: true, run: modifyAttribute },
  ModifyCommonBandwidthPackageSpec: { write: true, run: modifySpec },
  DeleteCommonBandwidthPackage: { write: true, run: remove },
  DeletionProtection: { write: true, clientToken: true, run: deletionProtection },
};
