import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { convergedResult, partialResult } from '../../test/fixtures/plans/apply-results.js';
import { emptyPlan, erroredPlan, everyChangePlan } from '../../test/fixtures/plans/every-change.js';
import { largePlan } from '../../test/fixtures/plans/large.js';
import type { Plan } from '../model/plan.js';
import { renderApplyReport, renderPlan } from './index.js';

function compile(name: string): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  const schema = JSON.parse(
    readFileSync(new URL(`../../schemas/${name}`, import.meta.url), 'utf8'),
  ) as object;
  return ajv.compile(schema);
}

const planSchema = compile('plan-output.schema.json');
const reportSchema = compile('apply-report.schema.json');

describe('json plan', () => {
  it.each([
    ['every change', everyChangePlan()],
    ['empty', emptyPlan()],
    ['errored', erroredPlan()],
    ['large', largePlan(200)],
  ])('prints a document that validates against schemas/plan-output.schema.json (%s)', (_name, plan) => {
    const doc: unknown = JSON.parse(renderPlan(plan, { format: 'json' }));
    const ok = planSchema(doc);
    expect(planSchema.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('is the plan document itself: parsing it gives the plan back', () => {
    const plan = everyChangePlan();
    expect(JSON.parse(renderPlan(plan, { format: 'json' }))).toEqual(plan);
  });

  it('prints keys in a stable order whatever order the object was built in', () => {
    const plan = everyChangePlan();
    const shuffled = JSON.parse(
      JSON.stringify(plan, Object.keys(plan).reverse().concat(allKeys(plan))),
    ) as Plan;
    const reversed = reverseKeys(plan) as Plan;
    const out = renderPlan(plan, { format: 'json' });
    expect(renderPlan(reversed, { format: 'json' })).toBe(out);
    expect(renderPlan(shuffled, { format: 'json' })).toBe(out);
    expect(Object.keys(JSON.parse(out) as object).slice(0, 3)).toEqual(['format_version', 'tool', 'stack']);
  });

  it('matches the snapshot of the every-change plan and the empty plan', async () => {
    await expect(renderPlan(everyChangePlan(), { format: 'json' })).toMatchFileSnapshot(
      './__snapshots__/every-change.json.snap',
    );
    await expect(renderPlan(emptyPlan(), { format: 'json' })).toMatchFileSnapshot(
      './__snapshots__/empty.json.snap',
    );
  });

  it('rejects a document the schema does not describe', () => {
    const doc = JSON.parse(renderPlan(everyChangePlan(), { format: 'json' })) as Record<string, unknown>;
    doc.resource_changes = [{ address: 'x', kind: 'vpn', change: {} }];
    expect(planSchema(doc)).toBe(false);
  });
});

describe('json apply report', () => {
  it.each([
    ['converged', convergedResult(everyChangePlan())],
    ['partial failure', partialResult(everyChangePlan(), { failAt: 2 })],
    ['interrupted', partialResult(everyChangePlan(), { failAt: 5, interruptAfter: 9 })],
  ])('validates against schemas/apply-report.schema.json (%s)', (_name, result) => {
    const doc: unknown = JSON.parse(renderApplyReport(result, { format: 'json' }));
    reportSchema(doc);
    expect(reportSchema.errors ?? []).toEqual([]);
    expect(doc).toEqual(result);
  });
});

function allKeys(value: unknown, into = new Set<string>()): string[] {
  if (Array.isArray(value)) for (const v of value) allKeys(v, into);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      allKeys(v, into);
    }
  }
  return [...into].reverse();
}

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)]),
  );
}
