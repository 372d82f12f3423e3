import type { LiveResource } from '../model/live.js';
import type { Plan } from '../model/plan.js';
import { fingerprintOf } from './fingerprint.js';

export interface StaleDiff {
  id: string;
  /** `changed`: read again and differs; `gone`: no longer exists; `appeared`: new since the plan. */
  reason: 'changed' | 'gone' | 'appeared';
}

/** Compares a fresh read with the fingerprints a saved plan recorded. Empty = not stale. */
export function checkStale(plan: Plan, live: LiveResource[]): StaleDiff[] {
  const now = new Map(live.map((l) => [l.id, l]));
  const out: StaleDiff[] = [];
  for (const [id, fp] of Object.entries(plan.fingerprints)) {
    const l = now.get(id);
    if (l === undefined) out.push({ id, reason: 'gone' });
    else if (fingerprintOf(l) !== fp) out.push({ id, reason: 'changed' });
  }
  for (const l of live) if (!(l.id in plan.fingerprints)) out.push({ id: l.id, reason: 'appeared' });
  return out.sort((a, b) => a.id.localeCompare(b.id));
}
