import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApplyResult } from '../../src/model/result.js';
import { type E2E, manyPackages, packageNames, spawnCli, startE2E } from './apply-helpers.js';

let e: E2E | undefined;
afterEach(async () => {
  await e?.close();
  e = undefined;
});

const NAMES = Array.from({ length: 12 }, (_, i) => `p${String(i).padStart(2, '0')}`);

/** The emulator is slowed down so that an apply of 12 packages is still running when signalled. */
async function slowStack(): Promise<{ e2e: E2E; file: string }> {
  const e2e = await startE2E({ latencyMs: 60, asyncMs: 300 });
  return { e2e, file: e2e.write('bwsync.yaml', manyPackages('e2e-signals', 12)) };
}

async function expectConverged(e2e: E2E, file: string): Promise<void> {
  const again = await e2e.cli(['apply', file, '--auto-approve']);
  expect(again.code, again.stderr).toBe(0);
  expect(await packageNames(e2e.emulator)).toEqual(['hand-made', ...NAMES]);
  const plan = await e2e.cli(['plan', file, '--detailed-exitcode']);
  expect(plan.code).toBe(0);
}

describe('bwsync apply interrupted', () => {
  it('on SIGINT starts nothing new, lets calls in flight finish, writes the report and exits 130', async () => {
    const s = await slowStack();
    e = s.e2e;
    // One call at a time: waits do not hold a slot, so only queued calls are left to skip.
    const run = spawnCli(
      ['apply', s.file, '--auto-approve', '--concurrency', '1', '--report', 'report.json'],
      s.e2e,
    );
    expect(await run.when(/done after/)).toBe(true);
    run.child.kill('SIGINT');
    const { code } = await run.exited;
    expect(code, run.out().stderr).toBe(130);
    expect(run.out().stderr).toContain('SIGINT received: starting no new steps');
    const report = JSON.parse(readFileSync(join(s.e2e.dir, 'report.json'), 'utf8')) as ApplyResult;
    expect(report.interrupted).toBe(true);
    expect(report.converged).toBe(false);
    expect(report.totals.done).toBeGreaterThan(0);
    expect(report.totals.not_started).toBeGreaterThan(0);
    expect(report.totals.failed).toBe(0);
    await expectConverged(s.e2e, s.file);
  });

  it('exits at once on a second signal', async () => {
    const s = await slowStack();
    e = s.e2e;
    const run = spawnCli(['apply', s.file, '--auto-approve', '--concurrency', '2'], s.e2e);
    expect(await run.when(/started|…/)).toBe(true);
    run.child.kill('SIGINT');
    expect(await run.when(/SIGINT received/)).toBe(true);
    run.child.kill('SIGTERM');
    const { code } = await run.exited;
    expect(code).toBe(130);
    expect(run.out().stderr).toContain('SIGTERM again: exiting now');
    await expectConverged(s.e2e, s.file);
  });

  it('after SIGKILL mid-way, the next apply creates nothing twice, loses nothing and converges', async () => {
    const s = await slowStack();
    e = s.e2e;
    // One call at a time, killed at the first finished step: creates are issued one by one
    // (each slowed by the emulator's latency) while the first one's wait runs, so only part of
    // the stack exists when the process dies.
    const run = spawnCli(['apply', s.file, '--auto-approve', '--concurrency', '1'], s.e2e);
    expect(await run.when(/done after/)).toBe(true);
    run.child.kill('SIGKILL');
    const { signal } = await run.exited;
    expect(signal).toBe('SIGKILL');
    const partial = await packageNames(s.e2e.emulator);
    expect(partial.length).toBeGreaterThan(1);
    expect(partial.length).toBeLessThan(13);
    await expectConverged(s.e2e, s.file);
  });
});
