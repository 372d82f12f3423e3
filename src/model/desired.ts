import type { Kind } from './kinds.js';
import type { SourceLoc } from './source.js';

/**
 * The desired state the loader produces from YAML. Optional fields are "don't care": an
 * omitted field never plans a change on an existing resource; defaults apply only at create.
 */
export interface DesiredBase {
  kind: Kind;
  /** `<kind>/<region>/<name>` or `<kind>/<name>`; see model/kinds.ts addressOf. */
  address: string;
  name: string;
  /** Real region for sharedBandwidth; GLOBAL_REGION for cenBandwidth and gaBandwidth. */
  region: string;
  /** Adopt this existing cloud resource instead of matching by name. */
  id?: string;
  ensure: 'present' | 'absent';
  /** Forbids any delete or replacement of this resource, whatever the flags. */
  protect: boolean;
  description?: string;
  /** User tags. The `bwsync:stack` tag is added by the planner, not written here. */
  tags?: Record<string, string>;
  /** Where the declaration starts. */
  loc: SourceLoc;
  /** Where each declared field is, by field name (`bandwidth`, `ips`, …). */
  fieldLocs: Record<string, SourceLoc>;
}

export interface DesiredIp {
  /** EIP allocation id (`eip-…`). */
  id: string;
  /** Per-IP cap in Mbit/s; undefined = no cap declared ("don't care" unless `bandwidth: null`). */
  bandwidth?: number | null;
  loc: SourceLoc;
}

export interface DesiredSharedBandwidth extends DesiredBase {
  kind: 'sharedBandwidth';
  bandwidth?: number;
  isp?: string;
  internetChargeType?: string;
  ratio?: number;
  zone?: string;
  resourceGroupId?: string;
  deletionProtection?: boolean;
  /** Undefined = membership not managed; [] = the package must hold no EIPs. */
  ips?: DesiredIp[];
}

export interface DesiredCenBandwidth extends DesiredBase {
  kind: 'cenBandwidth';
  bandwidth?: number;
  /** The two geographic areas, title case as the API takes them (`China`, `Asia-Pacific`). */
  areas?: [string, string];
  chargeType?: string;
  period?: number;
  pricingCycle?: string;
  autoRenew?: boolean;
  autoRenewDuration?: number;
  /** CEN instance ids this package is associated with; undefined = not managed. */
  cens?: string[];
}

export interface DesiredGaBandwidth extends DesiredBase {
  kind: 'gaBandwidth';
  bandwidth?: number;
  type?: string;
  bandwidthType?: string;
  chargeType?: string;
  billingType?: string;
  ratio?: number;
  period?: number;
  pricingCycle?: string;
  autoRenew?: boolean;
  autoRenewDuration?: number;
  /** GA accelerator ids bound to this plan; undefined = not managed. */
  accelerators?: string[];
}

export type DesiredResource = DesiredSharedBandwidth | DesiredCenBandwidth | DesiredGaBandwidth;

export interface DesiredState {
  version: 1;
  /** Owner id; set as the `bwsync:stack` tag on everything bwsync creates. */
  stack: string;
  /** Sorted by address. */
  resources: DesiredResource[];
  /** The files read, in the order read. */
  files: string[];
}
