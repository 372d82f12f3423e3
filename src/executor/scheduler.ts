import { InternalError } from '../errors.js';
import type { Step } from '../model/plan.js';

export type Outcome = 'done' | 'failed' | 'not-started';

export interface ScheduleOptions {
  steps: readonly Step[];
  /** Runs one step; must not reject. */
  run: (step: Step) => Promise<Outcome>;
  /** When aborted, no further step is begun; the ones running finish. */
  stop?: AbortSignal;
  /** Called once for each step skipped because a step it depends on failed. */
  onSkip: (step: Step, because: string) => void;
}

export interface ScheduleResult {
  /** Steps never begun (interrupted before their turn). */
  notStarted: string[];
}

/** Refuses a graph the planner should never produce: duplicate ids, unknown deps, cycles. */
export function checkGraph(steps: readonly Step[]): void {
  const ids = new Set<string>();
  for (const s of steps) {
    if (ids.has(s.id)) throw new InternalError('invalid-plan', `The plan has two steps with id ${s.id}.`);
    ids.add(s.id);
  }
  for (const s of steps) {
    for (const d of s.depends_on) {
      if (!ids.has(d))
        throw new InternalError('invalid-plan', `Step ${s.id} depends on ${d}, which is not in the plan.`);
    }
  }
  const byId = new Map(steps.map((s) => [s.id, s]));
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting')
      throw new InternalError('invalid-plan', `The plan's steps form a cycle: ${[...path, id].join(' → ')}.`);
    state.set(id, 'visiting');
    for (const d of byId.get(id)?.depends_on ?? []) visit(d, [...path, id]);
    state.set(id, 'done');
  };
  for (const s of steps) visit(s.id, []);
}

/**
 * The longest chain of work behind each step, itself included (a step with a wait counts
 * double: it holds its resource for a transition). Iterative, so deep chains cannot overflow.
 */
export function chainHeights(steps: readonly Step[]): Map<string, number> {
  const index = new Map(steps.map((s, i) => [s.id, i]));
  const dependents = new Map<string, string[]>();
  for (const s of steps) for (const d of new Set(s.depends_on)) addTo(dependents, d, s.id);
  const height = new Map<string, number>();
  const stack: { id: string; expanded: boolean }[] = steps.map((s) => ({ id: s.id, expanded: false }));
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (height.has(top.id)) continue;
    const below = dependents.get(top.id) ?? [];
    if (!top.expanded) {
      stack.push({ id: top.id, expanded: true });
      for (const d of below) if (!height.has(d)) stack.push({ id: d, expanded: false });
      continue;
    }
    const step = steps[index.get(top.id) ?? -1];
    const rest = Math.max(0, ...below.map((d) => height.get(d) ?? 0));
    height.set(top.id, rest + (step?.wait ? 2 : 1));
  }
  return height;
}

/**
 * Runs a step DAG: a step begins as soon as every step it depends on is done (not in waves)
 * and none of its locks is held by a running step. Locks are taken all at once or not at all,
 * so there is no deadlock; a lock wanted by an earlier blocked step is not handed to a later
 * one, so plan order is kept per lock. A failed step skips its transitive dependents only.
 * Concurrency of API calls is bounded by the caller's `run` (p-limit around the call phase).
 */
export function schedule(options: ScheduleOptions): Promise<ScheduleResult> {
  checkGraph(options.steps);
  return new Promise((resolve) => new Run(options, resolve).start());
}

type State = 'pending' | 'ready' | 'running' | 'finished';

class Run {
  private readonly index = new Map<string, number>();
  private readonly state = new Map<string, State>();
  private readonly missing = new Map<string, number>();
  private readonly dependents = new Map<string, string[]>();
  private readonly held = new Set<string>();
  private readonly height = new Map<string, number>();
  private ready: Step[] = [];
  private running = 0;

  constructor(
    private readonly options: ScheduleOptions,
    private readonly resolve: (result: ScheduleResult) => void,
  ) {
    options.steps.forEach((s, i) => {
      this.index.set(s.id, i);
      this.state.set(s.id, 'pending');
      this.missing.set(s.id, new Set(s.depends_on).size);
      for (const d of new Set(s.depends_on)) addTo(this.dependents, d, s.id);
    });
  }

  start(): void {
    for (const [id, h] of chainHeights(this.options.steps)) this.height.set(id, h);
    for (const s of this.options.steps) if (this.missing.get(s.id) === 0) this.makeReady(s);
    this.options.stop?.addEventListener('abort', () => this.pump(), { once: true });
    this.pump();
  }

  /**
   * Critical path first: among ready steps, the one with the longest chain of work still
   * behind it goes first (a step with a wait counts double); plan order breaks ties. The
   * wall time of an apply is bounded below by that chain, so starting it late costs the most.
   */
  private before(a: string, b: string): boolean {
    const ha = this.height.get(a) ?? 0;
    const hb = this.height.get(b) ?? 0;
    if (ha !== hb) return ha > hb;
    return (this.index.get(a) ?? 0) < (this.index.get(b) ?? 0);
  }

  private makeReady(step: Step): void {
    this.state.set(step.id, 'ready');
    let i = this.ready.length;
    while (i > 0 && this.before(step.id, this.ready[i - 1]!.id)) i -= 1;
    this.ready.splice(i, 0, step);
  }

  private pump(): void {
    if (!this.options.stop?.aborted) this.launchReady();
    if (this.running === 0) this.finish();
  }

  private launchReady(): void {
    const blocked = new Set<string>();
    const still: Step[] = [];
    for (const step of this.ready) {
      const locks = [...new Set(step.locks)];
      if (locks.some((l) => this.held.has(l) || blocked.has(l))) {
        for (const l of locks) blocked.add(l);
        still.push(step);
        continue;
      }
      for (const l of locks) this.held.add(l);
      this.launch(step, locks);
    }
    this.ready = still;
  }

  private launch(step: Step, locks: string[]): void {
    this.state.set(step.id, 'running');
    this.running += 1;
    void this.options.run(step).then(
      (outcome) => this.settle(step, locks, outcome),
      () => this.settle(step, locks, 'failed'),
    );
  }

  private settle(step: Step, locks: string[], outcome: Outcome): void {
    for (const l of locks) this.held.delete(l);
    this.running -= 1;
    if (outcome === 'not-started') {
      this.state.set(step.id, 'pending');
    } else {
      this.state.set(step.id, 'finished');
      if (outcome === 'done') this.release(step.id);
      else this.skipDependents(step.id);
    }
    this.pump();
  }

  private release(id: string): void {
    for (const d of this.dependents.get(id) ?? []) {
      const left = (this.missing.get(d) ?? 0) - 1;
      this.missing.set(d, left);
      const dep = this.options.steps[this.index.get(d) ?? -1];
      if (left === 0 && dep && this.state.get(d) === 'pending') this.makeReady(dep);
    }
  }

  private skipDependents(failed: string): void {
    const queue = [...(this.dependents.get(failed) ?? [])];
    while (queue.length > 0) {
      const id = queue.shift()!;
      const st = this.state.get(id);
      if (st === 'finished' || st === 'running') continue;
      this.state.set(id, 'finished');
      this.ready = this.ready.filter((s) => s.id !== id);
      const step = this.options.steps[this.index.get(id) ?? -1];
      if (step) this.options.onSkip(step, failed);
      queue.push(...(this.dependents.get(id) ?? []));
    }
  }

  private finished = false;

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    const notStarted = this.options.steps.filter((s) => this.state.get(s.id) !== 'finished').map((s) => s.id);
    this.resolve({ notStarted });
  }
}

function addTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
