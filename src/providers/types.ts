import type { RpcClient } from '../aliyun/types.js';
import type { DesiredResource } from '../model/desired.js';
import type { Kind, Product } from '../model/kinds.js';
import type { LiveResource } from '../model/live.js';
import type { AttributeChange, FieldClass, PlainValue, Step, StepRef } from '../model/plan.js';

/**
 * The Provider contract: one implementation per kind, same anatomy in each folder
 * (index.ts, fields.ts, api.ts, convert.ts, steps.ts, waits.ts). The planner and executor only
 * speak to this interface; product quirks live behind it.
 */
export interface ListScope {
  /** sharedBandwidth: regions to list (each read in parallel). Ignored by global kinds. */
  regions: string[];
  /**
   * Package ids (sharedBandwidth) whose per-IP caps must be read via DescribeEipAddresses,
   * because the YAML declares caps for them. Empty = no EIP reads.
   */
  capsFor?: string[];
  /** Also read caps for the packages this picks (name matches known only after listing). */
  capsWhere?: (pkg: LiveResource) => boolean;
  /** When set, only these EIPs of the `capsFor` packages are read (the ones the YAML caps). */
  capIps?: string[];
  signal?: AbortSignal;
}

/** Where the steps of one resource point: its cloud id, or the create step that makes it. */
export interface StepTarget {
  address: string;
  region: string;
  /** Cloud id, or a reference to the create step's response field. */
  id: string | StepRef;
  /** The mutation lock of this resource: its id, or its address while it does not exist yet. */
  lock: string;
}

/** A step plus what it does to members, so the planner can order moves across packages. */
export interface StepDraft {
  step: Step;
  /** Member ids this step detaches from its package. */
  detaches?: string[];
  /** Member ids this step attaches to its package. */
  attaches?: string[];
}

export interface CapChange {
  member: string;
  before: number | null | undefined;
  after: number | null;
}

/** Everything the planner decided for an existing resource; the provider turns it into steps. */
export interface UpdateWork {
  target: StepTarget;
  desired: DesiredResource;
  live: LiveResource;
  /** Changed scalar fields (members, caps and tags excluded). */
  changes: AttributeChange[];
  tagsSet: Record<string, string>;
  tagsRemove: string[];
  addMembers: string[];
  removeMembers: string[];
  caps: CapChange[];
}

export interface CreateWork {
  target: StepTarget;
  desired: DesiredResource;
  /** User tags plus the stack tag, set at create. */
  tags: Record<string, string>;
  /** Members (after moves are resolved) to attach after create. */
  members: string[];
}

export interface DeleteWork {
  target: StepTarget;
  live: LiveResource;
  /** Members that must be detached explicitly first (wanted elsewhere). */
  detachFirst: string[];
  /** Turn off the cloud's deletion protection first (the YAML says so). */
  disableProtection: boolean;
}

export interface Provider {
  kind: Kind;
  product: Product;
  /** The field-class table: drives diff and replacement decisions. */
  fields: Record<string, FieldClass>;
  /** The YAML field holding members (`ips`, `cens`, `accelerators`). */
  memberField: string;
  /** True when a member can belong to one package only (EIPs, accelerators). */
  exclusiveMembers: boolean;
  /** The create response field holding the new id (`BandwidthPackageId`, …). */
  idField: string;
  /** Paginated listing at the maximum page size; never one call per resource. */
  list(client: RpcClient, scope: ListScope): Promise<LiveResource[]>;
  /** Re-read a set of ids (one listing per region), for waits and stale checks. */
  read(client: RpcClient, scope: ListScope & { ids: string[] }): Promise<LiveResource[]>;
  /**
   * The comparable view: declared fields only for desired, every field for live. Members as
   * sorted id lists, user tags without the stack tag.
   */
  toView(resource: DesiredResource | LiveResource): Record<string, PlainValue>;
  /** Field class for one concrete change, when it depends on the values (GA bandwidthType). */
  classify?(field: string, before: PlainValue, after: PlainValue): FieldClass;
  /** Declared member ids; undefined when the YAML does not manage membership. */
  desiredMembers(desired: DesiredResource): string[] | undefined;
  /** Declared per-member caps (sharedBandwidth only). */
  desiredCaps?(desired: DesiredResource): Map<string, number | null>;
  /** Fields that must be declared to create (`bandwidth`, `areas`, …). */
  requiredForCreate: string[];
  createSteps(work: CreateWork): StepDraft[];
  updateSteps(work: UpdateWork): StepDraft[];
  deleteSteps(work: DeleteWork): StepDraft[];
}
