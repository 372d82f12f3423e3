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
