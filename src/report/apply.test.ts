import { describe, expect, it } from 'vitest';
import { convergedResult, partialResult } from '../../test/fixtures/plans/apply-results.js';
import { everyChangePlan } from '../../test/fixtures/plans/every-change.js';
import { largePlan } from '../../test/fixtures/plans/large.js';
import { formatDuration } from './apply.js';
import { MARKDOWN_LIMIT, renderApplyReport, reportFormatForPath } from './index.js';
import { ANSI_PATTERN } from './style.js';

const plan = everyChangePlan();
const failed = partialResult(plan, { failAt: 2 });

describe('apply report', () => {
  it("renders a converged apply with Terraform's completion line (snapshots)", async () => {
    const result = convergedResult(plan);
    const text = renderApplyReport(result, { format: 'text', plan });
    expect(text).toContain('Apply complete! Resources: 3 added, 3 changed, 3 destroyed.');
    await expect(text).toMatchFileSnapshot('./__snapshots__/apply-converged.txt.snap');
    await expect(renderApplyReport(result, { format: 'markdown', plan })).toMatchFileSnapshot(
      './__snapshots__/apply-converged.md.snap',
    );
  });

  it('lists every step with status, attempts, duration, RequestIds and error code (snapshots)', async () => {
    const text = renderApplyReport(failed, { format: 'text', plan });
    expect(text).toMatch(
      /✗ +3\. sharedBandwidth\/cn-hangzhou\/api-egress: Remove eip-bp1demo0000000000004 +3 attempts · 6\.4s · OperationFailed\.IpInstanceId\.AlreadyInOtherBandwidthPackage: .* · RequestId 5D3E0002-ABCD-4E5F-8A9B-000000000003/,
    );
    expect(text).toMatch(/- +4\. .*skipped: step 3 failed/);
    expect(text).toContain('Apply failed: 15 done, 1 failed, 2 skipped, 0 not started.');
    expect(text).toMatch(/- +5\. .*skipped: step 3 failed/);
    expect(text).toContain('Still to converge (1):\n  sharedBandwidth/cn-hangzhou/api-egress');
    await expect(text).toMatchFileSnapshot('./__snapshots__/apply-failed.txt.snap');
    const md = renderApplyReport(failed, { format: 'markdown', plan });
    expect(md.split('\n')[0]).toMatch(
      /^<!-- bwsync: \{"v":1,"kind":"apply","stack":"prod","plan_hash":"sha256:/,
    );
    expect(md).toContain('> [!CAUTION]');
    expect(md).not.toContain('<b>now</b>');
    expect(md).toContain('&lt;b&gt;now&lt;/b&gt;');
    await expect(md).toMatchFileSnapshot('./__snapshots__/apply-failed.md.snap');
  });

  it('says when an apply was interrupted and what never started', () => {
    const result = partialResult(plan, { failAt: 5, interruptAfter: 9 });
    const text = renderApplyReport(result, { format: 'text' });
    expect(text).toMatch(/^Apply interrupted: \d+ done, 1 failed, \d+ skipped, \d+ not started\.$/m);
    expect(text).toMatch(/· +11\. .* not started/);
  });

  it('keeps a 5,000-step markdown report under the comment limit with its totals', () => {
    const big = largePlan(5000);
    const md = renderApplyReport(partialResult(big, { failAt: 10 }), { format: 'markdown', plan: big });
    expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(md).toMatch(/\*\*Apply failed: \d+ done, 1 failed/);
    expect(md).toContain('steps not listed here');
  });

  it('colours text only when asked and never markdown', () => {
    expect(renderApplyReport(failed, { format: 'text' })).not.toMatch(ANSI_PATTERN);
    expect(renderApplyReport(failed, { format: 'text', color: true })).toMatch(ANSI_PATTERN);
    expect(renderApplyReport(failed, { format: 'markdown', color: true })).not.toMatch(ANSI_PATTERN);
  });

  it('picks markdown for .md report paths and JSON otherwise', () => {
    expect(reportFormatForPath('out/report.md')).toBe('markdown');
    expect(reportFormatForPath('report.JSON')).toBe('json');
    expect(reportFormatForPath('report')).toBe('json');
  });

  it('formats durations for people', () => {
    expect(formatDuration(250)).toBe('250ms');
    expect(formatDuration(6400)).toBe('6.4s');
    expect(formatDuration(125_000)).toBe('2m05s');
  });
});
