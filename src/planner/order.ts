import { InternalError } from '../errors.js';
import type { Step } from '../model/plan.js';
import type { StepDraft } from '../providers/index.js';

/**
 * Turns each resource's ordered drafts into one dependency graph:
 * - steps of one resource run in the provider's order (a chain);
 * - a member attached somewhere waits for its detach from the old package (moves, swaps);
 * then sorts it topologically, ties broken by the input order, so equal input gives an equal plan.
 */
export function orderSteps(chains: StepDraft[][]): Step[] {
  uniqueIds(chains);
  const detachOf = new Map<string, string>();
  for (const chain of chains) {
    for (const d of chain)
      for (const m of d.detaches ?? [])
        if (!detachOf.has(`${d.step.kind}:${m}`)) detachOf.set(`${d.step.kind}:${m}`, d.step.id);
  }
  const all: Step[] = [];
  for (const chain of chains) {
    chain.forEach((d, i) => {
      const deps = new Set(d.step.depends_on);
      const prev = chain[i - 1];
      if (prev) deps.add(prev.step.id);
      for (const m of d.attaches ?? []) {
        const detach = detachOf.get(`${d.step.kind}:${m}`);
        if (detach !== undefined && detach !== d.step.id) deps.add(detach);
      }
      d.step.depends_on = [...deps].sort();
      all.push(d.step);
    });
  }
  return topoSort(all);
}

function uniqueIds(chains: StepDraft[][]): void {
  const seen = new Map<string, number>();
  for (const chain of chains) {
    for (const d of chain) {
      const n = (seen.get(d.step.id) ?? 0) + 1;
      seen.set(d.step.id, n);
      if (n > 1) d.step.id = `${d.step.id}:${n}`;
    }
  }
}

function topoSort(steps: Step[]): Step[] {
  const index = new Map(steps.map((s, i) => [s.id, i]));
  const waiting = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const s of steps) {
    waiting.set(s.id, s.depends_on.length);
    for (const dep of s.depends_on) {
      if (!index.has(dep))
        throw new InternalError('plan-graph', `Step ${s.id} depends on unknown step ${dep}.`);
      dependents.set(dep, [...(dependents.get(dep) ?? []), s.id]);
    }
  }
  const ready = steps.filter((s) => s.depends_on.length === 0).map((s) => s.id);
  const out: Step[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => (index.get(a) ?? 0) - (index.get(b) ?? 0));
    const id = ready.shift() as string;
    out.push(steps[index.get(id) ?? 0] as Step);
    for (const next of dependents.get(id) ?? []) {
      const left = (waiting.get(next) ?? 0) - 1;
      waiting.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  if (out.length !== steps.length) {
    const stuck = steps.filter((s) => !out.includes(s)).map((s) => s.id);
    throw new InternalError('plan-cycle', `The plan's steps form a cycle: ${stuck.join(', ')}.`);
  }
  return out;
}
