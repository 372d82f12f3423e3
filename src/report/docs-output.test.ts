import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { partialResult } from '../../test/fixtures/plans/apply-results.js';
import { erroredPlan, everyChangePlan } from '../../test/fixtures/plans/every-change.js';
import { ROOT, runCli } from '../../test/helpers/cli.js';
import { fenceFor } from './escape.js';
import { renderApplyReport, renderPlan } from './index.js';

/**
 * docs/output.md shows real output. Fixture blocks are checked on every run, so the docs
 * cannot drift from the renderers; CLI blocks (which carry RequestIds and timings) are
 * rewritten with `UPDATE_DOCS=1`, which regenerates every block.
 */
const DOC = join(ROOT, 'docs/output.md');
const UPDATE = process.env.UPDATE_DOCS === '1';

function block(content: string, lang: string): string {
  const fence = fenceFor(content);
  return `${fence}${lang}\n${content.trimEnd()}\n${fence}`;
}

function fixtureBlocks(): Record<string, string> {
  const plan = everyChangePlan();
  return {
    'fixture-text': block(renderPlan(plan, { format: 'text' }), 'text'),
    'fixture-markdown': block(renderPlan(plan, { format: 'markdown' }), 'markdown'),
    'fixture-json': block(renderPlan(erroredPlan(), { format: 'json' }), 'json'),
    'fixture-apply-markdown': block(
      renderApplyReport(partialResult(plan, { failAt: 2 }), { format: 'markdown', plan }),
      'markdown',
    ),
  };
}

const withCode = (out: string, code: number | null) => `${block(out, 'text')}\n\n*(exit code ${code})*`;

/** Runs the documented commands against the embedded emulator in a scratch directory. */
async function cliBlocks(): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'bwsync-docs-'));
  try {
    cpSync(join(ROOT, 'examples/quickstart.yaml'), join(dir, 'bwsync.yaml'));
    const cli = (args: string[]) => runCli(args, { cwd: dir });
    const create = await cli(['plan', '--local']);
    const apply = await cli(['apply', '--local', '--auto-approve']);
    writeFileSync(join(dir, 'changed.yaml'), changedConfig(readFileSync(join(dir, 'bwsync.yaml'), 'utf8')));
    const changed = await cli(['plan', '--local', 'changed.yaml', '--detailed-exitcode']);
    const markdown = await cli(['plan', '--local', 'changed.yaml', '--format', 'markdown']);
    const same = await cli(['plan', '--local', '--detailed-exitcode']);
    const report = apply.stdout.split('\n');
    const from = report.findIndex((l) => /^\s+✓\s+1\. /.test(l));
    return {
      'cli-plan-create': withCode(create.stdout, create.code),
      'cli-apply-progress': block(apply.stderr, 'text'),
      'cli-apply-report': block(report.slice(Math.max(0, from)).join('\n'), 'text'),
      'cli-plan-changed': withCode(changed.stdout, changed.code),
      'cli-plan-markdown': block(markdown.stdout, 'markdown'),
      'cli-plan-nochange': withCode(same.stdout, same.code),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The edit described in the docs: resize and drop an EIP, move a CEN, retire a package. */
function changedConfig(yaml: string): string {
  return yaml
    .replace('    bandwidth: 200\n', '    bandwidth: 300\n')
    .replace('      - eip-bp1demo0000000000002\n', '')
    .replace(
      '  - name: batch-egress\n    region: cn-shanghai\n',
      '  - name: batch-egress\n    region: cn-shanghai\n    ensure: absent\n',
    )
    .replace('cens: [cen-demo00000000000001]', 'cens: [cen-demo00000000000002]');
}

function section(doc: string, key: string): string | undefined {
  const match = new RegExp(`<!-- generated:${key} -->\\n([\\s\\S]*?)\\n?<!-- /generated:${key} -->`).exec(
    doc,
  );
  return match?.[1];
}

function fill(doc: string, blocks: Record<string, string>): string {
  let out = doc;
  for (const [key, content] of Object.entries(blocks)) {
    const pattern = new RegExp(`(<!-- generated:${key} -->\\n)[\\s\\S]*?(<!-- /generated:${key} -->)`);
    if (!pattern.test(out)) throw new Error(`docs/output.md has no block ${key}`);
    out = out.replace(pattern, (_m, open: string, close: string) => `${open}${content}\n${close}`);
  }
  return out;
}

describe('docs/output.md', () => {
  it.runIf(UPDATE)(
    'regenerates every example block',
    async () => {
      const doc = fill(readFileSync(DOC, 'utf8'), { ...fixtureBlocks(), ...(await cliBlocks()) });
      writeFileSync(DOC, doc);
      expect(section(doc, 'cli-plan-changed')).toMatch(/Plan: \d+ to add, \d+ to change, \d+ to destroy\./);
    },
    120_000,
  );

  it("shows the current renderers' output for every fixture block", () => {
    const doc = readFileSync(DOC, 'utf8');
    for (const [key, content] of Object.entries(fixtureBlocks()))
      expect(section(doc, key), key).toBe(content);
  });

  it('has every CLI block filled with output of the command it documents', () => {
    const doc = readFileSync(DOC, 'utf8');
    expect(section(doc, 'cli-plan-create')).toMatch(/^Plan: \d+ to add, 0 to change, 0 to destroy\.$/m);
    expect(section(doc, 'cli-plan-changed')).toMatch(/\*\(exit code 2\)\*/);
    expect(section(doc, 'cli-plan-nochange')).toMatch(
      /No changes\. Live state matches the configuration\.[\s\S]*\*\(exit code 0\)\*/,
    );
    expect(section(doc, 'cli-plan-markdown')).toMatch(/^````?markdown\n<!-- bwsync: \{"v":1,"kind":"plan"/);
    expect(section(doc, 'cli-apply-progress')).toMatch(/done after/);
    expect(section(doc, 'cli-apply-report')).toMatch(/Apply complete! Resources: \d+ added/);
  });
});
