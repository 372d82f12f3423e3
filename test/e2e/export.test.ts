import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { SeedDocument } from '../../src/emulator/index.js';
import { runCli } from '../helpers/cli.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

const ours = { 'bwsync:stack': 'exp' };
const SEED: SeedDocument = {
  eips: [{ id: 'eip-bp1exp000000000001', region: 'cn-hangzhou' }],
  cens: [{ id: 'cen-exp00000000000001' }],
  accelerators: [{ id: 'ga-bp1exp0000000001' }],
  commonBandwidthPackages: [
    {
      region: 'cn-hangzhou',
      name: 'web',
      description: 'web tier',
      bandwidth: 50,
      tags: { ...ours, team: 'web' },
      eips: ['eip-bp1exp000000000001'],
    },
    { region: 'cn-hangzhou', name: 'theirs', bandwidth: 20, tags: { 'bwsync:stack': 'other' } },
    // Made by hand, untagged: exported with its id, adopted as it is by the plan.
    { region: 'cn-hangzhou', name: 'hand-made', bandwidth: 30 },
  ],
  cenBandwidthPackages: [
    {
      name: 'hz-sg',
      bandwidth: 10,
      areaA: 'china',
      areaB: 'asia-pacific',
      chargeType: 'POSTPAY',
      cens: ['cen-exp00000000000001'],
      tags: ours,
    },
  ],
  gaBandwidthPackages: [
    {
      name: 'edge',
      bandwidth: 100,
      chargeType: 'POSTPAY',
      accelerators: ['ga-bp1exp0000000001'],
      tags: ours,
    },
  ],
};

let emu: TestEmulator;
let env: Record<string, string>;
let dir: string;

beforeAll(async () => {
  emu = await startTestEmulator({ seed: SEED });
  env = {
    ALIBABA_CLOUD_ACCESS_KEY_ID: emu.credentials.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: emu.credentials.accessKeySecret,
  };
  dir = mkdtempSync(join(tmpdir(), 'bwsync-export-e2e-'));
});
afterAll(async () => {
  await emu.close();
});

describe('bwsync export', () => {
  it('prints valid YAML that a plan finds already in sync, untagged packages included', async () => {
    const run = await runCli(['export', '--region', 'cn-hangzhou', '--endpoint', emu.url], { env });
    expect(run.code).toBe(0);
    const doc = parse(run.stdout) as Record<string, { name: string; id: string }[]> & { stack: string };
    expect(doc.stack).toBe('exp');
    expect(doc.sharedBandwidth?.map((r) => r.name)).toEqual(['hand-made', 'web']);
    expect(doc.sharedBandwidth?.[0]?.id).toMatch(/^cbwp-/);
    expect(doc.cenBandwidth?.[0]).toMatchObject({
      name: 'hz-sg',
      areas: ['China', 'Asia-Pacific'],
      cens: ['cen-exp00000000000001'],
    });
    expect(run.stderr).toContain('Skipped 1 package');
    const file = join(dir, 'current.yaml');
    writeFileSync(file, run.stdout);
    const plan = await runCli(['plan', file, '--endpoint', emu.url, '--detailed-exitcode'], { env });
    expect(plan.stderr).toBe('');
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('No changes');
  });

  it('limits the export to --kind', async () => {
    const run = await runCli(
      ['export', '--region', 'cn-hangzhou', '--kind', 'gaBandwidth', '--endpoint', emu.url],
      { env },
    );
    expect(run.code).toBe(0);
    const doc = parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['version', 'stack', 'gaBandwidth']);
  });
});
