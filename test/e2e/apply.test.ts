import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/model/plan.js';
import type { ApplyResult } from '../../src/model/result.js';
import { type E2E, manyPackages, packageNames, startE2E } from './apply-helpers.js';

let e: E2E | undefined;
afterEach(async () => {
  await e?.close();
  e = undefined;
});

const ONE = `version: 1
stack: e2e
defaults: { region: cn-hangzhou }
sharedBandwidth:
  - name: web
    bandwidth: 20
    ips: [eip-bp1demo0000000000001]
cenBandwidth:
  - { name: hz-sg, bandwidth: 10, areas: [China, Asia-Pacific], chargeType: POSTPAY }
`;

async function writes(e2e: E2E): Promise<number> {
  const calls = (await e2e.emulator.stats()).calls;
  return Object.entries(calls)
    .filter(([action]) => !/^(Describe|List)/.test(action))
    .reduce((n, [, c]) => n + c, 0);
}

describe('bwsync apply (CLI)', () => {
  it('refuses to run without a terminal and without --auto-approve, before any cloud call', async () => {
    e = await startE2E();
    const file = e.write('bwsync.yaml', ONE);
    const run = await e.cli(['apply', file], { input: 'yes\n' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('apply needs --auto-approve when it is not run in a terminal');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect((await e.emulator.stats()).calls).toEqual({});
  });

  it('applies with --auto-approve, writes the report, and a second apply has nothing to do', async () => {
    e = await startE2E();
    const file = e.write('bwsync.yaml', ONE);
    const first = await e.cli(['apply', file, '--auto-approve', '--report', 'report.json']);
    expect(first.stderr).not.toMatch(/error/i);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Plan: 2 to add, 0 to change, 0 to destroy.');
    expect(first.stdout).toMatch(/Apply complete!/);
    const report = JSON.parse(readFileSync(join(e.dir, 'report.json'), 'utf8')) as ApplyResult;
    expect(report).toMatchObject({
      stack: 'e2e',
      converged: true,
      interrupted: false,
      totals: { failed: 0 },
    });
    expect(report.steps.every((s) => s.status === 'done' && s.request_ids.length > 0)).toBe(true);
    const before = await writes(e);
    const second = await e.cli(['apply', file, '--auto-approve', '--report', 'again.md']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('No changes.');
    expect(await writes(e)).toBe(before);
    expect(readFileSync(join(e.dir, 'again.md'), 'utf8')).toMatch(/0 steps|no steps|nothing/i);
  });

  it('applies a saved plan without asking, and refuses it once the cloud has changed', async () => {
    e = await startE2E();
    const file = e.write('bwsync.yaml', ONE);
    expect((await e.cli(['plan', file, '--out', 'plan.json'])).code).toBe(0);
    const stalePlan = await e.cli(['plan', file, '--out', 'stale.json']);
    expect(stalePlan.code).toBe(0);
    const applied = await e.cli(['apply', 'plan.json']);
    expect(applied.stderr).not.toMatch(/error/);
    expect(applied.code).toBe(0);
    expect(await packageNames(e.emulator)).toEqual(['hand-made', 'web']);
    const stale = await e.cli(['apply', 'stale.json']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/plan is stale: \d+ live objects? changed since it was made \(.*appeared/);
    expect(await packageNames(e.emulator)).toEqual(['hand-made', 'web']);
  });

  it('refuses flags that would change a saved plan', async () => {
    e = await startE2E();
    const file = e.write('bwsync.yaml', ONE);
    await e.cli(['plan', file, '--out', 'plan.json']);
    const run = await e.cli(['apply', 'plan.json', '--prune']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--prune cannot change a saved plan');
  });

  it('stops at the safety threshold without --force, and goes on with it', async () => {
    e = await startE2E();
    const all = e.write('all.yaml', manyPackages('e2e-safety', 10));
    expect((await e.cli(['apply', all, '--auto-approve'])).code).toBe(0);
    const fewer = e.write('fewer.yaml', manyPackages('e2e-safety', 6));
    const refused = await e.cli(['apply', fewer, '--auto-approve', '--prune']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'This plan would destroy 4, replace 0 and shrink 0 of 10 managed resources (40%), above the 30% safety threshold.',
    );
    expect(refused.stderr).toContain('--force');
    expect(await packageNames(e.emulator)).toHaveLength(11);
    const forced = await e.cli(['apply', fewer, '--auto-approve', '--prune', '--force']);
    expect(forced.code).toBe(0);
    expect(await packageNames(e.emulator)).toEqual(['hand-made', 'p00', 'p01', 'p02', 'p03', 'p04', 'p05']);
  });

  it('never deletes a protected package, even from a hand-edited saved plan with --force', async () => {
    e = await startE2E();
    const file = e.write('bwsync.yaml', ONE);
    expect((await e.cli(['apply', file, '--auto-approve'])).code).toBe(0);
    const gone = e.write(
      'gone.yaml',
      ONE.replace('bandwidth: 20\n    ips: [eip-bp1demo0000000000001]', 'ensure: absent'),
    );
    expect((await e.cli(['plan', gone, '--out', 'delete.json'])).code).toBe(0);
    const plan = JSON.parse(readFileSync(join(e.dir, 'delete.json'), 'utf8')) as Plan;
    const change = plan.resource_changes.find((rc) => rc.address === 'sharedBandwidth/cn-hangzhou/web')!;
    expect(change.change.actions).toEqual(['delete']);
    change.protect = true;
    writeFileSync(join(e.dir, 'delete.json'), JSON.stringify(plan));
    const run = await e.cli(['apply', 'delete.json', '--force']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('sharedBandwidth/cn-hangzhou/web is protected');
    expect(await packageNames(e.emulator)).toContain('web');
    const protectedYaml = e.write(
      'protected.yaml',
      ONE.replace('  - name: web\n', '  - name: web\n    protect: true\n    ensure: absent\n'),
    );
    const planned = await e.cli(['apply', protectedYaml, '--auto-approve', '--force']);
    expect(planned.code).toBe(1);
    expect(await packageNames(e.emulator)).toContain('web');
  });

  it('reports a partial failure: the failed step with its code and RequestId, the independent package done; exit 1', async () => {
    e = await startE2E();
    const bad = `version: 1
stack: e2e-partial
defaults: { region: cn-hangzhou }
sharedBandwidth:
  - name: web
    bandwidth: 20
    ips: [eip-bp1demoprepaid000001]
    deletionProtection: true
  - name: api
    bandwidth: 30
    ips: [eip-bp1demo0000000000002]
`;
    const file = e.write('bwsync.yaml', bad);
    const run = await e.cli(['apply', file, '--auto-approve', '--report', 'report.md', '--concurrency', '1']);
    expect(run.code).toBe(1);
    const md = readFileSync(join(e.dir, 'report.md'), 'utf8');
    expect(md).toMatch(/IpInstanceId\.ChargeType\.NotSupport|ChargeType/);
    expect(run.stdout).toMatch(/failed/i);
    const json = await e.cli(['apply', file, '--auto-approve', '--report', 'report.json']);
    const report = JSON.parse(readFileSync(join(e.dir, 'report.json'), 'utf8')) as ApplyResult;
    expect(json.code).toBe(1);
    const failed = report.steps.filter((s) => s.status === 'failed');
    expect(failed.map((s) => s.address)).toEqual(['sharedBandwidth/cn-hangzhou/web']);
    expect(failed[0]!.error?.request_id).toMatch(/.+/);
    expect(report.converged).toBe(false);
    expect(report.remaining).toEqual(['sharedBandwidth/cn-hangzhou/web']);
    expect(await packageNames(e.emulator)).toEqual(['api', 'hand-made', 'web']);
  });
});
