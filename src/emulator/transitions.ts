import type { CloudState, Transition } from './state.js';

/** Applies every transition due at `now`, oldest first. Returns how many ran. */
export function settle(state: CloudState, now: number): number {
  let count = 0;
  while (state.transitions.length > 0 && state.transitions[0]!.due <= now) {
    const t = state.transitions.shift()!;
    apply(state, t);
    count++;
  }
  return count;
}

const APPLY: Record<Transition['kind'], (state: CloudState, t: Transition) => void> = {
  'cbwp.ready': (state, t) => cbwpReady(state, t.id),
  'cbwp.deleted': (state, t) => cbwpDeleted(state, t.id),
  'eip.binded': (state, t) => {
    const eip = state.eips.get(t.id);
    if (eip?.relation === 'BINDING') eip.relation = 'BINDED';
  },
  'eip.removed': (state, t) => eipRemoved(state, t.id),
  'cen.associated': (state, t) => cenSettled(state, t),
  'cen.unassociated': (state, t) => cenSettled(state, t),
  'cen.spec': (state, t) => cenSettled(state, t),
  'ga.ready': (state, t) => gaSettled(state, t.id),
  'ga.binded': (state, t) => gaBound(state, t, true),
  'ga.unbinded': (state, t) => gaBound(state, t, false),
  'ga.deleted': (state, t) => {
    state.gaBwps.remove(t.id);
  },
};

function apply(state: CloudState, t: Transition): void {
  APPLY[t.kind](state, t);
}

function cbwpReady(state: CloudState, id: string): void {
  const pkg = state.cbwps.get(id);
  if (!pkg) return;
  if (pkg.pendingBandwidth !== undefined) {
    pkg.bandwidth = pkg.pendingBandwidth;
    delete pkg.pendingBandwidth;
    // A per-IP cap above the new package size is lowered to it, as the cap cannot exceed the package.
    for (const eipId of pkg.ips) {
      const eip = state.eips.get(eipId);
      if (eip?.cap !== undefined && eip.cap > pkg.bandwidth) eip.cap = pkg.bandwidth;
    }
  }
  pkg.status = 'Available';
}

function detach(state: CloudState, eipId: string): void {
  const eip = state.eips.get(eipId);
  if (!eip) return;
  delete eip.packageId;
  delete eip.relation;
  delete eip.removing;
  delete eip.cap;
}

function cbwpDeleted(state: CloudState, id: string): void {
  const pkg = state.cbwps.get(id);
  if (!pkg) return;
  for (const eipId of pkg.ips) detach(state, eipId);
  state.cbwps.remove(id);
}

function eipRemoved(state: CloudState, id: string): void {
  const eip = state.eips.get(id);
  if (!eip?.packageId) return;
  const pkg = state.cbwps.get(eip.packageId);
  if (pkg) pkg.ips = pkg.ips.filter((x) => x !== id);
  detach(state, id);
}

function cenSettled(state: CloudState, t: Transition): void {
  const pkg = state.cenBwps.get(t.id);
  if (!pkg) return;
  delete pkg.busy;
  if (t.kind === 'cen.unassociated') pkg.cenIds = pkg.cenIds.filter((c) => c !== t.other);
  if (t.kind === 'cen.associated' && t.other && !pkg.cenIds.includes(t.other)) pkg.cenIds.push(t.other);
  if (pkg.pendingBandwidth !== undefined) {
    pkg.bandwidth = pkg.pendingBandwidth;
    delete pkg.pendingBandwidth;
  }
  pkg.status = pkg.cenIds.length > 0 ? 'InUse' : 'Idle';
}

function gaSettled(state: CloudState, id: string): void {
  const plan = state.gaBwps.get(id);
  if (!plan) return;
  if (plan.pendingBandwidth !== undefined) {
    plan.bandwidth = plan.pendingBandwidth;
    delete plan.pendingBandwidth;
  }
  plan.state = plan.accelerators.length > 0 ? 'binded' : 'active';
}

function gaBound(state: CloudState, t: Transition, bound: boolean): void {
  const plan = state.gaBwps.get(t.id);
  const acc = t.other ? state.accelerators.get(t.other) : undefined;
  if (acc) {
    acc.state = 'active';
    if (bound) acc.bandwidthPackageId = t.id;
    else delete acc.bandwidthPackageId;
  }
  if (!plan || !t.other) return;
  const others = plan.accelerators.filter((a) => a !== t.other);
  plan.accelerators = bound ? [...others, t.other] : others;
  gaSettled(state, t.id);
}
