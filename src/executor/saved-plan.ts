import type { RpcClient } from '../aliyun/types.js';
import { StalePlanError } from '../errors.js';
import { isRegional, KINDS, type Kind } from '../model/kinds.js';
import type { LiveResource } from '../model/live.js';
import type { Plan } from '../model/plan.js';
import { checkStale, fingerprintOf, type StaleDiff } from '../planner/index.js';
import { providerFor } from '../providers/index.js';

/**
 * Reads the live state again the way the plan read it: the same regions, every kind, and the
 * per-IP caps of the packages the plan covers. A saved plan carries no desired state, so
 * which EIP caps the plan read is not known exactly; see `asPlanned`.
 */
export async function rereadForPlan(
  client: RpcClient,
  plan: Plan,
  signal?: AbortSignal,
): Promise<LiveResource[]> {
  const regions = [...new Set(plan.options.regions)].sort();
  const packages = plan.resource_changes.filter((rc) => rc.kind === 'sharedBandwidth' && rc.id !== null);
  const capsFor = packages.map((rc) => rc.id as string);
  const lists = await Promise.all(
    KINDS.map((kind: Kind) =>
      isRegional(kind) && regions.length === 0
        ? Promise.resolve([])
        : providerFor(kind).list(client, { regions, capsFor, ...(signal ? { signal } : {}) }),
    ),
  );
  return lists.flat().map((live) => asPlanned(live, plan));
}

/**
 * The plan fingerprinted EIP caps only for EIPs whose caps the YAML declares. Try the likely
 * readings (no caps read; caps of all members; of capped members and members the plan
 * changes caps of) and keep the one the plan recorded, if any; otherwise the resource has
 * really changed.
 */
function asPlanned(live: LiveResource, plan: Plan): LiveResource {
  const recorded = plan.fingerprints[live.id];
  if (recorded === undefined || live.kind !== 'sharedBandwidth' || !live.capsRead) return live;
  const planned = new Set(
    plan.steps
      .filter((s) => s.api.params.BandwidthPackageId === live.id && typeof s.api.params.EipId === 'string')
      .map((s) => s.api.params.EipId as string),
  );
  const capped = new Set(live.members.filter((m) => typeof m.bandwidth === 'number').map((m) => m.id));
  const candidates: ((id: string) => boolean)[] = [
    () => false,
    () => true,
    (id) => capped.has(id) || planned.has(id),
    (id) => capped.has(id),
    (id) => planned.has(id),
  ];
  for (const keep of candidates) {
    const variant: LiveResource = {
      ...live,
      members: live.members.map((m) => {
        if (keep(m.id)) return { ...m };
        const { bandwidth: _drop, ...rest } = m;
        return rest;
      }),
    };
    if (fingerprintOf(variant) === recorded) return variant;
  }
  return live;
}

/** Refuses a saved plan whose live objects changed since it was made. */
export function assertFresh(plan: Plan, live: LiveResource[]): void {
  const diffs = checkStale(plan, live);
  if (diffs.length === 0) return;
  throw new StalePlanError('stale-plan', `plan is stale: ${describeDiffs(diffs)}.`, {
    hint: 'Make a new plan (bwsync plan --out plan.json), review it, then apply that.',
  });
}

function describeDiffs(diffs: StaleDiff[]): string {
  const shown = diffs
    .slice(0, 5)
    .map(
      (d) => `${d.id} ${d.reason === 'appeared' ? 'appeared' : d.reason === 'gone' ? 'is gone' : 'changed'}`,
    );
  const more = diffs.length > shown.length ? ` and ${diffs.length - shown.length} more` : '';
  const n = diffs.length;
  return `${n} live object${n === 1 ? '' : 's'} changed since it was made (${shown.join(', ')}${more})`;
}
