import { type ActionTable, type Ctx, regionOf } from './context.js';
import { ApiError, conflict } from './errors.js';
import type { CbwpRow, EipRow } from './state.js';
import { assertWritable, packageOf } from './vpc-cbwp.js';
import { eipOf } from './vpc-eip.js';

/** Checks the documented preconditions for joining an EIP to a package (pay-as-you-go, region, ISP, free). */
function checkJoinable(pkg: CbwpRow, eip: EipRow): void {
  if (eip.packageId === pkg.id) {
    throw conflict(
      'IpInstanceId.AlreadyInBandwidthPackage',
      `The EIP ${eip.id} is already in the shared bandwidth ${pkg.id}.`,
    );
  }
  if (eip.packageId) {
    throw conflict(
      'IpInstanceId.AlreadyInBandwidthPackage',
      `The EIP ${eip.id} is already in another shared bandwidth (${eip.packageId}).`,
    );
  }
  if (eip.chargeType !== 'PostPaid') {
    throw conflict(
      'OperationUnsupported.EipChargeType',
      `The EIP ${eip.id} is subscription (PrePaid); only pay-as-you-go EIPs can join a shared bandwidth.`,
    );
  }
  if (eip.isp !== pkg.isp) {
    throw conflict(
      'OperationUnsupported.IspNotMatch',
      `The EIP ${eip.id} uses line ${eip.isp} but the shared bandwidth uses ${pkg.isp}.`,
    );
  }
}

function join(ctx: Ctx, pkg: CbwpRow, eips: EipRow[]): void {
  for (const eip of eips) {
    eip.packageId = pkg.id;
    eip.relation = 'BINDING';
    pkg.ips.push(eip.id);
    ctx.state.schedule({ due: ctx.now + ctx.asyncMs, kind: 'eip.binded', id: eip.id });
  }
}

function checkIpType(ctx: Ctx): void {
  ctx.params.oneOf('IpType', ['EIP'] as const);
}

function addOne(ctx: Ctx): Record<string, unknown> {
  const regionId = regionOf(ctx);
  const pkg = packageOf(ctx, regionId, ctx.params.required('BandwidthPackageId'));
  const eip = eipOf(ctx, regionId, ctx.params.required('IpInstanceId'), 'InvalidIpInstanceId.NotFound');
  checkIpType(ctx);
  assertWritable(pkg);
  checkJoinable(pkg, eip);
  if (ctx.params.bool('DryRun'))
    throw new ApiError(400, 'DryRunOperation', 'Request validation has been passed with DryRun flag set.');
  join(ctx, pkg, [eip]);
  return {};
}

function addMany(ctx: Ctx): Record<string, unknown> {
  const regionId = regionOf(ctx);
  const pkg = packageOf(ctx, regionId, ctx.params.required('BandwidthPackageId'));
  const ids = ctx.params.list('IpInstanceIds');
  if (ids.length === 0) ctx.params.required('IpInstanceIds.1');
  if (ids.length > 10)
    throw new ApiError(
      400,
      'InvalidParameter.IpInstanceIds',
      'At most 10 IpInstanceIds can be added per call.',
    );
  if (new Set(ids).size !== ids.length)
    throw new ApiError(400, 'InvalidParameter.IpInstanceIds', 'IpInstanceIds contains duplicates.');
  checkIpType(ctx);
  const eips = ids.map((id) => eipOf(ctx, regionId, id, 'InvalidIpInstanceId.NotFound'));
  assertWritable(pkg);
  for (const eip of eips) checkJoinable(pkg, eip);
  join(ctx, pkg, eips);
  return {};
}

function memberOf(ctx: Ctx, pkg: CbwpRow, id: string, param: string): EipRow {
  const eip = eipOf(ctx, pkg.regionId, id, 'InvalidInstanceId.NotFound');
  if (eip.packageId !== pkg.id) {
    throw conflict(
      'OperationUnsupported.IpNotInCbwp',
      `The ${param} ${id} is not in the shared bandwidth ${pkg.id}.`,
    );
  }
  if (eip.relation === 'BINDING' || eip.removing) {
    throw conflict(
      'IncorrectStatus.Eip',
      `The EIP ${id} is being ${eip.removing ? 'removed' : 'added'}; wait until it is done.`,
    );
  }
  return eip;
}

function removeOne(ctx: Ctx): Record<string, unknown> {
  const regionId = regionOf(ctx);
  const pkg = packageOf(ctx, regionId, ctx.params.required('BandwidthPackageId'));
  const eip = memberOf(ctx, pkg, ctx.params.required('IpInstanceId'), 'IpInstanceId');
  assertWritable(pkg);
  if (ctx.params.bool('DryRun'))
    throw new ApiError(400, 'DryRunOperation', 'Request validation has been passed with DryRun flag set.');
  eip.removing = true;
  ctx.state.schedule({ due: ctx.now + ctx.asyncMs, kind: 'eip.removed', id: eip.id });
  return {};
}

function modifyIpBandwidth(ctx: Ctx): Record<string, unknown> {
  const regionId = regionOf(ctx);
  const pkg = packageOf(ctx, regionId, ctx.params.required('BandwidthPackageId'));
  const eip = memberOf(ctx, pkg, ctx.params.required('EipId'), 'EipId');
  ctx.params.required('Bandwidth');
  const cap = ctx.params.int('Bandwidth', {
    min: 1,
    max: pkg.bandwidth,
    code: 'InvalidParameter.Bandwidth',
  })!;
  assertWritable(pkg);
  eip.cap = cap;
  return {};
}

function cancelIpBandwidth(ctx: Ctx): Record<string, unknown> {
  const regionId = regionOf(ctx);
  const pkg = packageOf(ctx, regionId, ctx.params.required('BandwidthPackageId'));
  const eip = memberOf(ctx, pkg, ctx.params.required('EipId'), 'EipId');
  assertWritable(pkg);
  delete eip.cap;
  return {};
}

export const IP_ACTIONS: ActionTable = {
  AddCommonBandwidthPackageIp: { write: true, clientToken: true, run: addOne },
  AddCommonBandwidthPackageIps: { write: true, clientToken: true, run: addMany },
  RemoveCommonBandwidthPackageIp: { write: true, clientToken: true, run: removeOne },
  ModifyCommonBandwidthPackageIpBandwidth: { write: true, run: modifyIpBandwidth },
  CancelCommonBandwidthPackageIpBandwidth: { write: true, run: cancelIpBandwidth },
};
