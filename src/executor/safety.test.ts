import { describe, expect, it } from 'vitest';
import { planOf, steps } from '../../test/integration/apply-fakes.js';
import { UnsafePlanError } from '../errors.js';
import type { ChangeActions, ResourceChange } from '../model/plan.js';
import { checkSafety, safetyFigures } from './safety.js';

function rc(i: number, actions: ChangeActions, extra: Partial<ResourceChange> = {}): ResourceChange {
  return {
    address: `sharedBandwidth/cn-hangzhou/p${i}`,
    kind: 'sharedBandwidth',
    region: 'cn-hangzhou',
    name: `p${i}`,
    id: actions[0] === 'create' ? null : `cbwp-${i}`,
    change: { actions, before: null, after: null, attributes: [] },
    ...extra,
  };
}

function shrink(i: number): ResourceChange {
  return rc(i, ['update'], {
    change: {
      actions: ['update'],
      before: null,
      after: null,
      attributes: [{ field: 'bandwidth', before: 100, after: 50, class: 'mutable-with-wait' }],
    },
  });
}

/** `n` managed resources of which the first `risky` are destroys/replacements/shrinks. */
function planWith(n: number, risky: ResourceChange[]) {
  const rest = Array.from({ length: n - risky.length }, (_, i) => rc(100 + i, ['no-op']));
  return planOf([], [...risky, ...rest]);
}

describe('checkSafety', () => {
  it('refuses more than 30% of at least 10 managed resources without --force, with the numbers', () => {
    const plan = planWith(10, [rc(1, ['delete']), rc(2, ['delete', 'create']), shrink(3), shrink(4)]);
    expect(safetyFigures(plan)).toEqual({ destroys: 1, replacements: 1, shrinks: 2, managed: 10 });
    expect(() => checkSafety(plan, { force: false })).toThrow(UnsafePlanError);
    expect(() => checkSafety(plan, { force: false })).toThrow(
      'This plan would destroy 1, replace 1 and shrink 2 of 10 managed resources (40%), above the 30% safety threshold.',
    );
    expect(() => checkSafety(plan, { force: true })).not.toThrow();
  });

  it('allows exactly the threshold, and any share below 10 managed resources', () => {
    expect(() =>
      checkSafety(planWith(10, [rc(1, ['delete']), rc(2, ['delete']), rc(3, ['delete'])]), { force: false }),
    ).not.toThrow();
    expect(() =>
      checkSafety(planWith(9, [rc(1, ['delete']), rc(2, ['delete']), rc(3, ['delete']), rc(4, ['delete'])]), {
        force: false,
      }),
    ).not.toThrow();
  });

  it('uses the managed count from the live state when given', () => {
    const plan = planWith(10, [rc(1, ['delete']), rc(2, ['delete']), rc(3, ['delete']), rc(4, ['delete'])]);
    expect(() => checkSafety(plan, { force: false, managedCount: 40 })).not.toThrow();
  });

  it('does not count growth as a shrink', () => {
    const grow = shrink(1);
    grow.change.attributes[0]!.after = 200;
    expect(safetyFigures(planWith(10, [grow])).shrinks).toBe(0);
  });

  it('refuses to delete a protected resource even with --force', () => {
    const plan = planWith(2, [rc(1, ['delete'], { protect: true })]);
    expect(() => checkSafety(plan, { force: true })).toThrow(/sharedBandwidth\/cn-hangzhou\/p1 is protected/);
    const viaStep = planOf(
      [steps.delete('del', 'cbwp-1')],
      [{ ...rc(1, ['no-op']), address: 'sharedBandwidth/cn-hangzhou/web', protect: true }],
    );
    expect(() => checkSafety(viaStep, { force: true })).toThrow(/step del would delete it/);
  });
});
