import { describe, expect, it } from 'vitest';
import { emptyPlan, erroredPlan, everyChangePlan } from '../../test/fixtures/plans/every-change.js';
import { renderPlan } from './index.js';
import { ANSI_PATTERN, stripAnsi } from './style.js';

describe('text plan', () => {
  it('renders every change type as Terraform does (snapshot)', async () => {
    await expect(renderPlan(everyChangePlan(), { format: 'text' })).toMatchFileSnapshot(
      './__snapshots__/every-change.txt.snap',
    );
  });

  it('renders an empty plan as "No changes" with the unmanaged package (snapshot)', async () => {
    const out = renderPlan(emptyPlan(), { format: 'text' });
    expect(out).toContain('No changes. Live state matches the configuration.');
    expect(out).not.toContain('Plan:');
    await expect(out).toMatchFileSnapshot('./__snapshots__/empty.txt.snap');
  });

  it('prints the frozen summary line, counting a replacement as one add and one destroy', () => {
    const out = renderPlan(everyChangePlan(), { format: 'text' });
    expect(out).toMatch(/^Plan: 3 to add, 3 to change, 3 to destroy\.$/m);
  });

  it('marks the attribute that forces a replacement and counts hidden attributes', () => {
    const out = renderPlan(everyChangePlan(), { format: 'text' });
    expect(out).toContain('-/+ gaBandwidth "edge-2" {');
    expect(out).toMatch(/~ type = "Basic" -> "Enhanced" # forces replacement/);
    expect(out).toContain('# (5 unchanged attributes hidden)');
  });

  it('diffs member lists element by element and tag maps key by key', () => {
    const out = renderPlan(everyChangePlan(), { format: 'text' });
    expect(out).toMatch(
      /- \{ id = "eip-bp1demo0000000000004" \},\n\s+\+ \{ id = "eip-bp1demo0000000000005" \},\n\s+# \(1 unchanged element hidden\)/,
    );
    expect(out).toMatch(/~ owner = "net" -> "network"/);
    expect(out).toMatch(/\+ cost {2}= "cc-42"/);
  });

  it('lists steps numbered with their dependencies, after the summary', () => {
    const out = renderPlan(everyChangePlan(), { format: 'text' });
    expect(out.indexOf('Plan: ')).toBeLessThan(out.indexOf('Steps (18, in order):'));
    expect(out).toMatch(/ 2\. sharedBandwidth\/cn-shanghai\/legacy: Delete .* then wait \(after 1\)/);
  });

  it('shows warnings, unmanaged packages and errors', () => {
    const out = renderPlan(everyChangePlan(), { format: 'text' });
    expect(out).toContain('will not be destroyed: prepaid');
    expect(out).toContain(
      'sharedBandwidth/cn-hangzhou/hand-made  cbwp-bp1demohandmade0001  (no bwsync:stack tag)',
    );
    const errored = renderPlan(erroredPlan(), { format: 'text' });
    expect(errored).toContain('Errors (this plan cannot be applied):');
    expect(errored).toContain('gaBandwidth/edge-2: type cannot change');
    expect(errored).toContain('Plan failed: 1 error above must be fixed before anything can be applied.');
    // A plan whose only content is an error is not "no changes".
    const onlyError = renderPlan({ ...erroredPlan(), resource_changes: [], steps: [] }, { format: 'text' });
    expect(onlyError).toContain('Plan failed: 1 error');
    expect(onlyError).not.toContain('No changes.');
  });

  it('uses ANSI colour only when asked, with the same text underneath', () => {
    const plain = renderPlan(everyChangePlan(), { format: 'text' });
    const colored = renderPlan(everyChangePlan(), { format: 'text', color: true });
    expect(plain).not.toMatch(ANSI_PATTERN);
    expect(colored).toMatch(ANSI_PATTERN);
    expect(colored).toContain('\u001b[31m-\u001b[39m');
    expect(stripAnsi(colored)).toBe(plain);
  });

  it('draws the rule before the steps at the terminal width, within bounds', () => {
    const rule = (width?: number) =>
      renderPlan(everyChangePlan(), { format: 'text', width })
        .split('\n')
        .find((l) => l.startsWith('─'))?.length;
    expect(rule()).toBe(80);
    expect(rule(100)).toBe(100);
    expect(rule(400)).toBe(120);
    expect(rule(5)).toBe(20);
  });

  it('is deterministic for equal plans', () => {
    expect(renderPlan(everyChangePlan(), { format: 'text' })).toBe(
      renderPlan(everyChangePlan(), { format: 'text' }),
    );
  });
});
