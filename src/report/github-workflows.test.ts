import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { change, plan } from '../../test/fixtures/plans/builders.js';
import { everyChangePlan } from '../../test/fixtures/plans/every-change.js';
import { renderPlan } from './index.js';

/**
 * The example workflows' shell steps run here against a fake `gh` that records its calls, so
 * the comment/issue upsert logic is tested, not just written.
 */
interface Workflow {
  jobs: Record<string, { steps: { name?: string; run?: string }[] }>;
}

const load = (name: string) =>
  parse(readFileSync(new URL(`../../examples/github/${name}`, import.meta.url), 'utf8')) as Workflow;

function runStep(workflow: Workflow, name: string): string {
  const step = Object.values(workflow.jobs)
    .flatMap((j) => j.steps)
    .find((s) => s.name === name);
  if (step?.run === undefined) throw new Error(`no step "${name}"`);
  return step.run;
}

const FAKE_GH = `#!/usr/bin/env bash
printf '%s\\n' "$*" >> "$GH_LOG"
if [ "$1" = api ] && [ "$2" != --method ]; then cat "$GH_COMMENTS"; exit 0; fi
if [ "$1" = issue ] && [ "$2" = list ]; then cat "$GH_ISSUES"; exit 0; fi
for ((i = 1; i <= $#; i++)); do
  if [ "\${!i}" = --input ] || [ "\${!i}" = --body-file ]; then j=$((i + 1)); cp "\${!j}" "$GH_BODY"; fi
done
`;

const hasTools = ['bash', 'jq'].every((t) => spawnSync(t, ['--version']).status === 0);

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bwsync-gh-'));
  writeFileSync(join(dir, 'gh'), FAKE_GH);
  chmodSync(join(dir, 'gh'), 0o755);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(
  script: string,
  env: Record<string, string>,
): { log: string[]; body: string | undefined; status: number | null } {
  // stdin from /dev/null: bash reads ~/.bashrc when stdin is a socket, as Node's pipes are.
  const result = spawnSync('bash', ['--norc', '--noprofile', '-e', '-c', script], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: {
      PATH: `${dir}:${process.env.PATH ?? ''}`,
      GH_LOG: join(dir, 'log'),
      GH_BODY: join(dir, 'sent-body'),
      GH_COMMENTS: join(dir, 'comments.json'),
      GH_ISSUES: join(dir, 'issues.json'),
      GITHUB_REPOSITORY: 'acme/network',
      STACK: 'prod',
      ...env,
    },
  });
  expect(result.stderr).toBe('');
  const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8').trim().split('\n') : [];
  const bodyPath = join(dir, 'sent-body');
  return {
    log,
    body: existsSync(bodyPath) ? readFileSync(bodyPath, 'utf8') : undefined,
    status: result.status,
  };
}

/** A plan whose text tries shell and markdown tricks; it must arrive byte for byte. */
function nastyPlanMarkdown(): string {
  const p = plan({
    resource_changes: [
      change({
        kind: 'cenBandwidth',
        name: 'x',
        id: 'cenbwp-1',
        actions: ['update'],
        before: { description: 'a' },
        after: { description: '$(touch pwned) `id` "q" \\ $HOME' },
        attributes: [
          { field: 'description', before: 'a', after: '$(touch pwned) `id` "q" \\ $HOME', class: 'mutable' },
        ],
      }),
    ],
    steps: [],
  });
  return renderPlan(p, { format: 'markdown' });
}

describe('examples/github workflows', () => {
  it('never interpolates workflow expressions into shell scripts', () => {
    for (const name of ['plan-comment.yml', 'drift.yml']) {
      for (const job of Object.values(load(name).jobs)) {
        for (const step of job.steps) expect(step.run ?? '').not.toContain('${{');
      }
    }
  });

  it.skipIf(!hasTools)(
    "updates the one comment carrying this stack's plan marker, body from the file",
    () => {
      const md = nastyPlanMarkdown();
      writeFileSync(join(dir, 'plan.md'), md);
      const other = renderPlan({ ...everyChangePlan(), stack: 'staging' }, { format: 'markdown' });
      const pages = [
        [
          { id: 11, body: 'Looks good to me' },
          { id: 12, body: other },
        ],
        [
          { id: 13, body: `quoting: <!-- bwsync: {"v":1,"kind":"plan","stack":"prod"} -->` },
          { id: 14, body: md },
        ],
      ];
      writeFileSync(join(dir, 'comments.json'), pages.map((p) => JSON.stringify(p)).join('\n'));
      const result = run(runStep(load('plan-comment.yml'), 'Post or update the plan comment'), { PR: '7' });
      expect(result.status).toBe(0);
      expect(result.log).toContain(
        'api --method PATCH repos/acme/network/issues/comments/14 --input payload.json',
      );
      expect((JSON.parse(result.body ?? '{}') as { body: string }).body).toBe(md);
      expect(existsSync(join(dir, 'pwned'))).toBe(false);
    },
  );

  it.skipIf(!hasTools)('posts a new comment when none has the marker', () => {
    writeFileSync(join(dir, 'plan.md'), renderPlan(everyChangePlan(), { format: 'markdown' }));
    writeFileSync(join(dir, 'comments.json'), '[]');
    const result = run(runStep(load('plan-comment.yml'), 'Post or update the plan comment'), { PR: '7' });
    expect(result.log).toContain(
      'api --method POST repos/acme/network/issues/7/comments --input payload.json',
    );
  });

  const driftStep = () => runStep(load('drift.yml'), 'Open, update or close the drift issue');
  const driftEnv = (rc: string) => ({
    RC: rc,
    LABEL: 'bwsync-drift',
    RUN_URL: 'https://github.com/acme/network/actions/runs/1',
  });

  it.skipIf(!hasTools)('opens one drift issue with the plan as its body when none is open', () => {
    writeFileSync(join(dir, 'drift.md'), nastyPlanMarkdown());
    writeFileSync(
      join(dir, 'issues.json'),
      JSON.stringify([{ number: 3, title: 'bwsync drift: stack staging' }]),
    );
    const result = run(driftStep(), driftEnv('2'));
    expect(result.status).toBe(0);
    expect(result.log.at(-1)).toBe(
      'issue create --repo acme/network --title bwsync drift: stack prod --label bwsync-drift --body-file body.md',
    );
    expect(result.body).toContain(nastyPlanMarkdown());
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
  });

  it.skipIf(!hasTools)(
    'updates the open drift issue instead of filing another, and closes it when drift is gone',
    () => {
      writeFileSync(join(dir, 'drift.md'), renderPlan(everyChangePlan(), { format: 'markdown' }));
      writeFileSync(
        join(dir, 'issues.json'),
        JSON.stringify([{ number: 9, title: 'bwsync drift: stack prod' }]),
      );
      const updated = run(driftStep(), driftEnv('2'));
      expect(updated.log.at(-1)).toBe('issue edit 9 --repo acme/network --body-file body.md');
      expect(updated.log.some((l) => l.startsWith('issue create'))).toBe(false);
      rmSync(join(dir, 'log'));
      const closed = run(driftStep(), driftEnv('0'));
      expect(closed.log.at(-1)).toBe(
        'issue close 9 --repo acme/network --comment No drift any more (https://github.com/acme/network/actions/runs/1).',
      );
    },
  );
});
