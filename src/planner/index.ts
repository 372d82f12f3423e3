import type { RpcClient } from '../aliyun/types.js';
import type { DesiredState } from '../model/desired.js';
import type { LiveState } from '../model/live.js';
import { PLAN_FORMAT_VERSION, type Plan, type ResourceChange } from '../model/plan.js';
import { buildWorks } from './build.js';
import { sha256 } from './canonical.js';
import { desiredHashOf, fingerprintsOf } from './fingerprint.js';
import { DEFAULT_PLAN_OPTIONS, type PlanOptions } from './options.js';
import { orderSteps } from './order.js';
import { type ReadOptions, readLive } from './read.js';

export { canonicalJson, hashOf } from './canonical.js';
export { desiredHashOf, fingerprintOf, fingerprintsOf } from './fingerprint.js';
export { DEFAULT_PLAN_OPTIONS, type PlanOptions, parseTarget } from './options.js';
export { readPlanFile, validatePlan, writePlanFile } from './plan-file.js';
export { type ReadOptions, readLive, regionsToRead } from './read.js';
export { checkStale, type StaleDiff } from './stale.js';

/** The pure planner: desired + live → an ordered, hashed plan. No I/O; equal input, equal output. */
export function planChanges(
  desired: DesiredState,
  live: LiveState,
  options: Partial<PlanOptions> = {},
): Plan {
  const opts: PlanOptions = { ...DEFAULT_PLAN_OPTIONS, ...options };
  const built = buildWorks(desired, live, opts);
  const works = [...built.works].sort((a, b) => a.change.address.localeCompare(b.change.address));
  const steps = orderSteps(works.map((w) => w.drafts));
  const resource_changes = works.map((w) => w.change);
  const plan: Plan = {
    format_version: PLAN_FORMAT_VERSION,
    tool: { name: 'bwsync', version: opts.toolVersion },
    stack: desired.stack,
    desired_hash: desiredHashOf(desired),
    plan_hash: '',
    options: {
      prune: opts.prune,
      allow_replace: opts.allowReplace,
      regions: [...new Set([...live.regions, ...opts.regions])].sort(),
      targets: [...opts.targets].sort(),
    },
    resource_changes,
    steps,
    summary: summarise(resource_changes),
    unmanaged: built.unmanaged,
    warnings: sortDiagnostics(built.warnings),
    errors: sortDiagnostics(built.errors),
    fingerprints: fingerprintsOf(live.resources),
  };
  // Built in a fixed key order (tags sorted), so plain JSON is canonical here and much faster.
  const body = JSON.stringify({
    resource_changes,
    steps,
    errors: plan.errors,
    fingerprints: plan.fingerprints,
  });
  plan.plan_hash = `sha256:${sha256(body)}`;
  return plan;
}

function summarise(changes: ResourceChange[]): Plan['summary'] {
  const s = { add: 0, change: 0, destroy: 0, replace: 0, no_op: 0 };
  for (const c of changes) {
    const a = c.change.actions;
    if (a.length === 2) {
      s.replace++;
      s.add++;
      s.destroy++;
    } else if (a[0] === 'create') s.add++;
    else if (a[0] === 'update') s.change++;
    else if (a[0] === 'delete') s.destroy++;
    else s.no_op++;
  }
  return s;
}

function sortDiagnostics<T extends { address?: string; code: string; message: string }>(d: T[]): T[] {
  return [...d].sort(
    (a, b) =>
      (a.address ?? '').localeCompare(b.address ?? '') ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message),
  );
}

/** Reads the live state, then plans. */
export async function createPlan(input: {
  client: RpcClient;
  desired: DesiredState;
  options?: Partial<PlanOptions> & ReadOptions;
}): Promise<{ plan: Plan; live: LiveState }> {
  const live = await readLive(input.client, input.desired, input.options ?? {});
  return { plan: planChanges(input.desired, live, input.options ?? {}), live };
}
