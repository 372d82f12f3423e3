import { createClient } from '../src/aliyun/client.js';
import { staticCredentials } from '../src/aliyun/credentials.js';
import type { RateLimits } from '../src/aliyun/ratelimit.js';
import type { RpcClient } from '../src/aliyun/types.js';
import { DEFAULT_QPS, DEMO_CREDENTIALS } from '../src/emulator/index.js';
import type { Product } from '../src/model/kinds.js';

/**
 * The benchmark's emulator applies its default per-action limits (reads 100/s, writes 50/s);
 * the client is configured with the same limits, as a user would set them to their account's
 * quota, so neither side hides the other.
 */
export const EMULATOR_LIMITS = DEFAULT_QPS;

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
  return Object.fromEntries(actions.map((a) => [a, emulatorLimitFor(a)]));
}

function clientLimits(): RateLimits {
  const limits: RateLimits = { default: { perSecond: EMULATOR_LIMITS.read, burst: EMULATOR_LIMITS.read } };
  for (const [action, product] of Object.entries(WRITE_ACTIONS)) {
    limits[`${product}:${action}`] = { perSecond: EMULATOR_LIMITS.write, burst: EMULATOR_LIMITS.write };
  }
  return limits;
}

export function benchClient(endpoint: string): RpcClient {
  return createClient({
    credentials: staticCredentials(DEMO_CREDENTIALS, 'emulator'),
    endpoint,
    rateLimits: clientLimits(),
  });
}
