import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  dCen,
  desiredState,
  dGa,
  dShared,
  lCen,
  lGa,
  liveState,
  STACK,
} from '../../test/helpers/builders.js';
import { ConfigError } from '../errors.js';
import { STACK_TAG } from '../model/kinds.js';
import { planChanges } from './index.js';
import { readPlanFile, writePlanFile } from './plan-file.js';

const dir = mkdtempSync(join(tmpdir(), 'bwsync-planfile-'));

describe('plan files', () => {
  it('round-trips a plan byte for byte', async () => {
    const plan = planChanges(desiredState([dShared('a', { ips: ['eip-1'] })]), liveState([]));
    const path = join(dir, 'plan.json');
    await writePlanFile(path, plan);
    expect(await readPlanFile(path)).toEqual(plan);
    expect(readFileSync(path, 'utf8')).toBe(`${JSON.stringify(plan, null, 2)}\n`);
  });

  it.each([
    ['not JSON', '{', 'is not JSON'],
    ['another format version', JSON.stringify({ format_version: '9.9' }), 'format_version is "9.9"'],
    [
      'missing steps',
      JSON.stringify({ format_version: '1.0', stack: 's', desired_hash: 'h', plan_hash: 'h' }),
      'resource_changes is not a list',
    ],
  ])('refuses %s with a clear error naming the file', async (_name, text, message) => {
    const path = join(dir, `bad-${_name.replace(/ /g, '-')}.json`);
    writeFileSync(path, text);
    const error = await readPlanFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toContain(message);
  });

  it('refuses a missing file', async () => {
    await expect(readPlanFile(join(dir, 'nope.json'))).rejects.toThrow(
      /Cannot read plan file .*nope\.json \(ENOENT\)/,
    );
  });
});

describe('tags on the global kinds', () => {
  it('tags and untags CEN and GA packages with their own actions and resource type', () => {
    const plan = planChanges(
      desiredState([dCen('c', { tags: { a: '1' } }), dGa('g', { tags: {} })]),
      liveState([
        lCen('cenbwp-1', 'c', { tags: { [STACK_TAG]: STACK, b: '2' } }),
        lGa('gbwp-1', 'g', { tags: { [STACK_TAG]: STACK, x: 'y' } }),
      ]),
    );
    expect(
      plan.steps.map((s) => `${s.api.product}:${s.api.action}:${JSON.stringify(s.api.params.ResourceType)}`),
    ).toEqual([
      'cbn:UntagResources:"bandwidthpackage"',
      'cbn:TagResources:"bandwidthpackage"',
      'ga:UntagResources:"bandwidthpackage"',
    ]);
  });
});
