import type { FieldClass } from '../../model/plan.js';

/** How each YAML field of a CEN bandwidth package changes (reference §2.1). */
export const FIELDS = {
  name: 'mutable', // ModifyCenBandwidthPackageAttribute
  description: 'mutable',
  bandwidth: 'mutable-with-wait', // ModifyCenBandwidthPackageSpec, poll until it matches
  tags: 'mutable', // CBN TagResources / UntagResources, ResourceType bandwidthpackage
  cens: 'mutable-with-wait', // Associate / UnassociateCenBandwidthPackage
  areas: 'immutable',
  chargeType: 'immutable',
  period: 'create-only',
  pricingCycle: 'create-only',
  autoRenew: 'create-only',
  autoRenewDuration: 'create-only',
} as const satisfies Record<string, FieldClass>;

export const REQUIRED_FOR_CREATE = ['bandwidth', 'areas'];
export const PAGE_SIZE = 50;
export const RESOURCE_TYPE = 'bandwidthpackage';
export const ID_FIELD = 'CenBandwidthPackageId';
/**
 * CBN is a central endpoint and ignores RegionId; steps still carry a real region so that a
 * client that always sends one sends a valid value.
 */
export const API_REGION = 'cn-hangzhou';
