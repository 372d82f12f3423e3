import { UnsafePlanError } from '../errors.js';
import type { Plan, ResourceChange, Step } from '../model/plan.js';

/** octoDNS's defaults: refuse when more than 30% would go, once at least 10 are managed. */
export const SAFETY_THRESHOLD = 0.3;
export const SAFETY_MIN_MANAGED = 10;

export interface SafetyOptions {
  force: boolean;
  /** Resources this stack manages in the live state; defaults to the plan's existing ones. */
  managedCount?: number;
  threshold?: number;
  minManaged?: number;
}

export interface SafetyFigures {
  destroys: number;
  replacements: number;
  shrinks: number;
  managed: number;
}

function isDelete(rc: ResourceChange): boolean {
  return (rc.change.actions as readonly string[]).includes('delete');
}

function isShrink(rc: ResourceChange): boolean {
  return rc.change.attributes.some(
    (a) =>
      a.field === 'bandwidth' &&
      typeof a.before === 'number' &&
      typeof a.after === 'number' &&
      a.after < a.before,
  );
}

export function safetyFigures(plan: Plan, managedCount?: number): SafetyFigures {
  const changes = plan.resource_changes;
  return {
    destroys: changes.filter((rc) => rc.change.actions.length === 1 && rc.change.actions[0] === 'delete')
      .length,
    replacements: changes.filter((rc) => rc.change.actions.length === 2).length,
    shrinks: changes.filter((rc) => !isDelete(rc) && isShrink(rc)).length,
    managed: managedCount ?? changes.filter((rc) => rc.id !== null).length,
  };
}

/** A step that deletes its resource (a destroy, or the first half of a replacement). */
export function isDeleteStep(step: Step): boolean {
  return step.action === 'delete' || step.api.action.startsWith('Delete');
}

/**
 * `protect` is absolute: the planner already refuses, and this checks again right before any
 * write, so that a hand-edited or buggy saved plan can never delete a protected package.
 */
export function checkProtect(plan: Plan): void {
  const guarded = new Set(plan.resource_changes.filter((rc) => rc.protect === true).map((rc) => rc.address));
  for (const rc of plan.resource_changes) {
    if (rc.protect === true && isDelete(rc)) {
      throw new UnsafePlanError('protected', `${rc.address} is protected, and this plan would delete it.`, {
        hint: 'Remove `protect: true` from its declaration if it really must go, then plan again.',
      });
    }
  }
  const step = plan.steps.find((s) => guarded.has(s.address) && isDeleteStep(s));
  if (step) {
    throw new UnsafePlanError(
      'protected',
      `${step.address} is protected, and step ${step.id} would delete it.`,
      {
        hint: 'Remove `protect: true` from its declaration if it really must go, then plan again.',
      },
    );
  }
}

/**
 * The safety gate before any write: protect always; and when deletes plus shrinks exceed the
 * threshold share of managed resources, refuse unless forced.
 */
export function checkSafety(plan: Plan, options: SafetyOptions): void {
  checkProtect(plan);
  const f = safetyFigures(plan, options.managedCount);
  const threshold = options.threshold ?? SAFETY_THRESHOLD;
  const risky = f.destroys + f.replacements + f.shrinks;
  if (options.force || f.managed < (options.minManaged ?? SAFETY_MIN_MANAGED)) return;
  if (risky / f.managed <= threshold) return;
  const pct = Math.round((risky / f.managed) * 100);
  throw new UnsafePlanError(
    'unsafe-plan',
    `This plan would destroy ${f.destroys}, replace ${f.replacements} and shrink ${f.shrinks} of ${f.managed} managed ` +
      `resources (${pct}%), above the ${Math.round(threshold * 100)}% safety threshold.`,
    { hint: 'Review the plan above; if it is what you want, run apply again with --force.' },
  );
}
