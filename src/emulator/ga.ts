import { type ActionTable, type Ctx, paging } from './context.js';
import { ApiError, conflict, invalidParameter, missingParameter } from './errors.js';
import { ACCELERATOR_ACTIONS, acceleratorOf, gaRegion } from './ga-accelerator.js';
import { checkTags } from './params.js';
import type { GaBwpRow } from './state.js';
import { pageOf } from './table.js';
import { tagActions } from './tags.js';

function planOf(ctx: Ctx, id: string): GaBwpRow {
  const plan = ctx.state.gaBwps.get(id);
  if (!plan)
    throw new ApiError(400, 'NotExist.BandwidthPackage', `The bandwidth package ${id} does not exist.`);
  return plan;
}

function stateError(plan: GaBwpRow, allowed: string[]): void {
  if (!allowed.includes(plan.state)) {
    throw conflict(
      'StateError.BandwidthPackage',
      `The bandwidth package ${plan.id} is ${plan.state}; this operation needs ${allowed.join(' or ')}.`,
    );
  }
}

function createPlan(ctx: Ctx): Record<string, unknown> {
  const p = ctx.params;
  gaRegion(ctx);
  p.required('Bandwidth');
  const bandwidth = p.int('Bandwidth', { min: 2, max: 2000, code: 'BandwidthIllegal.BandwidthPackage' })!;
  p.required('Type');
  const type = p.oneOf('Type', ['Basic', 'CrossDomain'] as const)!;
  const bandwidthType = p.oneOf('BandwidthType', ['Basic', 'Enhanced', 'Advanced'] as const);
  if (type === 'Basic' && !bandwidthType) throw missingParameter('BandwidthType');
  const charge = p.oneOf('ChargeType', ['PREPAY', 'POSTPAY'] as const) ?? 'PREPAY';
  const billing = p.oneOf('BillingType', ['PayByTraffic', 'PayBY95'] as const) ?? 'PayByTraffic';
  const ratio = p.int('Ratio', { min: 30, max: 100 });
  if (charge === 'PREPAY') {
    const cycle = p.oneOf('PricingCycle', ['Month', 'Year'] as const);
    if (!cycle) throw missingParameter('PricingCycle');
    p.required('Duration');
    p.int('Duration', { min: 1, max: cycle === 'Month' ? 9 : 3 });
  }
  const tags = p.tags();
  checkTags(tags, { keyMax: 64, valueMax: 128 });
  const id = ctx.state.nextId('gbwp-bp1', 16);
  ctx.state.gaBwps.add({
    id,
    regionId: 'cn-hangzhou',
    name: '',
    description: '',
    bandwidth,
    type,
    bandwidthType: bandwidthType ?? '',
    chargeType: charge,
    billingType: billing,
    ratio: ratio ?? 30,
    state: 'init',
    accelerators: [],
    createTime: ctx.now,
    ...(charge === 'PREPAY' ? { expiredTime: ctx.now + 31 * 86_400_000 } : {}),
    resourceGroupId: p.get('ResourceGroupId') || 'rg-acfmdefault0000',
    tags,
  });
  ctx.state.schedule({ due: ctx.now + ctx.asyncMs, kind: 'ga.ready', id });
  return {
    BandwidthPackageId: id,
    ...(charge === 'PREPAY' ? { OrderId: `${ctx.state.sequence}000000` } : {}),
  };
}

/** GA answers plain arrays, epoch-ms times as strings, and the `finacialLocked` spelling for locks. */
function planView(plan: GaBwpRow): Record<string, unknown> {
  return {
    BandwidthPackageId: plan.id,
    Name: plan.name,
    Description: plan.description,
    Bandwidth: plan.bandwidth,
    Type: plan.type,
    BandwidthType: plan.bandwidthType,
    ChargeType: plan.chargeType,
    BillingType: plan.billingType,
    Ratio: plan.ratio,
    State: plan.state,
    RegionId: plan.regionId,
    ResourceGroupId: plan.resourceGroupId,
    Accelerators: [...plan.accelerators],
    CbnGeographicRegionIdA: '',
    CbnGeographicRegionIdB: '',
    CreateTime: String(plan.createTime),
    ExpiredTime: plan.expiredTime === undefined ? '' : String(plan.expiredTime),
    Tags: plan.tags.map((t) => ({ Key: t.Key, Value: t.Value })),
  };
}

function describePlan(ctx: Ctx): Record<string, unknown> {
  gaRegion(ctx);
  return planView(planOf(ctx, ctx.params.required('BandwidthPackageId')));
}

function listPlans(ctx: Ctx): Record<string, unknown> {
  gaRegion(ctx);
  const { pageNumber, pageSize } = paging(ctx, 100);
  const id = ctx.params.get('BandwidthPackageId');
  const state = ctx.params.get('State');
  const type = ctx.params.get('Type');
  const tags = ctx.params.tags();
  const hasFilter = Boolean(id) || Boolean(state) || Boolean(type) || tags.length > 0;
  const filter = (g: GaBwpRow) =>
    (!id || g.id === id) &&
    (!state || g.state === state) &&
    (!type || g.type === type) &&
    tags.every((t) => g.tags.some((h) => h.Key === t.Key && (t.Value === '' || h.Value === t.Value)));
  const one = id ? ctx.state.gaBwps.get(id) : undefined;
  const source = id ? (one ? [one] : []) : ctx.state.gaBwps;
  const { rows, total } = pageOf(source, {
    pageNumber,
    pageSize,
    ...(hasFilter ? { filter } : {}),
  });
  return {
    PageNumber: pageNumber,
    PageSize: pageSize,
    TotalCount: total,
    BandwidthPackages: rows.map(planView),
  };
}

function checkGaName(value: string | undefined): void {
  if (value === undefined) return;
  if (!/^[A-Za-z][A-Za-z0-9._-]{1,127}$/.test(value)) {
    throw invalidParameter(
      'Name',
      'use 2-128 characters starting with a letter: letters, digits, ".", "_" or "-"',
      'IllegalParameter.Name',
    );
  }
}

function updatePlan(ctx: Ctx): Record<string, unknown> {
  const p = ctx.params;
  gaRegion(ctx);
  const plan = planOf(ctx, p.required('BandwidthPackageId'));
  const name = p.get('Name');
  checkGaName(name);
  const description = p.get('Description');
  if (description !== undefined && description.length > 256)
    throw invalidParameter('Description', 'at most 256 characters');
  const bandwidth = p.int('Bandwidth', { min: 2, max: 2000, code: 'BandwidthIllegal.BandwidthPackage' });
  const bandwidthType = p.oneOf('BandwidthType', ['Basic', 'Enhanced', 'Advanced'] as const);
  stateError(plan, ['active', 'binded']);
  if (
    bandwidthType &&
    bandwidthType !== plan.bandwidthType &&
    (bandwidthType === 'Advanced' || plan.bandwidthType === 'Advanced')
  ) {
    throw conflict(
      'UpgradeError.BandwidthPackage',
      'BandwidthType can change only between Basic and Enhanced.',
    );
  }
  if (name !== undefined) plan.name = name;
  if (description !== undefined) plan.description = description;
  if (bandwidthType) plan.bandwidthType = bandwidthType;
  if (bandwidth !== undefined && bandwidth !== plan.bandwidth) {
    plan.pendingBandwidth = bandwidth;
    plan.state = 'updating';
    ctx.state.schedule({ due: ctx.now + ctx.asyncMs, kind: 'ga.ready', id: plan.id });
  }
  return { BandwidthPackage: plan.id, Name: plan.name, Description: plan.description };
}

function deletePlan(ctx: Ctx): Record<string, unknown> {
  gaRegion(ctx);
  const plan = planOf(ctx, ctx.params.required('BandwidthPackageId'));
  if (plan.accelerators.length > 0 || plan.state === 'binded') {
    throw conflict(
      'BindExist.BandwidthPackage',
      `The bandwidth package ${plan.id} is bound to ${plan.accelerators.join(', ')}; remove the accelerator first.`,
    );
  }
  stateError(plan, ['active']);
  if (plan.chargeType === 'PREPAY') {
    throw conflict(
      'NotSupport.PrePayBandwidthPackage',
      'A subscription (PREPAY) bandwidth package cannot be deleted; unsubscribe it instead.',
    );
  }
  plan.state = 'deleting';
  ctx.state.schedule({ due: ctx.now + ctx.asyncMs, kind: 'ga.deleted', id: plan.id });
  return { BandwidthPackageId: plan.id };
}

function addAccelerator(ctx: Ctx): Record<string, unknown> {
  gaRegion(ctx);
  const plan = planOf(ctx, ctx.params.required('BandwidthPackageId'));
  const acc = acceleratorOf(ctx, ctx.params.required('AcceleratorId'));
  stateError(plan, ['active']);
  if (acc.state !== 'active')
    throw conflict('StateError.Accelerator', `The accelerator ${acc.id} is ${acc.state}.`);
  if (acc.bandwidthPackageId) {
    throw conflict(
      'BindExist.Accelerator',
      `The accelerator ${acc.id} already uses bandwidth package ${acc.bandwidthPackageId}.`,
    );
  }
  plan.state = 'binding';
  acc.state = 'configuring';
  ctx.state.schedule({ due: ctx.now + ctx.asyncMs, kind: 'ga.binded', id: plan.id, other: acc.id });
  return { BandwidthPackageId: plan.id, Accelerators: [acc.id] };
}

function removeAccelerator(ctx: Ctx): Record<string, unknown> {
  gaRegion(ctx);
  const plan = planOf(ctx, ctx.params.required('BandwidthPackageId'));
  const acc = acceleratorOf(ctx, ctx.params.required('AcceleratorId'));
  stateError(plan, ['binded']);
  if (!plan.accelerators.includes(acc.id)) {
    throw conflict('NotExist.BindRelation', `The accelerator ${acc.id} is not bound to ${plan.id}.`);
  }
  if (acc.state !== 'active')
    throw conflict('StateError.Accelerator', `The accelerator ${acc.id} is ${acc.state}.`);
  plan.state = 'unbinding';
  acc.state = 'configuring';
  ctx.state.schedule({ due: ctx.now + ctx.asyncMs, kind: 'ga.unbinded', id: plan.id, other: acc.id });
  return { BandwidthPackageId: plan.id, Accelerators: plan.accelerators.filter((a) => a !== acc.id) };
}

export const GA_ACTIONS: ActionTable = {
  ...ACCELERATOR_ACTIONS,
  CreateBandwidthPackage: { write: true, clientToken: true, run: createPlan },
  DescribeBandwidthPackage: { write: false, run: describePlan },
  ListBandwidthPackages: { write: false, run: listPlans },
  UpdateBandwidthPackage: { write: true, run: updatePlan },
  DeleteBandwidthPackage: { write: true, clientToken: true, run: deletePlan },
  BandwidthPackageAddAccelerator: { write: true, run: addAccelerator },
  BandwidthPackageRemoveAccelerator: { write: true, run: removeAccelerator },
  ...tagActions({
    untagAction: 'UntagResources',
    maxIds: 50,
    regionRequired: true,
    keyMax: 64,
    targets: {
      bandwidthpackage: {
        echo: 'bandwidthpackage',
        find: (ctx, id) => ctx.state.gaBwps.get(id),
        all: (ctx) => ctx.state.gaBwps.values(),
      },
    },
  }),
};
