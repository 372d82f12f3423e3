import type { FieldClass } from '../../model/plan.js';

/** How each YAML field of a GA bandwidth plan changes (reference §3.1). */
export const FIELDS = {
  name: 'mutable', // UpdateBandwidthPackage (sync)
  description: 'mutable',
  bandwidth: 'mutable-with-wait', // UpdateBandwidthPackage, poll the package
  bandwidthType: 'mutable', // Basic ↔ Enhanced only; Advanced is fixed (see classify)
  tags: 'mutable', // GA TagResources / UntagResources, ResourceType bandwidthpackage
  accelerators: 'mutable-with-wait', // BandwidthPackageAdd/RemoveAccelerator
  type: 'immutable',
  chargeType: 'immutable',
  billingType: 'immutable',
  ratio: 'immutable',
  period: 'create-only',
  pricingCycle: 'create-only',
  autoRenew: 'create-only',
  autoRenewDuration: 'create-only',
} as const satisfies Record<string, FieldClass>;

/** `Advanced` can be neither left nor entered in place. */
export function classify(field: string, before: unknown, after: unknown): FieldClass {
  if (field === 'bandwidthType' && (before === 'Advanced' || after === 'Advanced')) return 'immutable';
  return (FIELDS as Record<string, FieldClass>)[field] ?? 'mutable';
}

export const REQUIRED_FOR_CREATE = ['bandwidth'];
export const PAGE_SIZE = 100;
export const RESOURCE_TYPE = 'bandwidthpackage';
export const ID_FIELD = 'BandwidthPackageId';
/** Every GA action requires RegionId=cn-hangzhou. */
export const API_REGION = 'cn-hangzhou';
