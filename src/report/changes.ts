import type { Plan, ResourceChange } from '../model/plan.js';

/** The five things a resource change can be, in the order people should read them. */
export type ChangeKind = 'delete' | 'replace' | 'update' | 'create' | 'no-op';

export const CHANGE_ORDER: readonly ChangeKind[] = ['delete', 'replace', 'update', 'create', 'no-op'];

export function changeKind(rc: ResourceChange): ChangeKind {
  const [first, second] = rc.change.actions;
  if (first === 'delete' && second === 'create') return 'replace';
  return first;
}

/** Terraform's symbols: `+` create, `~` update in-place, `-` destroy, `-/+` replace. */
export const SYMBOL: Record<ChangeKind, string> = {
  create: '+',
  update: '~',
  delete: '-',
  replace: '-/+',
  'no-op': ' ',
};

export const HEADER_PHRASE: Record<ChangeKind, string> = {
  create: 'will be created',
  update: 'will be updated in-place',
  delete: 'will be destroyed',
  replace: 'must be replaced',
  'no-op': 'is up to date',
};

export const LEGEND: Record<ChangeKind, string> = {
  create: 'create',
  update: 'update in-place',
  delete: 'destroy',
  replace: 'destroy and then create replacement',
  'no-op': 'no changes',
};

/** Counts in Terraform's grammar: a replacement counts once in add and once in destroy. */
export interface Counts {
  add: number;
  change: number;
  destroy: number;
  replace: number;
  noOp: number;
}

export function countChanges(plan: Plan): Counts {
  const counts: Counts = { add: 0, change: 0, destroy: 0, replace: 0, noOp: 0 };
  for (const rc of plan.resource_changes) {
    const kind = changeKind(rc);
    if (kind === 'create') counts.add += 1;
    else if (kind === 'update') counts.change += 1;
    else if (kind === 'delete') counts.destroy += 1;
    else if (kind === 'no-op') counts.noOp += 1;
    else {
      counts.replace += 1;
      counts.add += 1;
      counts.destroy += 1;
    }
  }
  return counts;
}

/** The frozen summary line; machines parse it, so its grammar never changes. */
export function summaryLine(counts: Counts): string {
  return `Plan: ${counts.add} to add, ${counts.change} to change, ${counts.destroy} to destroy.`;
}

export const NO_CHANGES = 'No changes. Live state matches the configuration.';

export function hasChanges(plan: Plan): boolean {
  return plan.resource_changes.some((rc) => changeKind(rc) !== 'no-op');
}

/** Changes sorted for reading: destroys and replacements first, then by address. */
export function orderedChanges(plan: Plan, options: { includeNoOp: boolean }): ResourceChange[] {
  const rank = (rc: ResourceChange) => CHANGE_ORDER.indexOf(changeKind(rc));
  return plan.resource_changes
    .filter((rc) => options.includeNoOp || changeKind(rc) !== 'no-op')
    .slice()
    .sort((a, b) => rank(a) - rank(b) || compareText(a.address, b.address));
}

export function compareText(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/** Why a change is planned, in words, for the `# (because …)` line. */
export function reasonText(rc: ResourceChange): string | undefined {
  switch (rc.reason) {
    case 'ensure-absent':
      return 'declared with ensure: absent';
    case 'prune':
      return 'tagged with this stack but no longer declared, and --prune is set';
    case 'adopt':
      return 'adopted by its id';
    case 'drift':
      // Without a state file bwsync cannot tell whether the YAML or the cloud moved.
      return 'the live state differs from the configuration';
    case 'release-member':
      return 'it holds a member that another package declares';
    default:
      return undefined;
  }
}
