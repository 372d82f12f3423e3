import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { executePlan } from '../../src/executor/index.js';
import { loadOrThrow } from '../../src/loader/index.js';
import { STACK_TAG } from '../../src/model/kinds.js';
import type { Plan } from '../../src/model/plan.js';
import { createPlan, type PlanOptions } from '../../src/planner/index.js';
import { type Harness, startHarness } from './apply-harness.js';

/**
 * Planner convergence on the emulator for what needs cross-package ordering: moves, swaps,
 * replacement, adoption and prune. Each scenario applies, then demands an empty plan.
 */
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

let n = 0;
async function planFor(harness: Harness, yaml: string, options: Partial<PlanOptions> = {}): Promise<Plan> {
  const file = join(harness.dir, `conv-${++n}.yaml`);
  writeFileSync(file, yaml);
  const { state } = await loadOrThrow([file], { cwd: harness.dir });
  return (await createPlan({ client: harness.client, desired: state, options })).plan;
}

async function converge(harness: Harness, yaml: string, options: Partial<PlanOptions> = {}): Promise<Plan> {
  const plan = await planFor(harness, yaml, options);
  expect(plan.errors).toEqual([]);
  const result = await executePlan(plan, {
    client: harness.client,
    concurrency: 8,
    stack: plan.stack,
    pollIntervalMs: 10,
    maxPollIntervalMs: 50,
  });
  expect(
    result.steps.filter((s) => s.status !== 'done').map((s) => `${s.id}: ${s.error?.code ?? s.status}`),
  ).toEqual([]);
  const again = await planFor(harness, yaml, options);
  expect(again.steps.map((s) => s.id)).toEqual([]);
  return plan;
}

const head = 'version: 1\nstack: conv\ndefaults: { region: cn-hangzhou }\n';
const E = (i: number) => `eip-bp1demo000000000000${i}`;

describe('plan → apply → empty plan', () => {
  it('swaps EIPs between two packages and moves one into a new package', async () => {
    h = await startHarness();
    await converge(
      h,
      `${head}sharedBandwidth:\n  - { name: pa, bandwidth: 50, ips: [${E(1)}, ${E(2)}] }\n  - { name: pb, bandwidth: 50, ips: [${E(3)}] }\n`,
    );
    const swap = await converge(
      h,
      `${head}sharedBandwidth:\n  - { name: pa, bandwidth: 50, ips: [${E(3)}] }\n  - { name: pb, bandwidth: 50, ips: [${E(1)}] }\n  - { name: pc, bandwidth: 20, ips: [${E(2)}] }\n`,
    );
    expect(swap.summary).toMatchObject({ add: 1, change: 2 });
  });

  it('moves a GA accelerator between plans', async () => {
    h = await startHarness();
    const ga = (x: string, y: string) =>
      `${head}gaBandwidth:\n  - { name: gx, bandwidth: 100, chargeType: POSTPAY, accelerators: [${x}] }\n  - { name: gy, bandwidth: 100, chargeType: POSTPAY, accelerators: [${y}] }\n`;
    await converge(h, ga('ga-bp1demo000000000001', ''));
    const move = await converge(h, ga('', 'ga-bp1demo000000000001'));
    expect(move.steps.map((s) => s.action)).toEqual(['remove-accelerator', 'add-accelerator']);
  });

  it('replaces a package on an immutable change only with --allow-replace', async () => {
    h = await startHarness();
    await converge(
      h,
      `${head}sharedBandwidth:\n  - { name: pa, bandwidth: 50, internetChargeType: PayByBandwidth, ips: [${E(1)}] }\n`,
    );
    const changed = `${head}sharedBandwidth:\n  - { name: pa, bandwidth: 50, internetChargeType: PayByDominantTraffic, ips: [${E(1)}] }\n`;
    expect((await planFor(h, changed)).errors.map((e) => e.code)).toEqual(['immutable-change']);
    const plan = await converge(h, changed, { allowReplace: true });
    expect(plan.resource_changes[0]?.change.actions).toEqual(['delete', 'create']);
    const inventory = await h.inventory();
    expect(inventory.filter((r) => r.name === 'pa')).toHaveLength(1);
  });

  it('adopts the hand-made package by id and prunes what the stack no longer declares', async () => {
    h = await startHarness();
    await converge(
      h,
      `${head}sharedBandwidth:\n  - { name: adopted, id: cbwp-bp1demohandmade0001, bandwidth: 30 }\n  - { name: old, bandwidth: 10, ips: [${E(4)}] }\n`,
    );
    const adopted = (await h.inventory()).find((r) => r.id === 'cbwp-bp1demohandmade0001');
    // Adoption manages the package as it is: it is renamed and resized, never tagged.
    expect(adopted).toMatchObject({ name: 'adopted', bandwidth: 30 });
    expect(adopted?.tags[STACK_TAG]).toBeUndefined();
    const keep = `${head}sharedBandwidth:\n  - { name: adopted, id: cbwp-bp1demohandmade0001 }\n`;
    const noPrune = await planFor(h, keep);
    expect(noPrune.steps).toEqual([]);
    expect(noPrune.unmanaged.find((u) => u.name === 'old')?.reason).toBe('undeclared');
    const pruned = await converge(h, keep, { prune: true });
    expect(pruned.steps.map((s) => s.id)).toEqual(['sharedBandwidth/cn-hangzhou/old:delete']);
    expect((await h.inventory()).some((r) => r.name === 'old')).toBe(false);
    // Undeclared again, the adopted package is unmanaged: prune never deletes what bwsync did not create.
    const dropped = await converge(h, `${head}sharedBandwidth: []\n`, { prune: true });
    expect(dropped.steps).toEqual([]);
    expect((await h.inventory()).some((r) => r.id === 'cbwp-bp1demohandmade0001')).toBe(true);
  });
});
