import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeedDocument } from '../../src/emulator/index.js';
import { readPlanFile } from '../../src/planner/index.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

const SEED: SeedDocument = {
  eips: [
    { id: 'eip-bp1e2e000000000001', region: 'cn-hangzhou' },
    { id: 'eip-bp1e2e000000000002', region: 'cn-hangzhou' },
  ],
  commonBandwidthPackages: [
    {
      region: 'cn-hangzhou',
      name: 'synced',
      bandwidth: 50,
      tags: { 'bwsync:stack': 'e2e' },
      eips: ['eip-bp1e2e000000000002'],
    },
    { region: 'cn-hangzhou', name: 'hand-made', bandwidth: 20 },
  ],
};

let emu: TestEmulator;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  emu = await startTestEmulator({ seed: SEED });
  dir = mkdtempSync(join(tmpdir(), 'bwsync-plan-e2e-'));
  env = {
    ALIBABA_CLOUD_ACCESS_KEY_ID: emu.credentials.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: emu.credentials.accessKeySecret,
  };
});
afterAll(async () => {
  await emu.close();
});

function yaml(name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(file, `version: 1\nstack: e2e\nsharedBandwidth:\n${body}`);
  return file;
}

const synced = '  - { name: synced, region: cn-hangzhou, bandwidth: 50, ips: [eip-bp1e2e000000000002] }\n';

describe('bwsync plan (CLI against an emulator)', () => {
  it('exits 0 with --detailed-exitcode when nothing changes, and lists the unmanaged package', async () => {
    const run = await runCli(
      ['plan', yaml('sync.yaml', synced), '--endpoint', emu.url, '--detailed-exitcode'],
      { env },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('No changes');
    expect(run.stdout).toContain('hand-made');
  });

  it('exits 2 with --detailed-exitcode when there are changes, and saves the plan with --out', async () => {
    const file = yaml(
      'grow.yaml',
      `${synced}  - { name: web, region: cn-hangzhou, bandwidth: 100, ips: [eip-bp1e2e000000000001] }\n`,
    );
    const out = join(dir, 'plan.json');
    const run = await runCli(['plan', file, '--endpoint', emu.url, '--detailed-exitcode', '--out', out], {
      env,
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('Plan: 1 to add, 0 to change, 0 to destroy.');
    const plan = await readPlanFile(out);
    expect(plan.steps.map((s) => s.id)).toEqual([
      'sharedBandwidth/cn-hangzhou/web:create',
      'sharedBandwidth/cn-hangzhou/web:add-ips:1',
    ]);
    expect(Object.keys(plan.fingerprints).length).toBe(2);
  });

  it('prints the plan as JSON with --format json', async () => {
    const run = await runCli(
      ['plan', yaml('json.yaml', synced.replace('50', '80')), '--endpoint', emu.url, '--format', 'json'],
      { env },
    );
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout) as {
      format_version: string;
      resource_changes: { change: { actions: string[] } }[];
    };
    expect(plan.format_version).toBe('1.0');
    expect(plan.resource_changes[0]?.change.actions).toEqual(['update']);
  });

  it('fails with exit 1 and names the field on an immutable change', async () => {
    const file = yaml(
      'isp.yaml',
      '  - { name: synced, region: cn-hangzhou, internetChargeType: PayByDominantTraffic }\n',
    );
    const run = await runCli(
      ['plan', file, '--endpoint', emu.url, '--detailed-exitcode', '--out', join(dir, 'bad.json')],
      { env },
    );
    expect(run.code).toBe(1);
    expect(`${run.stdout}${run.stderr}`).toContain('--allow-replace');
    expect(run.stderr).toContain('was not written');
    expect(() => readFileSync(join(dir, 'bad.json'))).toThrow();
  });

  it('refuses a bad --target with a clear error', async () => {
    const run = await runCli(['plan', yaml('t.yaml', synced), '--endpoint', emu.url, '--target', 'nope/x'], {
      env,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--target nope/x');
  });

  it('plans the quickstart against the embedded emulator with --local', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'bwsync-local-'));
    const quickstart = join(ROOT, 'examples', 'quickstart.yaml');
    const run = await runCli(['plan', quickstart, '--local', '--detailed-exitcode'], { cwd });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('Plan: 4 to add, 0 to change, 0 to destroy.');
    expect(run.stdout).toContain('cbwp-bp1demohandmade0001');
    expect(readFileSync(join(cwd, '.bwsync', 'local-cloud.json'), 'utf8')).toContain(
      'eip-bp1demo0000000000001',
    );
  });
});
