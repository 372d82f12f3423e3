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
  const waiting = steps.map((s) => s.depends_on.length);
  const dependents: number[][] = steps.map(() => []);
  steps.forEach((s, i) => {
    for (const dep of s.depends_on) {
      const d = index.get(dep);
      if (d === undefined)
        throw new InternalError('plan-graph', `Step ${s.id} depends on unknown step ${dep}.`);
      dependents[d]?.push(i);
    }
  });
  // Kahn's algorithm with a min-heap on the input position: ties keep the input order.
  const ready = new MinHeap();
  waiting.forEach((w, i) => {
    if (w === 0) ready.push(i);
  });
  const out: Step[] = [];
  for (let i = ready.pop(); i !== undefined; i = ready.pop()) {
    out.push(steps[i] as Step);
    for (const next of dependents[i] ?? []) {
      waiting[next] = (waiting[next] ?? 0) - 1;
      if (waiting[next] === 0) ready.push(next);
    }
  }
  if (out.length !== steps.length) {
    const placed = new Set(out.map((s) => s.id));
    const stuck = steps.filter((s) => !placed.has(s.id)).map((s) => s.id);
    throw new InternalError('plan-cycle', `The plan's steps form a cycle: ${stuck.join(', ')}.`);
  }
  return out;
}

class MinHeap {
  private readonly items: number[] = [];

  push(value: number): void {
    const a = this.items;
    a.push(value);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((a[parent] as number) <= value) break;
      a[i] = a[parent] as number;
      i = parent;
    }
    a[i] = value;
  }

  pop(): number | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= a.length) break;
      const r = l + 1;
      const c = r < a.length && (a[r] as number) < (a[l] as number) ? r : l;
      if ((a[c] as number) >= last) break;
      a[i] = a[c] as number;
      i = c;
    }
    a[i] = last;
    return top;
  }
}
