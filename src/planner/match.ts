import type { DesiredResource } from '../model/desired.js';
import { addressOf, isRegional, STACK_TAG } from '../model/kinds.js';
import type { LiveResource } from '../model/live.js';
import type { PlanDiagnostic, UnmanagedResource } from '../model/plan.js';
import { nameOf } from '../providers/index.js';

export interface Matched {
  desired: DesiredResource;
  /** The live resource it refers to; undefined when it does not exist. */
  live?: LiveResource;
  /** True when the live resource lacks this stack's tag and the plan adds it. */
  adopt: boolean;
}

export interface MatchResult {
  matched: Matched[];
  /** Live resources no declaration refers to, tagged with this stack. */
  ours: LiveResource[];
  unmanaged: UnmanagedResource[];
  errors: PlanDiagnostic[];
}

export function ownerOf(live: LiveResource): string | undefined {
  return live.tags[STACK_TAG];
}

/**
 * Identity: `id` when declared, else (kind, region, name). A name never silently captures a
 * resource this stack does not own, and two name matches are an error, not a guess.
 */
export function matchResources(desired: DesiredResource[], live: LiveResource[], stack: string): MatchResult {
  const errors: PlanDiagnostic[] = [];
  const byId = new Map(live.map((l) => [l.id, l]));
  const claimed = new Set<string>();
  const matched: Matched[] = [];
  const byName = new Map<string, LiveResource[]>();
  for (const l of live) {
    const list = byName.get(nameKey(l.kind, l.region, nameOf(l)));
    if (list) list.push(l);
    else byName.set(nameKey(l.kind, l.region, nameOf(l)), [l]);
  }
  // Id declarations first, so a name match never takes a resource adopted by id elsewhere.
  for (const d of desired) if (d.id !== undefined) claimed.add(d.id);
  for (const d of desired) {
    const m =
      d.id !== undefined
        ? matchById(d, byId, stack, errors)
        : matchByName(d, byName.get(nameKey(d.kind, d.region, d.name)) ?? [], claimed, stack, errors);
    if (m.live) claimed.add(m.live.id);
    matched.push(m);
  }
  const ours: LiveResource[] = [];
  const unmanaged: UnmanagedResource[] = [];
  // Sorting only the unclaimed gives them in the order a sort of all would (the sort is
  // stable), without sorting the 10,000s a synced stack claims.
  for (const l of sortLive(live.filter((x) => !claimed.has(x.id)))) {
    const owner = ownerOf(l);
    if (owner === stack) ours.push(l);
    const reason = owner === stack ? 'undeclared' : owner === undefined ? 'untagged' : 'other-stack';
    unmanaged.push({
      address: addressOf(l.kind, l.region, nameOf(l)),
      kind: l.kind,
      region: l.region,
      name: nameOf(l),
      id: l.id,
      reason,
    });
  }
  return { matched, ours, unmanaged, errors };
}

function matchById(
  d: DesiredResource,
  byId: Map<string, LiveResource>,
  stack: string,
  errors: PlanDiagnostic[],
): Matched {
  const l = byId.get(d.id as string);
  if (l === undefined || l.kind !== d.kind) {
    if (d.ensure === 'present') {
      const where = isRegional(d.kind) ? ` in ${d.region}` : '';
      errors.push({
        code: 'id-not-found',
        address: d.address,
        message: `Declares id ${d.id}, which does not exist${where}. Remove id: to create a new one.`,
      });
    }
    return { desired: d, adopt: false };
  }
  if (isRegional(d.kind) && l.region !== d.region) {
    errors.push({
      code: 'id-region-mismatch',
      address: d.address,
      message: `Declares id ${d.id}, which is in ${l.region}, not ${d.region}.`,
    });
    return { desired: d, adopt: false };
  }
  const owner = ownerOf(l);
  if (owner !== undefined && owner !== stack) {
    errors.push({
      code: 'owned-by-other-stack',
      address: d.address,
      message: `${l.id} belongs to stack "${owner}" (tag ${STACK_TAG}), not "${stack}".`,
    });
    return { desired: d, adopt: false };
  }
  return { desired: d, live: l, adopt: owner === undefined };
}

function nameKey(kind: string, region: string, name: string): string {
  return `${kind}\u0000${region}\u0000${name}`;
}

function matchByName(
  d: DesiredResource,
  sameName: LiveResource[],
  claimed: Set<string>,
  stack: string,
  errors: PlanDiagnostic[],
): Matched {
  const candidates = sameName.filter((l) => !claimed.has(l.id));
  if (candidates.length > 1) {
    const ids = candidates.map((c) => c.id).sort();
    errors.push({
      code: 'ambiguous-match',
      address: d.address,
      message: `Matches ${ids.length} live resources (${ids.join(', ')}). Add id: to say which one.`,
    });
    return { desired: d, adopt: false };
  }
  const l = candidates[0];
  if (l === undefined) return { desired: d, adopt: false };
  const owner = ownerOf(l);
  if (owner !== stack) {
    const whose = owner === undefined ? 'is not managed by bwsync' : `belongs to stack "${owner}"`;
    errors.push({
      code: 'name-taken',
      address: d.address,
      message: `A resource with this name already exists (${l.id}) and ${whose}. Add id: ${l.id} to adopt it, or choose another name.`,
    });
    return { desired: d, adopt: false };
  }
  return { desired: d, live: l, adopt: false };
}

export function sortLive(live: LiveResource[]): LiveResource[] {
  // Each address built once, not twice per comparison.
  const keyed = live.map((l) => ({ l, address: addressOf(l.kind, l.region, nameOf(l)) }));
  keyed.sort((a, b) => a.address.localeCompare(b.address) || a.l.id.localeCompare(b.l.id));
  return keyed.map((k) => k.l);
}
