import type { ActionTable, Ctx } from './context.js';
import { ApiError, missingParameter } from './errors.js';
import type { AcceleratorRow } from './state.js';

/** Every GA action requires RegionId=cn-hangzhou (reference §0). */
export function gaRegion(ctx: Ctx): string {
  const region = ctx.params.get('RegionId');
  if (!region) throw missingParameter('RegionId');
  if (region !== 'cn-hangzhou')
    throw new ApiError(
      400,
      'InvalidRegionId',
      `Global Accelerator is managed from cn-hangzhou; RegionId ${region} is not valid.`,
    );
  return region;
}

export function acceleratorOf(ctx: Ctx, id: string): AcceleratorRow {
  const acc = ctx.state.accelerators.get(id);
  if (!acc) throw new ApiError(400, 'NotExist.Accelerator', `The accelerator ${id} does not exist.`);
  return acc;
}

function createAccelerator(ctx: Ctx): Record<string, unknown> {
  gaRegion(ctx);
  const name = ctx.params.get('Name') ?? '';
  const spec =
    ctx.params.oneOf('Spec', [
      '1',
      '2',
      '3',
      '5',
      '8',
      '10',
      '20',
      '30',
      '40',
      '50',
      '100',
      '200',
    ] as const) ?? '1';
  const id = ctx.state.nextId('ga-bp1', 16);
  ctx.state.accelerators.add({
    id,
    regionId: 'cn-hangzhou',
    name,
    spec,
    state: 'active',
    createTime: ctx.now,
  });
  return { AcceleratorId: id, OrderId: `${ctx.state.sequence}000000` };
}

function describeAccelerator(ctx: Ctx): Record<string, unknown> {
  gaRegion(ctx);
  const acc = acceleratorOf(ctx, ctx.params.required('AcceleratorId'));
  const plan = acc.bandwidthPackageId ? ctx.state.gaBwps.get(acc.bandwidthPackageId) : undefined;
  return {
    AcceleratorId: acc.id,
    Name: acc.name,
    Description: '',
    State: acc.state,
    Spec: acc.spec,
    RegionId: acc.regionId,
    InstanceChargeType: 'POSTPAY',
    CreateTime: acc.createTime,
    ExpiredTime: 0,
    DnsName: `${acc.id}.aliyunga0019.com`,
    BasicBandwidthPackage: plan
      ? { InstanceId: plan.id, Bandwidth: plan.bandwidth, BandwidthType: plan.bandwidthType }
      : {},
    CrossDomainBandwidthPackage: {},
  };
}

export const ACCELERATOR_ACTIONS: ActionTable = {
  CreateAccelerator: { write: true, clientToken: true, run: createAccelerator },
  DescribeAccelerator: { write: false, run: describeAccelerator },
};
