import type { Kind, Product } from '../../model/kinds.js';
import type { Step, StepParam, WaitCondition } from '../../model/plan.js';
import type { StepDraft, StepTarget } from '../types.js';

/** `Tag.N.Key` / `Tag.N.Value` pairs in key order (the client flattens the array). */
export function tagParams(tags: Record<string, string>): StepParam[] {
  return Object.keys(tags)
    .sort()
    .map((Key) => ({ Key, Value: tags[Key] ?? '' }));
}

export interface StepSpec {
  target: StepTarget;
  kind: Kind;
  product: Product;
  /** Short verb; also the step id suffix unless `suffix` is given. */
  action: string;
  suffix?: string;
  description: string;
  apiAction: string;
  apiRegion: string;
  params: Record<string, StepParam>;
  clientToken?: boolean;
  /** Extra locks besides the resource's own (EIP, accelerator, CEN ids). */
  locks?: string[];
  until?: WaitCondition[];
  timeoutMs?: number;
  doneCodes?: string[];
  busyCodes?: string[];
  detaches?: string[];
  attaches?: string[];
}

/** One step with a stable id `<address>:<suffix>`; dependencies are added by the planner. */
export function draft(spec: StepSpec): StepDraft {
  const step: Step = {
    id: `${spec.target.address}:${spec.suffix ?? spec.action}`,
    address: spec.target.address,
    kind: spec.kind,
    action: spec.action,
    description: spec.description,
    api: {
      product: spec.product,
      action: spec.apiAction,
      region: spec.apiRegion,
      params: spec.params,
      client_token: spec.clientToken ?? false,
    },
    depends_on: [],
    locks: [spec.target.lock, ...(spec.locks ?? [])],
  };
  if (spec.until && spec.until.length > 0) {
    step.wait = {
      kind: spec.kind,
      region: spec.target.region,
      resource: spec.target.id,
      until: spec.until,
      timeout_ms: spec.timeoutMs ?? 300_000,
    };
  }
  if (spec.doneCodes && spec.doneCodes.length > 0) step.done_codes = [...spec.doneCodes];
  if (spec.busyCodes && spec.busyCodes.length > 0) step.busy_codes = [...spec.busyCodes];
  const out: StepDraft = { step };
  if (spec.detaches) out.detaches = spec.detaches;
  if (spec.attaches) out.attaches = spec.attaches;
  return out;
}

/** Sorted copy; member lists and keys are always handled in a stable order. */
export function sorted(items: Iterable<string>): string[] {
  return [...items].sort();
}

/** Drops undefined values so optional YAML fields are not sent. */
export function defined(params: Record<string, StepParam | undefined>): Record<string, StepParam> {
  const out: Record<string, StepParam> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) out[k] = v;
  return out;
}

/** A provider's step constructor: the common spec minus what the provider fixes itself. */
export type ProviderSpec = Omit<StepSpec, 'kind' | 'product' | 'apiRegion' | 'target'>;
export type StepMaker = (target: StepTarget, spec: ProviderSpec) => StepDraft;

/** A provider's step constructor; `apiRegion` defaults to the resource's own region. */
export function stepMaker(fixed: {
  kind: Kind;
  product: Product;
  apiRegion?: string;
  timeoutMs: number;
}): StepMaker {
  return (target, spec) =>
    draft({
      ...spec,
      target,
      kind: fixed.kind,
      product: fixed.product,
      apiRegion: fixed.apiRegion ?? target.region,
      timeoutMs: fixed.timeoutMs,
    });
}

/**
 * Tag changes as Alibaba's own Terraform provider makes them: untag the removed keys, then tag
 * the added or changed pairs. Products differ only in the untag action's spelling (VPC
 * `UnTagResources`, CBN and GA `UntagResources`) and the resource type.
 */
export function tagDiffSteps(
  mk: StepMaker,
  t: StepTarget,
  change: { set: Record<string, string>; remove: string[] },
  api: { untagAction: string; resourceType: string },
): StepDraft[] {
  const out: StepDraft[] = [];
  if (change.remove.length > 0) {
    const keys = sorted(change.remove);
    out.push(
      mk(t, {
        action: 'untag',
        description: `Remove tags ${keys.join(', ')}`,
        apiAction: api.untagAction,
        params: { ResourceType: api.resourceType, ResourceId: [t.id], TagKey: keys },
      }),
    );
  }
  const setKeys = sorted(Object.keys(change.set));
  if (setKeys.length > 0) {
    out.push(
      mk(t, {
        action: 'tag',
        description: `Set tags ${setKeys.map((k) => `${k}=${change.set[k]}`).join(', ')}`,
        apiAction: 'TagResources',
        params: { ResourceType: api.resourceType, ResourceId: [t.id], Tag: tagParams(change.set) },
      }),
    );
  }
  return out;
}
