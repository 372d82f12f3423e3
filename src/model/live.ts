import type { Kind } from './kinds.js';

/**
 * Live state as the providers normalise it at the edge: clean domain values, never the API's
 * wrappers or spellings. Member lists (EIPs, CENs, accelerators) share one shape so one diff
 * engine serves all three kinds.
 */
export interface LiveMember {
  id: string;
  /** Relation status where the API reports one (`BINDED`, `BINDING`); undefined otherwise. */
  status?: string;
  /**
   * sharedBandwidth only: the per-IP cap in Mbit/s, or null for "no cap". Undefined when the
   * cap was not read (EIPs are read only for packages whose YAML declares caps).
   */
  bandwidth?: number | null;
  /** Extra display data, e.g. the IP address. */
  label?: string;
}

export interface LiveBase {
  kind: Kind;
  id: string;
  region: string;
  name: string;
  description: string;
  /** Normalised status: CBWP `Available`/`Modifying`, CEN `Idle`/`InUse`, GA `init`/`active`/`binded`/… */
  status: string;
  bandwidth: number;
  tags: Record<string, string>;
  members: LiveMember[];
  /** Why the API will not delete it (prepaid, PayBy95, …); undefined when it can be deleted. */
  undeletableReason?: string;
}

export interface LiveSharedBandwidth extends LiveBase {
  kind: 'sharedBandwidth';
  isp: string;
  internetChargeType: string;
  instanceChargeType: string;
  ratio?: number;
  zone?: string;
  resourceGroupId?: string;
  businessStatus: string;
  deletionProtection: boolean;
  /** True when the per-IP caps of `members` were read from DescribeEipAddresses. */
  capsRead: boolean;
}

export interface LiveCenBandwidth extends LiveBase {
  kind: 'cenBandwidth';
  /** Title case, normalised from the API's lower case, in the API's A/B order. */
  areas: [string, string];
  chargeType: string;
  businessStatus: string;
  expiredTime?: string;
}

export interface LiveGaBandwidth extends LiveBase {
  kind: 'gaBandwidth';
  type: string;
  bandwidthType?: string;
  chargeType: string;
  billingType?: string;
  ratio?: number;
  /** ISO 8601, converted from the API's epoch milliseconds. */
  createTime?: string;
  expiredTime?: string;
}

export type LiveResource = LiveSharedBandwidth | LiveCenBandwidth | LiveGaBandwidth;

export interface LiveState {
  resources: LiveResource[];
  /** Regions read for sharedBandwidth. */
  regions: string[];
}
