import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDesiredState } from './index.js';

const CORPUS = fileURLToPath(new URL('../../test/fixtures/invalid/', import.meta.url));

/** One file per diagnostic code: where the (first) diagnostic must point. */
const CASES: Record<string, { line: number; col: number; message: RegExp; severity?: 'warning' }> = {
  'yaml-syntax': { line: 7, col: 1, message: /Flow sequence/ },
  'yaml-duplicate-key': { line: 8, col: 5, message: /Duplicate key `bandwidth`/ },
  'yaml-multiple-documents': { line: 4, col: 1, message: /more than one YAML document/ },
  'yaml-alias-limit': { line: 5, col: 8, message: /alias bomb/ },
  'file-empty': { line: 1, col: 1, message: /is empty/ },
  'unknown-key': { line: 7, col: 5, message: /Unknown key `bandwith`/ },
  'missing-key': { line: 2, col: 1, message: /Missing required key `stack`/ },
  'wrong-type': { line: 7, col: 16, message: /must be an integer, found the string "200M"/ },
  'bad-value': { line: 7, col: 25, message: /must be one of PayByBandwidth/ },
  'out-of-range': { line: 6, col: 16, message: /5000; it must be at most 2000/ },
  'bad-format': { line: 7, col: 20, message: /`ips\[1\]`: the string "10.0.0.1"/ },
  'bad-length': { line: 5, col: 11, message: /at least 2 characters/ },
  'bad-count': { line: 6, col: 12, message: /exactly two areas/ },
  'region-not-allowed': { line: 6, col: 5, message: /global, not regional/ },
  'missing-region': { line: 5, col: 5, message: /has no region/ },
  'duplicate-identity': {
    line: 8,
    col: 5,
    message: /declared twice \(first at .*duplicate-identity.yaml:6:5\)/,
  },
  'duplicate-eip': {
    line: 11,
    col: 9,
    message: /eip-bp1aaa is already in sharedBandwidth\/cn-hangzhou\/web/,
  },
  'duplicate-accelerator': { line: 6, col: 43, message: /ga-aaa is already bound to gaBandwidth\/edge/ },
  'cen-same-area': { line: 6, col: 12, message: /names China twice/ },
  'cen-duplicate-area-pair': {
    line: 6,
    col: 49,
    message: /cen-aaa would hold two packages for China↔Europe/,
  },
  'ip-cap-exceeds-bandwidth': { line: 9, col: 9, message: /150 Mbit\/s, above the package's 100/ },
  'isp-region': { line: 7, col: 10, message: /BGP_PRO is not offered in cn-beijing/ },
  'ga-bandwidth-type-required': { line: 7, col: 11, message: /type Basic but no `bandwidthType`/ },
  'prepay-only': { line: 8, col: 19, message: /`pricingCycle` applies only to PREPAY/ },
  'period-range': { line: 8, col: 13, message: /`period` 6 is not valid with pricingCycle Year/ },
  'ratio-needs-95': { line: 8, col: 12, message: /only with internetChargeType: PayBy95/ },
  'billing-type-postpay': { line: 7, col: 18, message: /only to POSTPAY/ },
  'text-url': { line: 6, col: 18, message: /must not start with http/ },
  'bandwidth-range': { line: 9, col: 16, message: /outside 200–20000 Mbit\/s for PayBy95/ },
  'tag-reserved': { line: 9, col: 7, message: /`bwsync:stack` is reserved/ },
  'tag-invalid': { line: 7, col: 7, message: /68 characters; cenBandwidth allows at most 64/ },
  'tag-count': { line: 10, col: 7, message: /20 tags with defaults merged; at most 19/ },
  'absent-ignored': { line: 8, col: 16, message: /`bandwidth` is ignored/, severity: 'warning' },
};

describe('invalid corpus (test/fixtures/invalid/<code>.yaml)', () => {
  it('has exactly one case per fixture file', () => {
    const files = readdirSync(CORPUS)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.slice(0, -5));
    expect(files.sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [code, expected] of Object.entries(CASES)) {
    it(`reports ${code} at ${expected.line}:${expected.col}, and nothing else`, async () => {
      const result = await loadDesiredState([`${code}.yaml`], { cwd: CORPUS });
      const first = result.diagnostics[0];
      expect(result.diagnostics.map((d) => d.code)).toEqual(result.diagnostics.map(() => code));
      expect(first?.severity).toBe(expected.severity ?? 'error');
      expect(first?.loc).toMatchObject({ file: `${code}.yaml`, line: expected.line, col: expected.col });
      expect(first?.message).toMatch(expected.message);
      // Warnings alone leave a usable state; any error withholds it.
      expect(result.state === undefined).toBe(expected.severity !== 'warning');
    });
  }
});
