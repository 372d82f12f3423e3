import type { DesiredResource } from '../model/desired.js';
import { STACK_TAG } from '../model/kinds.js';
import type { LiveResource } from '../model/live.js';
import type { AttributeChange, FieldClass, PlainValue } from '../model/plan.js';
import { type CapChange, isOwnTag, type Provider } from '../providers/index.js';
import { canonicalJson } from './canonical.js';

export interface ResourceDiff {
  /** The live view the diff was made against (the change's `before`). */
  before: Record<string, PlainValue>;
  /** Scalar field changes (members, caps, tags excluded), immutable ones included. */
  changes: AttributeChange[];
  /** Every attribute change for display: scalars, tags, members, caps. */
  attributes: AttributeChange[];
  tagsSet: Record<string, string>;
  tagsRemove: string[];
  addMembers: string[];
  removeMembers: string[];
  caps: CapChange[];
}

function same(a: PlainValue, b: PlainValue): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => same(v, b[i] as PlainValue));
  return canonicalJson(a) === canonicalJson(b);
}

/** One diff engine for all kinds: the provider's view and field table decide everything. */
export function diffResource(p: Provider, d: DesiredResource, live: LiveResource): ResourceDiff {
  const want = p.toView(d);
  const have = p.toView(live);
  const changes: AttributeChange[] = [];
  for (const field of Object.keys(want).sort()) {
    if (field === p.memberField || field === 'tags') continue;
    const after = want[field] as PlainValue;
    const before = have[field];
    // Omitted means "don't care"; a field the API does not report (create-only) never diffs.
    if (before === undefined || same(before, after)) continue;
    const cls: FieldClass = p.classify?.(field, before, after) ?? p.fields[field] ?? 'mutable';
    if (cls === 'create-only') continue;
    const change: AttributeChange = { field, before, after, class: cls };
    if (cls === 'immutable') change.forces_replacement = true;
    changes.push(change);
  }
  const attributes = [...changes];
  const tags = diffTags(d, live);
  if (tags.change) attributes.push(tags.change);
  const members = diffMembers(p, want, have);
  if (members.change) attributes.push(members.change);
  const caps = diffCaps(p, d, live);
  for (const c of caps) {
    attributes.push({
      field: `${p.memberField}.${c.member}.bandwidth`,
      before: c.before ?? null,
      after: c.after,
      class: 'mutable-with-wait',
    });
  }
  return {
    before: have,
    changes,
    attributes,
    tagsSet: tags.set,
    tagsRemove: tags.remove,
    addMembers: members.add,
    removeMembers: members.remove,
    caps,
  };
}

/**
 * User tags only. The `bwsync:stack` tag goes on what bwsync creates, at create time; a package
 * adopted by `id:` is managed as it is, so adoption changes nothing and `--prune` never deletes
 * a package bwsync did not create.
 */
function diffTags(d: DesiredResource, live: LiveResource) {
  const set: Record<string, string> = {};
  const remove: string[] = [];
  if (d.tags !== undefined) {
    for (const [k, v] of Object.entries(d.tags)) if (!isOwnTag(k) && live.tags[k] !== v) set[k] = v;
    for (const k of Object.keys(live.tags)) if (!isOwnTag(k) && !(k in d.tags)) remove.push(k);
  }
  remove.sort();
  if (Object.keys(set).length === 0 && remove.length === 0) return { set, remove, change: undefined };
  const after: Record<string, string> = { ...live.tags, ...set };
  for (const k of remove) delete after[k];
  const change: AttributeChange = {
    field: 'tags',
    before: sortKeys(live.tags),
    after: sortKeys(after),
    class: 'mutable',
  };
  return { set: sortKeys(set), remove, change };
}

function diffMembers(p: Provider, want: Record<string, PlainValue>, have: Record<string, PlainValue>) {
  const w = want[p.memberField];
  if (!Array.isArray(w)) return { add: [], remove: [], change: undefined };
  // Both views list members sorted: equal lists (the usual case) need no sets.
  if (sameStrings(w, have[p.memberField])) return { add: [], remove: [], change: undefined };
  const wanted = new Set(w as string[]);
  const current = new Set((have[p.memberField] as string[] | undefined) ?? []);
  const add = [...wanted].filter((id) => !current.has(id)).sort();
  const remove = [...current].filter((id) => !wanted.has(id)).sort();
  if (add.length === 0 && remove.length === 0) return { add, remove, change: undefined };
  const change: AttributeChange = {
    field: p.memberField,
    before: [...current].sort(),
    after: [...wanted].sort(),
    class: p.fields[p.memberField] ?? 'mutable-with-wait',
  };
  return { add, remove, change };
}

function sameStrings(a: readonly PlainValue[], b: PlainValue | undefined): boolean {
  if (!Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] || typeof a[i] !== 'string') return false;
  return true;
}

function diffCaps(p: Provider, d: DesiredResource, live: LiveResource): CapChange[] {
  const declared = p.desiredCaps?.(d);
  if (!declared) return [];
  const packageBandwidth = d.bandwidth ?? live.bandwidth;
  const out: CapChange[] = [];
  for (const [member, declaredCap] of [...declared].sort(([a], [b]) => a.localeCompare(b))) {
    // A cap at or above the package bandwidth limits nothing, and the API reports it as no cap
    // (Bandwidth equals BandwidthPackageBandwidth): plan it as no cap, or it never converges.
    const after = declaredCap !== null && declaredCap >= packageBandwidth ? null : declaredCap;
    const m = live.members.find((x) => x.id === member);
    // A member joining the package starts without a cap; an unread cap counts as none.
    const before = m?.bandwidth ?? null;
    if (before !== after) out.push({ member, before, after });
  }
  return out;
}

export function sortKeys(tags: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(tags).sort()) out[k] = tags[k] ?? '';
  return out;
}
