import type { FieldClass } from '../../model/plan.js';

/** How each YAML field of a shared bandwidth package (CBWP) changes (reference §1.1). */
export const FIELDS = {
  name: 'mutable', // ModifyCommonBandwidthPackageAttribute
  description: 'mutable', // ModifyCommonBandwidthPackageAttribute
  bandwidth: 'mutable-with-wait', // ModifyCommonBandwidthPackageSpec: Modifying → Available
  deletionProtection: 'mutable', // DeletionProtection Type=CBWP
  tags: 'mutable', // TagResources / UnTagResources, COMMONBANDWIDTHPACKAGE
  ips: 'mutable-with-wait', // Add…Ips (≤10 per call) / Remove…Ip: BINDING → BINDED
  isp: 'immutable',
  internetChargeType: 'immutable',
  ratio: 'immutable',
  zone: 'immutable',
  resourceGroupId: 'create-only', // moving groups is MoveResourceGroup, not managed here
} as const satisfies Record<string, FieldClass>;

export const REQUIRED_FOR_CREATE = ['bandwidth'];

/** Largest page sizes the APIs accept. */
export const PAGE_SIZE = 50;
export const EIP_PAGE_SIZE = 100;
/** DescribeEipAddresses takes at most 50 comma-separated AllocationIds. */
export const EIP_IDS_PER_CALL = 50;
/** AddCommonBandwidthPackageIps takes at most 10 ids per call. */
export const ADD_IPS_BATCH = 10;

export const RESOURCE_TYPE = 'COMMONBANDWIDTHPACKAGE';
export const ID_FIELD = 'BandwidthPackageId';
