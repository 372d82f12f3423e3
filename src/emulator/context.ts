import { ApiError, missingParameter } from './errors.js';
import type { Params } from './params.js';
import type { CloudState } from './state.js';

/** Everything an action handler sees. Handlers are synchronous and mutate `state` directly. */
export interface Ctx {
  params: Params;
  state: CloudState;
  now: number;
  asyncMs: number;
}

export interface ActionDef {
  /** Writes are counted for faults ("ambiguous" performs only writes) and persisted. */
  write: boolean;
  /** Accepts `ClientToken` for idempotency. */
  clientToken?: boolean;
  run(ctx: Ctx): Record<string, unknown>;
}

export type ActionTable = Record<string, ActionDef>;

/** Real Alibaba Cloud region ids the emulator accepts. */
export const REGIONS: ReadonlySet<string> = new Set([
  'cn-hangzhou',
  'cn-shanghai',
  'cn-qingdao',
  'cn-beijing',
  'cn-zhangjiakou',
  'cn-huhehaote',
  'cn-wulanchabu',
  'cn-shenzhen',
  'cn-heyuan',
  'cn-guangzhou',
  'cn-chengdu',
  'cn-nanjing',
  'cn-fuzhou',
  'cn-wuhan-lr',
  'cn-zhengzhou-jva',
  'cn-hangzhou-finance',
  'cn-shanghai-finance-1',
  'cn-shenzhen-finance-1',
  'cn-beijing-finance-1',
  'cn-hongkong',
  'ap-south-1',
  'ap-southeast-2',
  'na-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-southeast-1',
  'ap-southeast-3',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'us-east-1',
  'us-west-1',
  'eu-west-1',
  'eu-central-1',
  'me-east-1',
  'me-central-1',
]);

/** Short id stems per region, like the real `bp1` (Hangzhou) and `uf6` (Shanghai). */
const STEMS: Record<string, string> = { 'cn-hangzhou': 'bp1', 'cn-shanghai': 'uf6', 'cn-beijing': '2ze' };

export function regionOf(ctx: Ctx): string {
  const region = ctx.params.get('RegionId');
  if (region === undefined || region === '') throw missingParameter('RegionId');
  if (!REGIONS.has(region)) {
    throw new ApiError(
      404,
      'InvalidRegionId.NotFound',
      `The specified RegionId does not exist in our records: ${region}.`,
    );
  }
  return region;
}

export function stemOf(regionId: string): string {
  return STEMS[regionId] ?? 'gw';
}

export function newId(ctx: Ctx, prefix: string, regionId?: string): string {
  const stem = regionId === undefined ? '' : stemOf(regionId);
  return ctx.state.nextId(`${prefix}-${stem}`, 20 - stem.length);
}

/** `2017-06-28T06:39:20Z` (VPC style, seconds, no millis). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `2021-02-01T11:14Z` (CBN style, no seconds). */
export function isoMinutes(ms: number): string {
  return new Date(ms).toISOString().replace(/:\d\d\.\d{3}Z$/, 'Z');
}

export function paging(
  ctx: Ctx,
  maxSize: number,
  defaultSize = 10,
): { pageNumber: number; pageSize: number } {
  const pageNumber =
    ctx.params.int('PageNumber', { min: 1, max: 1_000_000, code: 'InvalidParameter.PageNumber' }) ?? 1;
  const pageSize =
    ctx.params.int('PageSize', { min: 1, max: maxSize, code: 'InvalidParameter.PageSize' }) ?? defaultSize;
  return { pageNumber, pageSize };
}

export function tagsMatch(
  have: { Key: string; Value: string }[],
  want: { Key: string; Value: string }[],
): boolean {
  return want.every((w) => have.some((h) => h.Key === w.Key && (w.Value === '' || h.Value === w.Value)));
}
