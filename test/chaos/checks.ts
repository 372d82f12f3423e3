import { STACK_TAG } from '../../src/model/kinds.js';
import type { Plan } from '../../src/model/plan.js';
import { CHAOS_STACK } from './cases.js';
import type { Declared } from './world.js';

/**
 * The invariants of SPEC §9, checked on the emulator's own state (never on what bwsync says it
 * did): no resource twice, nothing deleted that no plan deleted, no member detached that the
 * YAML keeps, nobody else's resource touched, and the declared end state reached.
 */
export interface Pkg {
  kind: Declared['kind'];
  id: string;
  region: string;
  name: string;
  stack: string | undefined;
  bandwidth: number;
  members: string[];
}

interface Row {
  id: string;
  regionId: string;
  name: string;
  bandwidth: number;
  tags: { Key: string; Value: string }[];
}

function pkg(kind: Pkg['kind'], row: Row, members: string[]): Pkg {
  const region = kind === 'sharedBandwidth' ? row.regionId : 'global';
  const stack = row.tags.find((t) => t.Key === STACK_TAG)?.Value;
  return {
    kind,
    id: row.id,
    region,
    name: row.name,
    stack,
    bandwidth: row.bandwidth,
    members: [...members].sort(),
  };
}

/** Packages in an emulator state snapshot (GET /_emulator/state). */
export function packagesOf(state: Record<string, unknown>): Pkg[] {
  const cbwps = (state.cbwps ?? []) as (Row & { ips: string[] })[];
  const cens = (state.cenBwps ?? []) as (Row & { cenIds: string[] })[];
  const gas = (state.gaBwps ?? []) as (Row & { accelerators: string[] })[];
  return [
    ...cbwps.map((r) => pkg('sharedBandwidth', r, r.ips)),
    ...cens.map((r) => pkg('cenBandwidth', r, r.cenIds)),
    ...gas.map((r) => pkg('gaBandwidth', r, r.accelerators)),
  ];
}

const keyOf = (p: { kind: string; region: string; name: string }) => `${p.kind}/${p.region}/${p.name}`;

/**
 * Two packages of our stack with one identity. Unnamed packages are left out: a GA plan is
 * named by a second call after its create, so an interrupted apply can leave unnamed plans
 * behind for a moment; `orphans` reports any still there at the end.
 */
export function duplicates(after: Pkg[]): string[] {
  const seen = new Map<string, string[]>();
  for (const p of after.filter((q) => q.stack === CHAOS_STACK && q.name !== '')) {
    seen.set(keyOf(p), [...(seen.get(keyOf(p)) ?? []), p.id]);
  }
  return [...seen].filter(([, ids]) => ids.length > 1).map(([k, ids]) => `duplicate ${k}: ${ids.join(', ')}`);
}

/** Packages of our stack left without a name (a create whose naming step never ran). */
export function orphans(now: Pkg[]): string[] {
  return now
    .filter((p) => p.stack === CHAOS_STACK && p.name === '')
    .map((p) => `orphan: ${p.kind} ${p.id} is tagged ${CHAOS_STACK} but has no name`);
}

function plannedDeletes(plans: Plan[]): Set<string> {
  const ids = new Set<string>();
  for (const plan of plans) {
    for (const c of plan.resource_changes) {
      const actions: readonly string[] = c.change.actions;
      if (c.id !== null && actions.includes('delete')) ids.add(c.id);
    }
  }
  return ids;
}

/**
 * Every package gone after a round must have been planned for deletion in that round or an
 * earlier one (an interrupted apply can leave a delete in progress for the next round).
 */
export function unplannedDeletes(before: Pkg[], after: Pkg[], plans: Plan[]): string[] {
  const still = new Set(after.map((p) => p.id));
  const planned = plannedDeletes(plans);
  return before
    .filter((p) => !still.has(p.id) && !planned.has(p.id))
    .map((p) => `deleted without a plan: ${keyOf(p)} (${p.id})`);
}

/** The plan itself may delete only our own packages that the YAML marks absent or, with prune, omits. */
export function unsafePlannedDeletes(
  plan: Plan,
  before: Pkg[],
  declared: Declared[],
  prune: boolean,
): string[] {
  const out: string[] = [];
  for (const id of plannedDeletes([plan])) {
    const p = before.find((q) => q.id === id);
    if (p === undefined) continue;
    const d = declared.find((x) => keyOf(x) === keyOf(p));
    const allowed = p.stack === CHAOS_STACK && (d?.intent === 'absent' || (d === undefined && prune));
    if (!allowed)
      out.push(
        `plan deletes ${keyOf(p)} (${p.id}, stack ${p.stack ?? 'none'}) which the YAML does not let it delete`,
      );
  }
  return out;
}

/**
 * A member may leave a package only when the package is ours and either a plan of this or an
 * earlier round deletes it (members go first) or the YAML does not keep the member there.
 */
export function unplannedDetaches(
  before: Pkg[],
  after: Pkg[],
  declared: Declared[],
  plans: Plan[],
): string[] {
  const out: string[] = [];
  const deleting = plannedDeletes(plans);
  const keptElsewhere = (p: Pkg, m: string) =>
    declared.some(
      (d) => d.intent === 'present' && d.kind === p.kind && keyOf(d) !== keyOf(p) && d.members?.includes(m),
    );
  for (const p of before) {
    const now = after.find((q) => q.id === p.id);
    if (now === undefined) continue;
    const d = declared.find((x) => keyOf(x) === keyOf(p));
    for (const m of p.members.filter((x) => !now.members.includes(x))) {
      const ours = p.stack === CHAOS_STACK;
      const released = d?.intent === 'present' && d.members !== undefined && !d.members.includes(m);
      const allowed = ours && (deleting.has(p.id) || released || keptElsewhere(p, m));
      if (!allowed) out.push(`${m} detached from ${keyOf(p)} (${p.id}) although nothing asked for it`);
    }
  }
  return out;
}

/** Foreign and other-stack packages are exactly as they were. */
export function othersTouched(initial: Pkg[], now: Pkg[]): string[] {
  const out: string[] = [];
  for (const p of initial.filter((q) => q.stack !== CHAOS_STACK)) {
    const q = now.find((x) => x.id === p.id);
    if (q === undefined) out.push(`unmanaged ${keyOf(p)} (${p.id}) disappeared`);
    else if (q.bandwidth !== p.bandwidth || q.members.join() !== p.members.join()) {
      out.push(`unmanaged ${keyOf(p)} (${p.id}) changed: ${JSON.stringify(p)} → ${JSON.stringify(q)}`);
    }
  }
  return out;
}

/** Per-IP caps by EIP id in an emulator state snapshot (undefined = no cap). */
export function capsOfState(state: Record<string, unknown>): Map<string, number | undefined> {
  const eips = (state.eips ?? []) as { id: string; cap?: number }[];
  return new Map(eips.map((e) => [e.id, e.cap]));
}

/**
 * A declared cap below the package bandwidth is set exactly; one at or above it means no cap
 * (the API reports it so); `null` means no cap.
 */
function capProblems(d: Declared, p: Pkg, caps: Map<string, number | undefined>): string[] {
  const out: string[] = [];
  for (const [id, want] of Object.entries(d.caps ?? {})) {
    const have = caps.get(id);
    const ok =
      want === null || want >= p.bandwidth ? have === undefined || have >= p.bandwidth : have === want;
    if (!ok)
      out.push(
        `${keyOf(d)} ${id} cap ${have ?? 'none'}, declared ${want ?? 'none'} (package ${p.bandwidth} Mbit/s)`,
      );
  }
  return out;
}

/** The declared end state, checked independently of the planner. */
export function endState(
  now: Pkg[],
  declared: Declared[],
  caps: Map<string, number | undefined> = new Map(),
): string[] {
  const out: string[] = [];
  for (const d of declared) {
    const found = now.filter((p) => p.stack === CHAOS_STACK && keyOf(p) === keyOf(d));
    if (d.intent === 'absent') {
      if (found.length > 0)
        out.push(`${keyOf(d)} should be absent but exists (${found.map((p) => p.id).join()})`);
      continue;
    }
    const p = found[0];
    if (p === undefined) {
      out.push(`${keyOf(d)} should exist but does not`);
      continue;
    }
    if (d.bandwidth !== undefined && p.bandwidth !== d.bandwidth)
      out.push(`${keyOf(d)} bandwidth ${p.bandwidth}, declared ${d.bandwidth}`);
    if (d.members !== undefined && [...d.members].sort().join() !== p.members.join()) {
      out.push(
        `${keyOf(d)} members [${p.members.join(', ')}], declared [${[...d.members].sort().join(', ')}]`,
      );
    }
    out.push(...capProblems(d, p, caps));
  }
  return out;
}
