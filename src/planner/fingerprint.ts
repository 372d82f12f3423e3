import type { DesiredState } from '../model/desired.js';
import type { LiveResource } from '../model/live.js';
import { hashOf } from './canonical.js';

/**
 * What a saved plan remembers of each live object it read: the parts a plan depends on
 * (id, status, bandwidth, members with their status and caps, tags).
 */
export function fingerprintOf(live: LiveResource): string {
  return hashOf({
    id: live.id,
    status: live.status,
    bandwidth: live.bandwidth,
    members: live.members.map((m) => ({ id: m.id, status: m.status, bandwidth: m.bandwidth })),
    tags: live.tags,
  });
}

export function fingerprintsOf(live: LiveResource[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of [...live].sort((a, b) => a.id.localeCompare(b.id))) out[r.id] = fingerprintOf(r);
  return out;
}

/** The desired state without source positions: moving a declaration between files is no change. */
export function desiredHashOf(desired: DesiredState): string {
  const resources = desired.resources.map(({ loc: _loc, fieldLocs: _f, ...rest }) => ({
    ...rest,
    ips: 'ips' in rest && rest.ips ? rest.ips.map(({ loc: _l, ...ip }) => ip) : undefined,
  }));
  return hashOf({ version: desired.version, stack: desired.stack, resources });
}
