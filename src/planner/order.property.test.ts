import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { desiredState, dShared, liveState, lShared } from '../../test/helpers/builders.js';
import type { Plan } from '../model/plan.js';
import { planChanges } from './index.js';

/**
 * Random EIP layouts before and after, over several managed packages: the plan must be a valid
 * order in which, simulated step by step, no EIP is ever in two packages and the end state is
 * the desired one. Covers moves, swaps and longer cycles.
 */
const PACKAGES = ['p0', 'p1', 'p2', 'p3'];
const EIPS = Array.from({ length: 14 }, (_, i) => `eip-${String(i).padStart(2, '0')}`);

const layout = fc.array(fc.integer({ min: -1, max: PACKAGES.length - 1 }), {
  minLength: EIPS.length,
  maxLength: EIPS.length,
});

function members(assign: number[], pkg: number): string[] {
  return EIPS.filter((_, i) => assign[i] === pkg);
}

function simulate(plan: Plan, start: Map<string, string>): Map<string, string> {
  const holder = new Map(start);
  const done = new Set<string>();
  const idOf = (p: unknown) => (typeof p === 'string' ? p : `new:${(p as { ref: string }).ref}`);
  for (const s of plan.steps) {
    for (const d of s.depends_on) expect(done.has(d), `${s.id} runs before ${d}`).toBe(true);
    const pkg =
      s.api.action === 'CreateCommonBandwidthPackage' ? `new:${s.id}` : idOf(s.api.params.BandwidthPackageId);
    if (s.api.action === 'AddCommonBandwidthPackageIps') {
      for (const eip of s.api.params.IpInstanceIds as string[]) {
        expect(holder.get(eip), `${eip} still in ${holder.get(eip)} when added to ${pkg}`).toBeUndefined();
        holder.set(eip, pkg);
      }
    }
    if (s.api.action === 'RemoveCommonBandwidthPackageIp') {
      const eip = s.api.params.IpInstanceId as string;
      expect(holder.get(eip)).toBe(pkg);
      holder.delete(eip);
    }
    done.add(s.id);
  }
  return holder;
}

describe('ordering of EIP moves (property)', () => {
  it('never puts an EIP in two packages and ends in the desired layout', () => {
    fc.assert(
      fc.property(
        layout,
        layout,
        fc.integer({ min: 0, max: PACKAGES.length - 1 }),
        (before, after, fresh) => {
          // One package (`fresh`) does not exist yet, so creates take part too; it starts empty.
          const start = before.map((p) => (p === fresh ? -1 : p));
          const live = PACKAGES.flatMap((name, i) =>
            i === fresh ? [] : [lShared(`cbwp-${i}`, name, { members: members(start, i) })],
          );
          const desired = PACKAGES.map((name, i) => dShared(name, { ips: members(after, i) }));
          const plan = planChanges(desiredState(desired), liveState(live));
          expect(plan.errors).toEqual([]);
          expect(new Set(plan.steps.map((s) => s.id)).size).toBe(plan.steps.length);
          const startHolder = new Map<string, string>();
          start.forEach((p, i) => {
            if (p >= 0) startHolder.set(EIPS[i] as string, `cbwp-${p}`);
          });
          const end = simulate(plan, startHolder);
          const newId = `new:sharedBandwidth/cn-hangzhou/${PACKAGES[fresh]}:create`;
          after.forEach((p, i) => {
            const eip = EIPS[i] as string;
            const want = p < 0 ? undefined : p === fresh ? newId : `cbwp-${p}`;
            expect(end.get(eip), eip).toBe(want);
          });
        },
      ),
      { numRuns: 300, seed: 20261125 },
    );
  });
});
