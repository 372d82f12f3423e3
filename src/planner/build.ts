import type { DesiredResource, DesiredState } from '../model/desired.js';
import { addressOf, STACK_TAG } from '../model/kinds.js';
import type { LiveResource, LiveState } from '../model/live.js';
import type { PlainObject, PlanDiagnostic, ResourceChange, UnmanagedResource } from '../model/plan.js';
import { nameOf, providerFor, type StepDraft, type StepTarget } from '../providers/index.js';
import { diffResource, type ResourceDiff, sortKeys } from './diff.js';
import { type Matched, matchResources } from './match.js';
import { decideMoves } from './moves.js';
import { type PlanOptions, targetFilter } from './options.js';

export interface Work {
  change: ResourceChange;
  /** This resource's steps, in the order they must run. */
  drafts: StepDraft[];
}

export interface Built {
  works: Work[];
  unmanaged: UnmanagedResource[];
  warnings: PlanDiagnostic[];
  errors: PlanDiagnostic[];
}

interface Ctx {
  stack: string;
  options: PlanOptions;
  warnings: PlanDiagnostic[];
  errors: PlanDiagnostic[];
  detachFirst: Map<string, Set<string>>;
  extraRemove: Map<string, Set<string>>;
  /** Each matched pair is diffed once. */
  diffOf: (x: Matched, live: LiveResource) => ResourceDiff;
}

export function buildWorks(desired: DesiredState, live: LiveState, options: PlanOptions): Built {
  const stack = desired.stack;
  const inTarget = targetFilter(options.targets);
  const inScope = (d: DesiredResource) => inTarget(d.kind, d.region, d.name);
  const m = matchResources(desired.resources, live.resources, stack);
  const errored = new Set(m.errors.map((e) => e.address));
  const todo = m.matched.filter((x) => !errored.has(x.desired.address));
  const pruned = options.prune ? m.ours.filter((l) => inTarget(l.kind, l.region, nameOf(l))) : [];
  const deleting = new Set<string>(pruned.map((l) => l.id));
  const diffs = new Map<Matched, ResourceDiff>();
  const diffOf = (x: Matched, l: LiveResource): ResourceDiff => {
    let d = diffs.get(x);
    if (d === undefined) {
      d = diffResource(providerFor(x.desired.kind), x.desired, l);
      diffs.set(x, d);
    }
    return d;
  };
  for (const x of todo) {
    if (!x.live) continue;
    if (x.desired.ensure === 'absent' && inScope(x.desired)) deleting.add(x.live.id);
    if (x.desired.ensure === 'present' && inScope(x.desired) && needsReplace(x, diffOf))
      deleting.add(x.live.id);
  }
  const wanters = todo.filter((x) => x.desired.ensure === 'present' && inScope(x.desired));
  const moves = decideMoves({
    wanters,
    matched: todo,
    live: live.resources,
    deleting,
    inScope,
    holdsAllWanted: (x) => x.live !== undefined && diffOf(x, x.live).addMembers.length === 0,
  });
  const ctx: Ctx = {
    stack,
    options,
    warnings: [],
    errors: [...m.errors, ...moves.errors],
    detachFirst: moves.detachFirst,
    extraRemove: moves.extraRemove,
    diffOf,
  };
  const works: Work[] = [];
  for (const x of todo) {
    const forced = x.live !== undefined && ctx.extraRemove.has(x.live.id);
    if (!inScope(x.desired) && !forced) continue;
    const w = planDeclared(x, ctx);
    if (w) works.push(w);
  }
  const prunedIds = new Set<string>();
  for (const l of pruned) {
    const w = planDelete(l, undefined, 'prune', ctx);
    if (w) {
      works.push(w);
      prunedIds.add(l.id);
    }
  }
  uniqueAddresses(works);
  return {
    works,
    unmanaged: m.unmanaged.filter((u) => !prunedIds.has(u.id)),
    warnings: ctx.warnings,
    errors: ctx.errors,
  };
}

function needsReplace(x: Matched, diffOf: Ctx['diffOf']): boolean {
  return x.live !== undefined && diffOf(x, x.live).changes.some((c) => c.forces_replacement);
}

function planDeclared(x: Matched, ctx: Ctx): Work | undefined {
  const d = x.desired;
  if (d.ensure === 'absent') return x.live ? planDelete(x.live, d, 'ensure-absent', ctx) : undefined;
  if (!x.live) return planCreate(d, ctx);
  return planUpdate(x, x.live, ctx);
}

function existingTarget(address: string, live: LiveResource): StepTarget {
  return { address, region: live.region, id: live.id, lock: live.id };
}

function createTarget(d: DesiredResource): StepTarget {
  const p = providerFor(d.kind);
  return {
    address: d.address,
    region: d.region,
    id: { ref: `${d.address}:create`, field: p.idField },
    lock: d.address,
  };
}

function baseChange(
  d: { address: string; kind: DesiredResource['kind']; region: string; name: string },
  id: string | null,
): Omit<ResourceChange, 'change'> {
  return { address: d.address, kind: d.kind, region: d.region, name: d.name, id };
}

function createDrafts(d: DesiredResource, ctx: Ctx, members: string[]): StepDraft[] | undefined {
  const p = providerFor(d.kind);
  const view = p.toView(d);
  const missing = p.requiredForCreate.filter((f) => view[f] === undefined);
  if (missing.length > 0) {
    ctx.errors.push({
      code: 'missing-field',
      address: d.address,
      message: `Does not exist yet and cannot be created without ${missing.join(', ')}.`,
    });
    return undefined;
  }
  const tags = { ...(d.tags ?? {}), [STACK_TAG]: ctx.stack };
  return p.createSteps({ target: createTarget(d), desired: d, tags: sortKeys(tags), members });
}

function planCreate(d: DesiredResource, ctx: Ctx): Work | undefined {
  const p = providerFor(d.kind);
  const members = (p.toView(d)[p.memberField] as string[] | undefined) ?? [];
  const drafts = createDrafts(d, ctx, members);
  if (!drafts) return undefined;
  const after: PlainObject = {
    ...p.toView(d),
    tags: sortKeys({ ...(d.tags ?? {}), [STACK_TAG]: ctx.stack }),
  };
  // Per-IP caps show up as the same `ips.<id>.bandwidth` attributes an update shows.
  for (const [member, cap] of p.desiredCaps?.(d) ?? []) {
    if (cap !== null) after[`${p.memberField}.${member}.bandwidth`] = cap;
  }
  const change: ResourceChange = {
    ...baseChange(d, null),
    change: { actions: ['create'], before: null, after, attributes: [] },
    reason: 'declared',
  };
  if (d.protect) change.protect = true;
  return { change, drafts };
}

function planUpdate(x: Matched, live: LiveResource, ctx: Ctx): Work | undefined {
  const d = x.desired;
  const p = providerFor(d.kind);
  const diff = ctx.diffOf(x, live);
  const before = diff.before;
  const replace = diff.changes.filter((c) => c.forces_replacement);
  if (replace.length > 0) return planReplace(x, live, diff.attributes, ctx);
  const extra = [...(ctx.extraRemove.get(live.id) ?? [])];
  const removeMembers = [...new Set([...diff.removeMembers, ...extra])].sort();
  const attributes = [...diff.attributes];
  if (extra.length > 0 && diff.removeMembers.length === 0 && diff.addMembers.length === 0) {
    const current = (before[p.memberField] as string[]) ?? [];
    attributes.push({
      field: p.memberField,
      before: current,
      after: current.filter((id) => !extra.includes(id)),
      class: 'mutable-with-wait',
    });
  }
  const drafts = p.updateSteps({
    target: existingTarget(d.address, live),
    desired: d,
    live,
    changes: diff.changes,
    tagsSet: diff.tagsSet,
    tagsRemove: diff.tagsRemove,
    addMembers: diff.addMembers,
    removeMembers,
    caps: diff.caps,
  });
  const after: PlainObject = { ...before };
  for (const a of attributes) if (!a.field.includes('.')) after[a.field] = a.after;
  const actions = drafts.length > 0 ? (['update'] as ['update']) : (['no-op'] as ['no-op']);
  const reason = x.adopt
    ? 'adopt'
    : extra.length > 0 && diff.attributes.length === 0
      ? 'release-member'
      : drafts.length > 0
        ? 'drift'
        : 'declared';
  const change: ResourceChange = {
    ...baseChange(d, live.id),
    change: { actions, before, after, attributes },
    reason,
  };
  if (d.protect) change.protect = true;
  return { change, drafts };
}

function planReplace(
  x: Matched,
  live: LiveResource,
  attributes: ResourceChange['change']['attributes'],
  ctx: Ctx,
): Work | undefined {
  const d = x.desired;
  const fields = attributes.filter((a) => a.forces_replacement);
  const what = fields
    .map((a) => `${a.field} ${JSON.stringify(a.before)} → ${JSON.stringify(a.after)}`)
    .join(', ');
  if (!ctx.options.allowReplace) {
    for (const a of fields) {
      ctx.errors.push({
        code: 'immutable-change',
        address: d.address,
        message: `${a.field} cannot change in place (${JSON.stringify(a.before)} → ${JSON.stringify(a.after)}); it needs a replacement (delete, then create). Pass --allow-replace to plan it, or restore the old value.`,
      });
    }
    return undefined;
  }
  if (d.protect) {
    ctx.errors.push({
      code: 'protected',
      address: d.address,
      message: `Protected (protect: true), so it cannot be replaced (${what}). Remove protect: true first.`,
    });
    return undefined;
  }
  if (live.undeletableReason) {
    ctx.errors.push({
      code: 'undeletable',
      address: d.address,
      message: `Cannot be replaced (${what}): ${live.undeletableReason}.`,
    });
    return undefined;
  }
  const p = providerFor(d.kind);
  const wanted = (p.toView(d)[p.memberField] as string[] | undefined) ?? live.members.map((m) => m.id);
  const keep = wanted.filter((id) => live.members.some((m) => m.id === id));
  const del = deleteDrafts(live, d, d.address, ctx, [...keep, ...(ctx.detachFirst.get(live.id) ?? [])]);
  const create = createDrafts(d, ctx, wanted);
  if (!del || !create) return undefined;
  const after: PlainObject = {
    ...p.toView(d),
    tags: sortKeys({ ...(d.tags ?? {}), [STACK_TAG]: ctx.stack }),
  };
  const change: ResourceChange = {
    ...baseChange(d, live.id),
    change: { actions: ['delete', 'create'], before: p.toView(live), after, attributes },
    reason: 'declared',
  };
  return { change, drafts: [...del, ...create] };
}

function planDelete(
  live: LiveResource,
  d: DesiredResource | undefined,
  reason: string,
  ctx: Ctx,
): Work | undefined {
  const address = d?.address ?? addressOf(live.kind, live.region, nameOf(live));
  if (d?.protect) {
    ctx.errors.push({
      code: 'protected',
      address,
      message: `Protected (protect: true), so it cannot be deleted. Remove protect: true first.`,
    });
    return undefined;
  }
  if (live.undeletableReason) {
    ctx.warnings.push({
      code: 'undeletable',
      address,
      message: `will not be destroyed: ${live.id}: ${live.undeletableReason}.`,
    });
    return undefined;
  }
  const drafts = deleteDrafts(live, d, address, ctx, [...(ctx.detachFirst.get(live.id) ?? [])]);
  if (!drafts) return undefined;
  const before = providerFor(live.kind).toView(live);
  const change: ResourceChange = {
    ...baseChange({ ...live, name: nameOf(live), address }, live.id),
    change: { actions: ['delete'], before, after: null, attributes: [] },
    reason,
  };
  return { change, drafts };
}

function deleteDrafts(
  live: LiveResource,
  d: DesiredResource | undefined,
  address: string,
  ctx: Ctx,
  detach: string[],
): StepDraft[] | undefined {
  let disableProtection = false;
  if ('deletionProtection' in live && live.deletionProtection) {
    const off = d !== undefined && 'deletionProtection' in d && d.deletionProtection === false;
    if (!off) {
      const msg = `${live.id} has deletion protection on in the cloud; declare deletionProtection: false to turn it off and delete it.`;
      if (d === undefined)
        ctx.warnings.push({ code: 'deletion-protection', address, message: `will not be destroyed: ${msg}` });
      else ctx.errors.push({ code: 'deletion-protection', address, message: msg });
      return undefined;
    }
    disableProtection = true;
  }
  const detachFirst = [...new Set(detach)].filter((id) => live.members.some((m) => m.id === id)).sort();
  return providerFor(live.kind).deleteSteps({
    target: existingTarget(address, live),
    live,
    detachFirst,
    disableProtection,
  });
}

/** Two pruned packages may share a name; their addresses (and step ids) must not. */
function uniqueAddresses(works: Work[]): void {
  const seen = new Map<string, number>();
  for (const w of works) seen.set(w.change.address, (seen.get(w.change.address) ?? 0) + 1);
  for (const w of works) {
    if ((seen.get(w.change.address) ?? 0) < 2 || w.change.reason !== 'prune') continue;
    const from = w.change.address;
    const to = `${from}[${w.change.id}]`;
    w.change.address = to;
    for (const dr of w.drafts) {
      dr.step.address = to;
      dr.step.id = to + dr.step.id.slice(from.length);
    }
  }
}
