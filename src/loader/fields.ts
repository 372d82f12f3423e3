import type {
  DesiredBase,
  DesiredCenBandwidth,
  DesiredGaBandwidth,
  DesiredResource,
  DesiredSharedBandwidth,
} from '../model/desired.js';
import type { Kind } from '../model/kinds.js';

/** Model keys that the loader computes rather than reads from YAML. */
type Computed = 'kind' | 'address' | 'loc' | 'fieldLocs';
type YamlKeys<T extends DesiredBase> = Exclude<keyof T, Computed>;
/** CEN and GA packages are global: `region` is set by the loader, never written in YAML. */
type GlobalYamlKeys<T extends DesiredBase> = Exclude<YamlKeys<T>, 'region'>;

/** Every YAML key of a sharedBandwidth declaration; checked against the model below. */
export const SHARED_BANDWIDTH_FIELDS = [
  'name',
  'region',
  'id',
  'ensure',
  'protect',
  'description',
  'tags',
  'bandwidth',
  'isp',
  'internetChargeType',
  'ratio',
  'zone',
  'resourceGroupId',
  'deletionProtection',
  'ips',
] as const satisfies readonly YamlKeys<DesiredSharedBandwidth>[];

export const CEN_BANDWIDTH_FIELDS = [
  'name',
  'id',
  'ensure',
  'protect',
  'description',
  'tags',
  'bandwidth',
  'areas',
  'chargeType',
  'period',
  'pricingCycle',
  'autoRenew',
  'autoRenewDuration',
  'cens',
] as const satisfies readonly GlobalYamlKeys<DesiredCenBandwidth>[];

export const GA_BANDWIDTH_FIELDS = [
  'name',
  'id',
  'ensure',
  'protect',
  'description',
  'tags',
  'bandwidth',
  'type',
  'bandwidthType',
  'chargeType',
  'billingType',
  'ratio',
  'period',
  'pricingCycle',
  'autoRenew',
  'autoRenewDuration',
  'accelerators',
] as const satisfies readonly GlobalYamlKeys<DesiredGaBandwidth>[];

// Compile-time completeness: a model field missing from a list above fails the typecheck.
type Missing<T extends DesiredBase, L extends readonly string[], Keys = YamlKeys<T>> = Exclude<
  Keys,
  L[number]
>;
const complete: [
  Missing<DesiredSharedBandwidth, typeof SHARED_BANDWIDTH_FIELDS>,
  Exclude<Missing<DesiredCenBandwidth, typeof CEN_BANDWIDTH_FIELDS>, 'region'>,
  Exclude<Missing<DesiredGaBandwidth, typeof GA_BANDWIDTH_FIELDS>, 'region'>,
] extends [never, never, never]
  ? true
  : false = true;
void complete;

export const FIELDS_BY_KIND = {
  sharedBandwidth: SHARED_BANDWIDTH_FIELDS,
  cenBandwidth: CEN_BANDWIDTH_FIELDS,
  gaBandwidth: GA_BANDWIDTH_FIELDS,
} as const satisfies Record<Kind, readonly string[]>;

/** Fields other than identity that say something about a package (ignored for `ensure: absent`). */
export const IDENTITY_FIELDS: ReadonlySet<string> = new Set(['name', 'region', 'id', 'ensure', 'protect']);

export type AnyResource = DesiredResource;
