import type { Kind, Product } from './kinds.js';

/**
 * The plan is data. This one type is what `plan --format json` prints, what `plan --out`
 * saves and what `apply plan.json` loads, so its field names are the public JSON names
 * (snake_case, Terraform's JSON-plan vocabulary where it has one).
 */
export const PLAN_FORMAT_VERSION = '1.0';

export type ChangeAction = 'create' | 'update' | 'delete' | 'no-op';

/**
 * Terraform's `change.actions`: `["create"]`, `["update"]`, `["delete"]`,
 * `["delete","create"]` (replace), `["no-op"]`.
 */
export type ChangeActions = ['create'] | ['update'] | ['delete'] | ['delete', 'create'] | ['no-op'];

/** A value as shown in `before`/`after`: plain JSON. */
export type PlainValue = string | number | boolean | null | PlainValue[] | { [key: string]: PlainValue };
export type PlainObject = { [key: string]: PlainValue };

export interface AttributeChange {
  /** Field name as in YAML: `bandwidth`, `ips`, `tags`, `description`, … */
  field: string;
  before: PlainValue;
  after: PlainValue;
  /** The field's class decides how the change is carried out. */
  class: FieldClass;
  /** True when this change forces a replacement. */
  forces_replacement?: boolean;
}

export type FieldClass = 'mutable' | 'mutable-with-wait' | 'create-only' | 'immutable';

export interface ResourceChange {
  address: string;
  kind: Kind;
  region: string;
  name: string;
  /** Cloud id when the resource exists; null for a create. */
  id: string | null;
  change: {
    actions: ChangeActions;
    before: PlainObject | null;
    after: PlainObject | null;
    /** Attribute-level differences (empty for create / delete / no-op). */
    attributes: AttributeChange[];
  };
  /** Why this change is planned: `declared`, `ensure-absent`, `prune`, `adopt`, `drift`. */
  reason?: string;
  protect?: boolean;
}

/** A value in step parameters: literal, or the id produced by an earlier create step. */
export type StepParam = string | number | boolean | StepRef | StepParam[] | { [key: string]: StepParam };
export interface StepRef {
  /** The id of the step whose result supplies this value. */
  ref: string;
  /** Response field of that step, e.g. `BandwidthPackageId`. */
  field: string;
}

/** A condition the executor polls for after a step, by re-listing (batched per region). */
export type WaitCondition =
  | { type: 'status'; in: string[] }
  | { type: 'gone' }
  | { type: 'bandwidth'; equals: number }
  /** `settled`: member ids that must be listed and out of any transition (`BINDING`, `unbinding` …). */
  | { type: 'members'; present?: string[]; absent?: string[]; settled?: string[] }
  | { type: 'member-cap'; member: string; cap: number | null };

export interface WaitSpec {
  kind: Kind;
  region: string;
  /** The resource to watch: its id, or a reference to the create step that makes it. */
  resource: string | StepRef;
  /** All conditions must hold. */
  until: WaitCondition[];
  timeout_ms: number;
}

export interface Step {
  /** Stable, unique within the plan, e.g. `sharedBandwidth/cn-hangzhou/web:add-ips:1`. */
  id: string;
  address: string;
  kind: Kind;
  /** Short verb for people: `create`, `modify-spec`, `add-ips`, `remove-ip`, `set-ip-cap`, … */
  action: string;
  /** One sentence for people: "Raise bandwidth 100 → 200 Mbit/s". */
  description: string;
  api: {
    product: Product;
    action: string;
    /** RPC region (`RegionId`); `cn-hangzhou` for GA; the CBN central endpoint ignores it. */
    region: string;
    params: { [key: string]: StepParam };
    /** True when the action takes a ClientToken; the executor derives it deterministically. */
    client_token: boolean;
  };
  depends_on: string[];
  /** Mutation locks (cloud ids or addresses): no two steps holding one run at once. */
  locks: string[];
  wait?: WaitSpec;
  /** API error codes that mean "already done" when seen (e.g. after an ambiguous retry). */
  done_codes?: string[];
  /** Busy/conflict codes worth waiting on and retrying for this step, beyond the common ones. */
  busy_codes?: string[];
}

export interface PlanDiagnostic {
  code: string;
  address?: string;
  message: string;
}

export interface UnmanagedResource {
  address: string;
  kind: Kind;
  region: string;
  name: string;
  id: string;
  /** Why it is unmanaged: `untagged`, `other-stack`, `undeclared` (tagged, no --prune). */
  reason: string;
}

export interface Plan {
  format_version: typeof PLAN_FORMAT_VERSION;
  tool: { name: 'bwsync'; version: string };
  stack: string;
  /** sha256 of the canonical desired state. */
  desired_hash: string;
  /** sha256 of this plan's changes and steps; the marker in PR comments carries it. */
  plan_hash: string;
  options: {
    prune: boolean;
    allow_replace: boolean;
    regions: string[];
    targets: string[];
  };
  resource_changes: ResourceChange[];
  steps: Step[];
  summary: { add: number; change: number; destroy: number; replace: number; no_op: number };
  unmanaged: UnmanagedResource[];
  /** Not errors: "will not be destroyed: …", drift notes. */
  warnings: PlanDiagnostic[];
  /** A plan with errors (immutable change without --allow-replace, …) cannot be applied. */
  errors: PlanDiagnostic[];
  /** id → fingerprint of every live object read; `apply plan.json` refuses if any changed. */
  fingerprints: Record<string, string>;
}
