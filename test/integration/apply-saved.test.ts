import { afterEach, describe, expect, it } from 'vitest';
import { StalePlanError } from '../../src/errors.js';
import { assertFresh, rereadForPlan } from '../../src/executor/saved-plan.js';
import { type Harness, startHarness } from './apply-harness.js';
import { CHANGE, CREATE } from './apply-scenarios.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('saved plans', () => {
  it('re-reads the live state as the plan read it, per-IP caps included, and finds it fresh', async () => {
    h = await startHarness();
    await h.apply(CREATE);
    const plan = await h.plan(CHANGE);
    expect(plan.steps.some((s) => s.action === 'set-ip-cap')).toBe(true);
    const live = await rereadForPlan(h.client, plan);
    expect(() => assertFresh(plan, live)).not.toThrow();
  });

  it('is stale once a package it read has changed, naming it', async () => {
    h = await startHarness();
    await h.apply(CREATE);
    const plan = await h.plan(CHANGE);
    await h.apply(CREATE.replace('bandwidth: 100', 'bandwidth: 120'));
    const live = await rereadForPlan(h.client, plan);
    const web = live.find((r) => r.name === 'web')!;
    expect(() => assertFresh(plan, live)).toThrow(StalePlanError);
    expect(() => assertFresh(plan, live)).toThrow(
      new RegExp(`plan is stale: 1 live object changed since it was made \\(${web.id} changed\\)`),
    );
  });
});
