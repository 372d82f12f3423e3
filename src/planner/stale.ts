import type { LiveResource } from '../model/live.js';
import type { Plan } from '../model/plan.js';
import { CAP_PREFIX, capValue, fingerprintOf } from './fingerprint.js';

export interface StaleDiff {
  /** A live id, or `<package id>/<EIP id>` for a per-IP cap. */
  id: string;
  /** `changed`: read again and differs; `gone`: no longer exists; `appeared`: new since the plan. */
  reason: 'changed' | 'gone' | 'appeared';
}

/**
 * Compares a fresh read with the fingerprints a saved plan recorded. Empty = not stale.
 * A cap is compared only when the fresh read includes it (caps are read on demand).
 */
export function checkStale(plan: Plan, live: LiveResource[]): StaleDiff[] {
  const now = new Map(live.map((l) => [l.id, l]));
  const out: StaleDiff[] = [];
  for (const [key, fp] of Object.entries(plan.fingerprints)) {
    if (key.startsWith(CAP_PREFIX)) {
      const diff = capDiff(key.slice(CAP_PREFIX.length), fp, now);
      if (diff) out.push(diff);
      continue;
    }
    const l = now.get(key);
    if (l === undefined) out.push({ id: key, reason: 'gone' });
    else if (fingerprintOf(l) !== fp) out.push({ id: key, reason: 'changed' });
  }
  for (const l of live) if (!(l.id in plan.fingerprints)) out.push({ id: l.id, reason: 'appeared' });
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

function capDiff(path: string, recorded: string, now: Map<string, LiveResource>): StaleDiff | undefined {
  const [pkg = '', eip = ''] = path.split('/');
  const member = now.get(pkg)?.members.find((m) => m.id === eip);
  // A package gone or a member moved already shows in the package's own fingerprint.
  if (member === undefined || member.bandwidth === undefined) return undefined;
  return capValue(member.bandwidth) === recorded ? undefined : { id: path, reason: 'changed' };
}
