import { afterEach, describe, expect, it } from 'vitest';
import { FAULT_KINDS } from '../../src/emulator/index.js';
import type { ApplyResult } from '../../src/model/result.js';
import { duplicates, type Harness, startHarness } from './apply-harness.js';
import { CHANGE, CREATE, DELETE } from './apply-scenarios.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Applies until converged, at most `max` runs; a run may also fail outright (planning reads). */
async function converge(
  harness: Harness,
  yaml: string,
  max: number,
): Promise<{ runs: number; last?: ApplyResult }> {
  let last: ApplyResult | undefined;
  for (let run = 1; run <= max; run++) {
    try {
      last = (await harness.apply(yaml)).result;
      if (last.converged) return { runs: run, last };
    } catch {
      // A plan whose reads kept failing: the next run starts over, as a user would.
    }
  }
  return { runs: max + 1, ...(last ? { last } : {}) };
}

describe('apply under the emulator fault injection', () => {
  for (const seed of [11, 22, 33]) {
    it(`converges within 3 applies under 20% faults of every kind (seed ${seed}), creating nothing twice`, async () => {
      h = await startHarness();
      for (const yaml of [CREATE, CHANGE, DELETE]) {
        await h.emulator.setFaults({ rate: 0.2, kinds: [...FAULT_KINDS], seed, latencyMs: 5 });
        const { runs, last } = await converge(h, yaml, 3);
        await h.emulator.setFaults({ rate: 0, kinds: [] });
        expect(runs, JSON.stringify(last?.steps.filter((s) => s.status !== 'done'))).toBeLessThanOrEqual(3);
        expect(duplicates(await h.inventory())).toEqual([]);
        expect((await h.plan(yaml)).steps).toEqual([]);
      }
      const stats = await h.emulator.stats();
      // Which kinds hit depends on timing; the ambiguous-only test below pins that one down.
      expect(Object.values(stats.faults).reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
      expect(Object.keys(stats.faults).length).toBeGreaterThanOrEqual(3);
      // The unmanaged package of the demo account was never touched.
      const handMade = (await h.inventory()).find((r) => r.id === 'cbwp-bp1demohandmade0001');
      expect(handMade).toMatchObject({ bandwidth: 20, members: [] });
    });
  }

  for (const kind of FAULT_KINDS) {
    it(`converges within 3 applies under 30% "${kind}" faults, creating nothing twice`, async () => {
      h = await startHarness();
      for (const yaml of [CREATE, CHANGE, DELETE]) {
        await h.emulator.setFaults({ rate: 0.3, kinds: [kind], seed: 7, latencyMs: 5 });
        const { runs } = await converge(h, yaml, 3);
        await h.emulator.setFaults({ rate: 0, kinds: [] });
        expect(runs).toBeLessThanOrEqual(3);
        expect(duplicates(await h.inventory())).toEqual([]);
        expect((await h.plan(yaml)).steps).toEqual([]);
      }
      expect((await h.emulator.stats()).faults[kind]).toBeGreaterThan(0);
    });
  }

  it('converges when every write loses its response (ambiguous) at 50%', async () => {
    h = await startHarness();
    for (const yaml of [CREATE, CHANGE, DELETE]) {
      await h.emulator.setFaults({ rate: 0.5, kinds: ['ambiguous'], seed: 5 });
      const { runs } = await converge(h, yaml, 3);
      await h.emulator.setFaults({ rate: 0, kinds: [] });
      expect(runs).toBeLessThanOrEqual(3);
      expect(duplicates(await h.inventory())).toEqual([]);
      expect((await h.plan(yaml)).steps).toEqual([]);
    }
    expect((await h.emulator.stats()).faults.ambiguous).toBeGreaterThan(5);
  });
});
