import { describe, expect, it } from 'vitest';
import { change, plan } from '../../test/fixtures/plans/builders.js';
import { emptyPlan, erroredPlan, everyChangePlan } from '../../test/fixtures/plans/every-change.js';
import { largePlan } from '../../test/fixtures/plans/large.js';
import { MARKDOWN_LIMIT, renderPlan } from './index.js';
import { ANSI_PATTERN } from './style.js';

const md = (p = everyChangePlan()) => renderPlan(p, { format: 'markdown' });

/** Every ``` fence opened is closed and every <details> has its </details>. */
function expectBalanced(out: string): void {
  const fences = out.split('\n').filter((l) => /^`{3,}/.test(l));
  expect(fences.length % 2).toBe(0);
  expect(out.split('<details>').length).toBe(out.split('</details>').length);
}

describe('markdown plan', () => {
  it('renders every change type in the PR-comment layout (snapshot)', async () => {
    await expect(md()).toMatchFileSnapshot('./__snapshots__/every-change.md.snap');
  });

  it('renders an empty plan with its marker and no table (snapshot)', async () => {
    const out = md(emptyPlan());
    expect(out).toContain('**No changes. Live state matches the configuration.**');
    expect(out).not.toContain('| | resource |');
    await expect(out).toMatchFileSnapshot('./__snapshots__/empty.md.snap');
  });

  it('starts with the marker, then destroys and replacements under a caution, then summary and table', () => {
    const out = md();
    expect(out.split('\n')[0]).toBe(
      '<!-- bwsync: {"v":1,"kind":"plan","stack":"prod","plan_hash":"sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"} -->',
    );
    const caution = out.indexOf('> [!CAUTION]');
    const summary = out.indexOf('**Plan: 3 to add, 3 to change, 3 to destroy.**');
    const table = out.indexOf('| | resource | region | change |');
    const details = out.indexOf('<details>');
    expect(caution).toBeGreaterThan(0);
    expect(caution).toBeLessThan(summary);
    expect(summary).toBeLessThan(table);
    expect(table).toBeLessThan(details);
    expect(out).toContain('> - destroy sharedBandwidth/cn-shanghai/legacy (cbwp-uf6legacy00000000001)');
    expect(out).toContain('> - replace gaBandwidth/edge-2 (gbwp-demo0000000000002)');
  });

  it('never calls a plan that failed with errors "no changes"', () => {
    const out = renderPlan({ ...erroredPlan(), resource_changes: [], steps: [] }, { format: 'markdown' });
    expect(out).toContain('This plan has 1 error and cannot be applied');
    expect(out).toContain('**Plan failed: nothing can be applied until the errors above are fixed.**');
    expect(out).not.toContain('No changes.');
  });

  it('counts no-ops without listing them', () => {
    const out = md();
    expect(out).toContain('· 2 unchanged');
    expect(out).not.toContain('batch');
    expect(out).not.toContain('gaBandwidth/cdn');
  });

  it('puts the full diff in a diff fence with signs at column 0 and ~ as !', () => {
    const out = md();
    expect(out).toContain(
      '<details><summary>Full diff (8 changes, 2 unchanged hidden)</summary>\n\n```diff\n',
    );
    expect(out).toMatch(/^! {5}bandwidth = 100 -> 300/m);
    expect(out).toMatch(/^- cenBandwidth "old-link" \{/m);
    expect(out).toMatch(/^\+ sharedBandwidth "web-egress" \{/m);
    expectBalanced(out);
  });

  it('never contains ANSI codes', () => {
    expect(md()).not.toMatch(ANSI_PATTERN);
  });

  it('escapes user strings so they cannot break the table, inject HTML, mention people or end a fence', () => {
    const evil = plan({
      stack: 'prod--><script>alert(1)</script>',
      resource_changes: [
        change({
          kind: 'cenBandwidth',
          name: 'a|b<img src=x onerror=alert(1)>@octocat',
          id: 'cenbwp-x',
          actions: ['update'],
          before: { description: 'old' },
          after: { description: 'x | y\n```\n</details>' },
          attributes: [
            {
              field: 'description',
              before: 'old',
              after: '| </td> [link](http://evil) ```',
              class: 'mutable',
            },
          ],
        }),
      ],
      steps: [],
    });
    const out = md(evil);
    const marker = out.split('\n')[0] ?? '';
    expect(marker).toMatch(/^<!-- bwsync: \{.*\} -->$/);
    expect(marker.indexOf('-->')).toBe(marker.length - 3);
    // Inside a code fence text is literal; outside, no HTML or mention may survive.
    const prose = out.replace(/^(`{3,})[a-z]*\n[\s\S]*?^\1$/gm, '');
    expect(prose).not.toContain('<script>');
    expect(prose).not.toContain('<img');
    expect(prose).not.toContain('@octocat');
    expect(prose).toContain('&lt;img');
    const row = out.split('\n').find((l) => l.startsWith('| 🟡'));
    expect(row).toBeDefined();
    // Four cells: five unescaped pipes.
    expect((row ?? '').replace(/\\\|/g, '').split('|').length).toBe(6);
    expect(out).toContain('````diff');
    expectBalanced(out);
  });

  it('renders a 5,000-resource plan under 60,000 characters with marker, summary and tail intact', () => {
    const big = largePlan(5000);
    const out = md(big);
    expect(out.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(
      out.startsWith('<!-- bwsync: {"v":1,"kind":"plan","stack":"prod","plan_hash":"sha256:4c2a8f9e'),
    ).toBe(true);
    expect(out).toMatch(/\*\*Plan: \d+ to add, \d+ to change, 500 to destroy\.\*\*/);
    expect(out).toMatch(/more changes not listed here/);
    expect(out).toMatch(/diff lines cut to fit a GitHub comment/);
    expect(out.trimEnd().endsWith(`<sub>bwsync 0.1.0 · plan ${big.plan_hash}</sub>`)).toBe(true);
    // The destroys come first in the table, so the rows kept are the dangerous ones.
    const rows = out.split('\n').filter((l) => /^\| (🔴|🟠|🟡|🟢)/.test(l));
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.every((r) => r.startsWith('| 🔴'))).toBe(true);
    // The tail of the diff survives the cut.
    const lastChange = big.resource_changes.filter((rc) => rc.change.actions[0] === 'create').at(-1);
    expect(out).toContain(`+ sharedBandwidth "${lastChange?.name}" {`);
    expectBalanced(out);
  });

  it('keeps a plan that fits untouched, and cuts with a note when the limit is lower', () => {
    const full = md();
    expect(full).not.toContain('cut to fit');
    const small = renderPlan(everyChangePlan(), { format: 'markdown', limit: 3000 });
    expect(small.length).toBeLessThanOrEqual(3000);
    expect(small).toContain('**Plan: 3 to add, 3 to change, 3 to destroy.**');
    expect(small).toContain('cut to fit a GitHub comment');
    expectBalanced(small);
  });
});
