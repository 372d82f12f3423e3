import { describe, expect, it } from 'vitest';
import { InternalError } from '../errors.js';
import type { Step } from '../model/plan.js';
import { type Outcome, schedule } from './scheduler.js';

function s(id: string, depends_on: string[] = [], locks: string[] = []): Step {
  return {
    id,
    address: `sharedBandwidth/r/${id}`,
    kind: 'sharedBandwidth',
    action: 'x',
    description: id,
    api: { product: 'vpc', action: 'X', region: 'r', params: {}, client_token: false },
    depends_on,
    locks,
  };
}

/** A run function whose steps finish when the test says so, recording what happened. */
function controlled() {
  const log: string[] = [];
  const pending = new Map<string, (o: Outcome) => void>();
  const running = new Set<string>();
  let maxRunning = 0;
  const run = (step: Step): Promise<Outcome> =>
    new Promise((resolve) => {
      log.push(`start ${step.id}`);
      running.add(step.id);
      maxRunning = Math.max(maxRunning, running.size);
      pending.set(step.id, (o) => {
        running.delete(step.id);
        log.push(`end ${step.id}`);
        resolve(o);
      });
    });
  const finish = async (id: string, outcome: Outcome = 'done'): Promise<void> => {
    const f = pending.get(id);
    if (!f) throw new Error(`${id} is not running; log: ${log.join(', ')}`);
    pending.delete(id);
    f(outcome);
    await new Promise((r) => setImmediate(r));
  };
  return { log, run, finish, running, max: () => maxRunning };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('schedule', () => {
  it('starts a step as soon as its own dependencies are done, not in waves', async () => {
    const c = controlled();
    const done = schedule({
      steps: [s('slow'), s('fast'), s('after-fast', ['fast'])],
      run: c.run,
      onSkip: () => {},
    });
    await tick();
    expect([...c.running].sort()).toEqual(['fast', 'slow']);
    await c.finish('fast');
    expect(c.running.has('after-fast')).toBe(true);
    expect(c.running.has('slow')).toBe(true);
    await c.finish('after-fast');
    await c.finish('slow');
    expect(await done).toEqual({ notStarted: [] });
  });

  it('starts the longest remaining chain first, then keeps plan order', async () => {
    const c = controlled();
    const waits = s('w');
    waits.wait = {
      kind: 'sharedBandwidth',
      region: 'r',
      resource: 'x',
      until: [{ type: 'gone' }],
      timeout_ms: 1,
    };
    void schedule({
      steps: [s('lone'), s('head'), s('mid', ['head']), s('tail', ['mid']), waits, s('lone2')],
      run: c.run,
      onSkip: () => {},
    });
    await tick();
    // head: chain of 3; w: one step with a wait (weight 2); then lone, lone2 in plan order.
    expect(c.log).toEqual(['start head', 'start w', 'start lone', 'start lone2']);
  });

  it('never runs two steps holding the same lock at once, and keeps plan order per lock', async () => {
    const c = controlled();
    const done = schedule({
      steps: [
        s('a', [], ['cbwp-1']),
        s('b', [], ['cbwp-1', 'eip-1']),
        s('c', [], ['eip-1']),
        s('d', [], ['cbwp-2']),
      ],
      run: c.run,
      onSkip: () => {},
    });
    await tick();
    // c only needs eip-1, which is free, but b (earlier) waits for it: c must not overtake b.
    expect([...c.running].sort()).toEqual(['a', 'd']);
    await c.finish('a');
    expect([...c.running].sort()).toEqual(['b', 'd']);
    await c.finish('b');
    expect(c.running.has('c')).toBe(true);
    await c.finish('c');
    await c.finish('d');
    await done;
  });

  it('skips the transitive dependents of a failed step, naming it, and runs the rest', async () => {
    const c = controlled();
    const skipped: [string, string][] = [];
    const done = schedule({
      steps: [s('a'), s('b', ['a']), s('c', ['b']), s('d', ['a', 'e']), s('e')],
      run: c.run,
      onSkip: (step, because) => skipped.push([step.id, because]),
    });
    await tick();
    await c.finish('a', 'failed');
    expect(skipped).toEqual([
      ['b', 'a'],
      ['d', 'a'],
      ['c', 'a'],
    ]);
    await c.finish('e');
    expect(c.log).toEqual(['start a', 'start e', 'end a', 'end e']);
    expect(await done).toEqual({ notStarted: [] });
  });

  it('begins nothing more once stopped and lists what never began', async () => {
    const c = controlled();
    const stop = new AbortController();
    const done = schedule({
      steps: [s('a'), s('b', ['a']), s('c', ['b'])],
      run: c.run,
      onSkip: () => {},
      stop: stop.signal,
    });
    await tick();
    stop.abort('SIGINT');
    await c.finish('a');
    expect(await done).toEqual({ notStarted: ['b', 'c'] });
    expect(c.log).toEqual(['start a', 'end a']);
  });

  it('runs a wide graph to the end with every dependency respected', async () => {
    const order: string[] = [];
    const steps = Array.from({ length: 200 }, (_, i) =>
      s(`s${i}`, i >= 10 ? [`s${i - 10}`, `s${(i * 7) % i}`] : [], [`l${i % 5}`]),
    );
    await schedule({
      steps,
      run: async (step) => {
        await new Promise((r) => setTimeout(r, (step.id.length % 3) + 0));
        order.push(step.id);
        return 'done';
      },
      onSkip: () => {},
    });
    expect(order).toHaveLength(200);
    const at = new Map(order.map((id, i) => [id, i]));
    for (const step of steps)
      for (const d of step.depends_on) expect(at.get(d)!).toBeLessThan(at.get(step.id)!);
  });

  it('refuses a cycle, an unknown dependency and a duplicate id', () => {
    const run = async (): Promise<Outcome> => 'done';
    expect(() => schedule({ steps: [s('a', ['b']), s('b', ['a'])], run, onSkip: () => {} })).toThrow(
      InternalError,
    );
    expect(() => schedule({ steps: [s('a', ['zz'])], run, onSkip: () => {} })).toThrow(
      /zz, which is not in the plan/,
    );
    expect(() => schedule({ steps: [s('a'), s('a')], run, onSkip: () => {} })).toThrow(/two steps with id a/);
  });

  it('finishes at once for an empty plan', async () => {
    expect(await schedule({ steps: [], run: async () => 'done', onSkip: () => {} })).toEqual({
      notStarted: [],
    });
  });
});
