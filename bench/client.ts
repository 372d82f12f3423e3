import { createClient } from '../src/aliyun/client.js';
import { staticCredentials } from '../src/aliyun/credentials.js';
import type { RateLimits } from '../src/aliyun/ratelimit.js';
import type { RpcClient } from '../src/aliyun/types.js';
import { DEFAULT_QPS, DEMO_CREDENTIALS } from '../src/emulator/index.js';
import type { Product } from '../src/model/kinds.js';

/**
 * The benchmark's emulator applies its default per-action limits (reads 100/s, writes 50/s).
 * The client is set 5% under them, as a user sets it a little under the account's quota: at
 * exactly the quota, the two token buckets drift by a few milliseconds and a few calls are
 * answered Throttling.User and sent again (measured: 4 of 270 reads in plan-large).
 */
export const EMULATOR_LIMITS = DEFAULT_QPS;
export const CLIENT_HEADROOM = 0.95;

/** `--no-rate-limits` (run.ts passes it to the scenario processes in the environment). */
export const RATE_LIMITS_ON = process.env.BWSYNC_BENCH_RATE_LIMITS !== 'off';

/** The emulator's `rateLimits` option: its defaults, or none. */
export function emulatorRateLimits(): Record<string, number> | false {
  return RATE_LIMITS_ON ? {} : false;
}

export const WRITE_ACTIONS: Record<string, Product> = {
  CreateCommonBandwidthPackage: 'vpc',
  ModifyCommonBandwidthPackageAttribute: 'vpc',
  ModifyCommonBandwidthPackageSpec: 'vpc',
  DeleteCommonBandwidthPackage: 'vpc',
  AddCommonBandwidthPackageIp: 'vpc',
  AddCommonBandwidthPackageIps: 'vpc',
  RemoveCommonBandwidthPackageIp: 'vpc',
  ModifyCommonBandwidthPackageIpBandwidth: 'vpc',
  CancelCommonBandwidthPackageIpBandwidth: 'vpc',
  DeletionProtection: 'vpc',
  TagResources: 'vpc',
  UnTagResources: 'vpc',
  CreateCenBandwidthPackage: 'cbn',
  ModifyCenBandwidthPackageAttribute: 'cbn',
  ModifyCenBandwidthPackageSpec: 'cbn',
  DeleteCenBandwidthPackage: 'cbn',
  AssociateCenBandwidthPackage: 'cbn',
  UnassociateCenBandwidthPackage: 'cbn',
  CreateBandwidthPackage: 'ga',
  UpdateBandwidthPackage: 'ga',
  DeleteBandwidthPackage: 'ga',
  BandwidthPackageAddAccelerator: 'ga',
  BandwidthPackageRemoveAccelerator: 'ga',
};

/** Per-action calls per second the emulator allows (for the rate-limit term of the bounds). */
export function emulatorLimitFor(action: string): number {
  return action in WRITE_ACTIONS ? EMULATOR_LIMITS.write : EMULATOR_LIMITS.read;
}

export function limitsFor(actions: string[]): Record<string, number> {
  return RATE_LIMITS_ON ? Object.fromEntries(actions.map((a) => [a, emulatorLimitFor(a)])) : {};
}

function rate(quota: number): { perSecond: number; burst: number } {
  return { perSecond: quota * CLIENT_HEADROOM, burst: quota * CLIENT_HEADROOM };
}

function clientLimits(): RateLimits {
  const limits: RateLimits = { default: rate(EMULATOR_LIMITS.read) };
  for (const [action, product] of Object.entries(WRITE_ACTIONS))
    limits[`${product}:${action}`] = rate(EMULATOR_LIMITS.write);
  return limits;
}

export function benchClient(endpoint: string): RpcClient {
  return createClient({
    credentials: staticCredentials(DEMO_CREDENTIALS, 'emulator'),
    endpoint,
    rateLimits: RATE_LIMITS_ON ? clientLimits() : false,
  });
}
