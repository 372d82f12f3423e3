import type { DesiredResource } from '../model/desired.js';
import type { LiveResource } from '../model/live.js';
import type { PlanDiagnostic } from '../model/plan.js';
import { providerFor } from '../providers/index.js';
import type { Matched } from './match.js';

export interface MoveDecisions {
  /** Live id → members to detach before it is deleted (they are wanted elsewhere). */
  detachFirst: Map<string, Set<string>>;
  /** Live id → members to detach from a kept package whose YAML does not list them. */
  extraRemove: Map<string, Set<string>>;
  errors: PlanDiagnostic[];
}

function membersOf(d: DesiredResource): string[] | undefined {
  return providerFor(d.kind).desiredMembers(d);
}

function add(map: Map<string, Set<string>>, id: string, member: string): void {
  const set = map.get(id) ?? new Set<string>();
  set.add(member);
  map.set(id, set);
}

/**
 * An EIP or accelerator wanted by one package but held by another moves: it is detached from
 * the holder first. Only holders this stack manages may be changed; anything else is an error
 * rather than a silent change to a resource bwsync does not own.
 */
export function decideMoves(input: {
  wanters: Matched[];
  matched: Matched[];
  live: LiveResource[];
  deleting: Set<string>;
  inScope: (d: DesiredResource) => boolean;
  /** True when the wanter's live package already holds every member it wants. */
  holdsAllWanted?: (w: Matched) => boolean;
}): MoveDecisions {
  const out: MoveDecisions = { detachFirst: new Map(), extraRemove: new Map(), errors: [] };
  // Per kind, member id → the live package holding it.
  const holders = new Map<string, Map<string, LiveResource>>();
  const listed = new Map<string, number>();
  for (const l of input.live) {
    if (!providerFor(l.kind).exclusiveMembers) continue;
    const holder = holders.get(l.kind) ?? new Map<string, LiveResource>();
    holders.set(l.kind, holder);
    for (const m of l.members) holder.set(m.id, l);
    listed.set(l.kind, (listed.get(l.kind) ?? 0) + l.members.length);
  }
  // When no member is listed by two packages, a wanter holding all it wants holds each of them
  // alone: its lookups would all find itself, so they are skipped (10,000s in a large stack).
  const unique = (kind: string) => holders.get(kind)?.size === listed.get(kind);
  const byLiveId = new Map<string, Matched>();
  for (const m of input.matched) if (m.live) byLiveId.set(m.live.id, m);
  for (const w of input.wanters) {
    if (!providerFor(w.desired.kind).exclusiveMembers) continue;
    const holder = holders.get(w.desired.kind);
    if (w.live !== undefined && input.holdsAllWanted?.(w) && unique(w.desired.kind)) continue;
    for (const member of membersOf(w.desired) ?? []) {
      const h = holder?.get(member);
      if (h === undefined || h.id === w.live?.id) continue;
      if (input.deleting.has(h.id)) {
        add(out.detachFirst, h.id, member);
        continue;
      }
      const hm = byLiveId.get(h.id);
      if (hm !== undefined && hm.desired.ensure === 'present') {
        // The holder's own diff removes it when its YAML lists its members and it is planned.
        if (membersOf(hm.desired) === undefined || !input.inScope(hm.desired))
          add(out.extraRemove, h.id, member);
        continue;
      }
      out.errors.push({
        code: 'member-held-elsewhere',
        address: w.desired.address,
        message: `Wants ${member}, which is in ${h.id} (${h.name || 'unnamed'}), a package this stack does not manage. Remove it there first, or declare that package.`,
      });
    }
  }
  return out;
}
