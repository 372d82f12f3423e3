import { describe, expect, it } from 'vitest';
import { PriorityGate } from './gate.js';

describe('PriorityGate', () => {
  it('keeps at most N running and hands free slots to the highest priority first', async () => {
    const gate = new PriorityGate(2);
    const started: string[] = [];
    let running = 0;
    let max = 0;
    const releases = new Map<string, () => void>();
    const task = (name: string, priority: number) =>
      gate.run(priority, async () => {
        started.push(name);
        running++;
        max = Math.max(max, running);
        await new Promise<void>((r) => releases.set(name, r));
        running--;
        return name;
      });
    const all = [task('a', 1), task('b', 1), task('low', 1), task('high', 9), task('mid', 5)];
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual(['a', 'b']);
    releases.get('a')!();
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual(['a', 'b', 'high']);
    for (const name of ['b', 'high', 'mid', 'low']) {
      await new Promise((r) => setImmediate(r));
      releases.get(name)?.();
    }
    for (let i = 0; i < 5 && started.length < 5; i++) {
      await new Promise((r) => setImmediate(r));
      for (const r of releases.values()) r();
    }
    expect(await Promise.all(all)).toEqual(['a', 'b', 'low', 'high', 'mid']);
    expect(started).toEqual(['a', 'b', 'high', 'mid', 'low']);
    expect(max).toBe(2);
  });
});

describe('PriorityGate balancing across actions', () => {
  /** Runs tasks through a gate of 1 and returns the order they started in. */
  async function order(
    gate: PriorityGate,
    tasks: { name: string; priority: number; group: string }[],
  ): Promise<string[]> {
    const started: string[] = [];
    await Promise.all(
      tasks.map((t) =>
        gate.run({ priority: t.priority, group: t.group }, async () => {
          started.push(t.name);
          await new Promise((r) => setImmediate(r));
        }),
      ),
    );
    return started;
  }

  it('interleaves actions by the share of their calls started, instead of one action last', async () => {
    const totals = new Map([
      ['vpc:Rename', 4],
      ['vpc:Resize', 2],
    ]);
    const gate = new PriorityGate(1, { groupTotals: totals, lead: 0 });
    const tasks = [
      ...['r1', 'r2', 'r3', 'r4'].map((name) => ({ name, priority: 1, group: 'vpc:Rename' })),
      ...['s1', 's2'].map((name) => ({ name, priority: 1, group: 'vpc:Resize' })),
    ];
    // Shares before each start: r 0/4 · s 0/2 → r1 (arrival); r 1/4 vs s 0 → s1; r 1/4 vs s 1/2 → r2 …
    expect(await order(gate, tasks)).toEqual(['r1', 's1', 'r2', 'r3', 's2', 'r4']);
  });

  it('gives a longer chain a head start within the balance', async () => {
    const totals = new Map([
      ['vpc:Rename', 2],
      ['vpc:Create', 2],
    ]);
    const gate = new PriorityGate(1, { groupTotals: totals, lead: 0.5 });
    const tasks = [
      { name: 'r1', priority: 1, group: 'vpc:Rename' },
      { name: 'r2', priority: 1, group: 'vpc:Rename' },
      { name: 'c1', priority: 3, group: 'vpc:Create' },
      { name: 'c2', priority: 3, group: 'vpc:Create' },
    ];
    // r1 starts at once (the slot is free); then keys r = share − 0.5, c = share − 1.5: both
    // creates go before the second rename, although they arrived after it.
    expect(await order(gate, tasks)).toEqual(['r1', 'c1', 'c2', 'r2']);
  });
});
