import { ConfigError } from '../errors.js';
import type { Kind } from '../model/kinds.js';
import { KINDS } from '../model/kinds.js';

export interface PlanOptions {
  /** Delete live resources tagged with this stack that are no longer declared. */
  prune: boolean;
  /** Allow immutable changes as delete-then-create. */
  allowReplace: boolean;
  /** Extra sharedBandwidth regions to read (beyond the declared ones). */
  regions: string[];
  /** `KIND/NAME` or `KIND/REGION/NAME`; empty = everything. */
  targets: string[];
  /** bwsync version written into the plan. */
  toolVersion: string;
}

export const DEFAULT_PLAN_OPTIONS: PlanOptions = {
  prune: false,
  allowReplace: false,
  regions: [],
  targets: [],
  toolVersion: '0.0.0',
};

interface Target {
  kind: Kind;
  region?: string;
  name: string;
}

export function parseTarget(text: string): Target {
  const parts = text.split('/');
  const kind = parts[0] as Kind;
  if (!KINDS.includes(kind) || parts.length < 2 || parts.length > 3 || parts.some((p) => p === '')) {
    throw new ConfigError(
      `--target ${text} is not KIND/NAME or KIND/REGION/NAME (KIND is one of ${KINDS.join(', ')}).`,
      {
        code: 'bad-target',
      },
    );
  }
  return parts.length === 3
    ? { kind, region: parts[1], name: parts[2] as string }
    : { kind, name: parts[1] as string };
}

/** A predicate over (kind, region, name); always true without targets. */
export function targetFilter(targets: string[]): (kind: Kind, region: string, name: string) => boolean {
  if (targets.length === 0) return () => true;
  const parsed = targets.map(parseTarget);
  return (kind, region, name) =>
    parsed.some((t) => t.kind === kind && t.name === name && (t.region === undefined || t.region === region));
}
