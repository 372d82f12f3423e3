import { describe, expect, it } from 'vitest';
import { errors, loadYaml, where } from '../../../test/helpers/load-yaml.js';

const HEAD = 'version: 1\nstack: s\n';
const DEFAULTS = 'defaults: { region: cn-hangzhou }\n';
const MARK = '§';

/** Removes the `§` marker from a case and returns the text and the marker's line:col. */
function marked(text: string): { text: string; at: string } {
  const offset = text.indexOf(MARK);
  if (offset < 0) throw new Error('case without § marker');
  const before = text.slice(0, offset).split('\n');
  return { text: text.replace(MARK, ''), at: `${before.length}:${(before.at(-1)?.length ?? 0) + 1}` };
}

const tags = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}: x`).join(', ');

/**
 * Each semantic rule with a failing case (`§` marks where the error must point) and the
 * nearest passing case, so a rule that reports too much fails as surely as one that reports
 * nothing.
 */
const CASES: { rule: string; bad: string; good: string; defaults?: string }[] = [
  {
    rule: 'duplicate-identity',
    bad: 'sharedBandwidth:\n  - name: aa\n  - §name: aa\n',
    good: 'sharedBandwidth:\n  - name: aa\n  - { name: aa, region: cn-beijing }\n',
  },
  {
    rule: 'duplicate-identity',
    bad: 'gaBandwidth:\n  - { name: aa, id: gbwp-1 }\n  - { name: bb, id: §gbwp-1 }\n',
    good: 'gaBandwidth:\n  - { name: aa, id: gbwp-1 }\n  - { name: bb, id: gbwp-2 }\n',
  },
  {
    rule: 'duplicate-eip',
    bad: 'sharedBandwidth:\n  - { name: aa, ips: [eip-1, §eip-1] }\n',
    good: 'sharedBandwidth:\n  - { name: aa, ips: [eip-1, eip-2] }\n',
  },
  {
    rule: 'duplicate-eip',
    bad: 'sharedBandwidth:\n  - { name: aa, ips: [eip-1] }\n  - { name: bb, ips: [§eip-1] }\n',
    // A package being deleted releases its EIPs to another.
    good: 'sharedBandwidth:\n  - { name: aa, ensure: absent }\n  - { name: bb, ips: [eip-1] }\n',
  },
  {
    rule: 'duplicate-accelerator',
    bad: 'gaBandwidth:\n  - { name: aa, accelerators: [ga-1] }\n  - { name: bb, accelerators: [ga-2, §ga-1] }\n',
    good: 'gaBandwidth:\n  - { name: aa, accelerators: [ga-1] }\n  - { name: bb, accelerators: [ga-2] }\n',
  },
  {
    rule: 'cen-same-area',
    bad: 'cenBandwidth:\n  - { name: aa, areas: §[Europe, europe] }\n',
    good: 'cenBandwidth:\n  - { name: aa, areas: [Europe, china] }\n',
  },
  {
    rule: 'cen-duplicate-area-pair',
    bad: 'cenBandwidth:\n  - { name: aa, areas: [China, Europe], cens: [cen-1] }\n  - { name: bb, areas: [Europe, China], cens: [§cen-1] }\n',
    good: 'cenBandwidth:\n  - { name: aa, areas: [China, Europe], cens: [cen-1] }\n  - { name: bb, areas: [Europe, China], cens: [cen-2] }\n',
  },
  {
    rule: 'ip-cap-exceeds-bandwidth',
    bad: 'sharedBandwidth:\n  - { name: aa, bandwidth: 50, ips: [§{ id: eip-1, bandwidth: 51 }] }\n',
    good: 'sharedBandwidth:\n  - { name: aa, bandwidth: 50, ips: [{ id: eip-1, bandwidth: 50 }] }\n',
  },
  {
    rule: 'isp-region',
    bad: 'sharedBandwidth:\n  - { name: aa, isp: §BGP_PRO }\n',
    good: 'sharedBandwidth:\n  - { name: aa, isp: BGP_PRO, region: ap-southeast-7 }\n',
  },
  {
    rule: 'ga-bandwidth-type-required',
    bad: 'gaBandwidth:\n  - { name: aa, type: §Basic }\n',
    good: 'gaBandwidth:\n  - { name: aa, type: CrossDomain }\n  - { name: bb, type: Basic, bandwidthType: Advanced }\n',
  },
  {
    rule: 'prepay-only',
    bad: 'cenBandwidth:\n  - { name: aa, chargeType: POSTPAY, autoRenew: §true }\n',
    good: 'cenBandwidth:\n  - { name: aa, chargeType: PREPAY, autoRenew: true }\n  - { name: bb, autoRenew: true }\n',
  },
  {
    rule: 'period-range',
    bad: 'gaBandwidth:\n  - { name: aa, period: §4, pricingCycle: Year }\n',
    good: 'gaBandwidth:\n  - { name: aa, period: 9 }\n  - { name: bb, period: 3, pricingCycle: Year }\n',
  },
  {
    rule: 'period-range',
    bad: 'cenBandwidth:\n  - { name: aa, period: §4, pricingCycle: Month }\n',
    good: 'cenBandwidth:\n  - { name: aa, period: 12, pricingCycle: Month }\n',
  },
  {
    rule: 'ratio-needs-95',
    bad: 'gaBandwidth:\n  - { name: aa, chargeType: POSTPAY, billingType: PayByTraffic, ratio: §30 }\n',
    good: 'gaBandwidth:\n  - { name: aa, chargeType: POSTPAY, billingType: PayBY95, ratio: 30 }\n',
  },
  {
    rule: 'ratio-needs-95',
    bad: 'sharedBandwidth:\n  - { name: aa, ratio: §20 }\n',
    good: 'sharedBandwidth:\n  - { name: aa, ratio: 20, internetChargeType: PayBy95 }\n',
  },
  {
    rule: 'billing-type-postpay',
    bad: 'gaBandwidth:\n  - { name: aa, billingType: §PayBY95 }\n',
    good: 'gaBandwidth:\n  - { name: aa, billingType: PayBY95, chargeType: POSTPAY }\n',
  },
  {
    rule: 'text-url',
    bad: 'sharedBandwidth:\n  - { name: aa, description: §"HTTP://x" }\n',
    good: 'sharedBandwidth:\n  - { name: aa, description: "see http://x" }\n',
  },
  {
    rule: 'bandwidth-range',
    bad: 'sharedBandwidth:\n  - { name: aa, bandwidth: §1 }\n',
    good: 'sharedBandwidth:\n  - { name: aa, bandwidth: 1, internetChargeType: PayByDominantTraffic }\n  - { name: bb, bandwidth: 2 }\n',
  },
  {
    rule: 'bandwidth-range',
    bad: 'sharedBandwidth:\n  - { name: aa, bandwidth: §1001, internetChargeType: PayByTraffic }\n',
    good: 'sharedBandwidth:\n  - { name: aa, bandwidth: 1000, internetChargeType: PayByTraffic }\n',
  },
  {
    rule: 'tag-reserved',
    bad: 'sharedBandwidth:\n  - { name: aa, tags: { §"acs:x": y } }\n',
    good: 'sharedBandwidth:\n  - { name: aa, tags: { "x:acs": y, "my-aliyun": z } }\n',
  },
  {
    rule: 'tag-reserved',
    bad: 'sharedBandwidth:\n  - { name: aa, tags: { §Aliyun-team: y } }\n',
    good: 'sharedBandwidth:\n  - { name: aa, tags: { team-aliyun: y } }\n',
  },
  {
    rule: 'tag-invalid',
    bad: 'sharedBandwidth:\n  - { name: aa, tags: { §k: "https://x" } }\n',
    good: 'sharedBandwidth:\n  - { name: aa, tags: { k: "x.example.com" } }\n',
  },
  {
    rule: 'tag-count',
    defaults: `defaults: { region: cn-hangzhou, tags: { ${tags('d', 10)} } }\n`,
    bad: `sharedBandwidth:\n  - { name: aa, tags: §{ ${tags('t', 10)} } }\n`,
    good: `sharedBandwidth:\n  - { name: aa, tags: { ${tags('t', 9)} } }\n`,
  },
];

describe('semantic rules', () => {
  for (const c of CASES) {
    const bad = marked(c.bad);
    it(`${c.rule}: fails at ${bad.at}, passes its near miss`, async () => {
      const head = HEAD + (c.defaults ?? DEFAULTS);
      const failing = await loadYaml(head + bad.text);
      const at = `${Number(bad.at.split(':')[0]) + 3}:${bad.at.split(':')[1]}`;
      expect(where(errors(failing))).toEqual([`${c.rule}@${at}`]);
      const passing = await loadYaml(head + c.good);
      expect(passing.diagnostics).toEqual([]);
      expect(passing.state).toBeDefined();
    });
  }

  it('absent-ignored warns, and the state is still produced', async () => {
    const bad = await loadYaml(
      `${HEAD}cenBandwidth:\n  - { name: aa, ensure: absent, cens: [cen-1], bandwidth: 5 }\n`,
    );
    expect(where(bad.diagnostics)).toEqual(['absent-ignored@4:39']);
    expect(bad.diagnostics[0]?.severity).toBe('warning');
    expect(bad.diagnostics[0]?.message).toContain('`cens`, `bandwidth` are ignored');
    expect(bad.state).toBeDefined();
    const good = await loadYaml(
      `${HEAD}cenBandwidth:\n  - { name: aa, ensure: absent, protect: false, id: cenbwp-1 }\n`,
    );
    expect(good.diagnostics).toEqual([]);
  });
});
