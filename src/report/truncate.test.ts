import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutLines, shareBudget, sizeOf } from './truncate.js';

describe('truncation', () => {
  it('never hands out more than the budget, nor more than a list needs', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(10_000), { maxLength: 6 }), fc.nat(30_000), (sizes, budget) => {
        const shares = shareBudget(sizes, budget);
        expect(shares.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(budget);
        for (const [i, s] of shares.entries()) expect(s).toBeLessThanOrEqual(sizes[i] ?? 0);
        if (sizes.reduce((a, b) => a + b, 0) <= budget) expect(shares).toEqual(sizes);
      }),
    );
  });

  it('cuts to the budget, keeps the start (and the end when asked) and notes how many lines went', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 40 }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 120, max: 5_000 }),
        fc.constantFrom('head' as const, 'both' as const),
        (lines, budget, keep) => {
          const out = cutLines({ lines, keep, what: 'lines' }, budget, (n) => `<<${n} cut>>`);
          expect(sizeOf(out)).toBeLessThanOrEqual(Math.max(budget, sizeOf(lines)));
          if (sizeOf(lines) <= budget) {
            expect(out).toEqual(lines);
            return;
          }
          expect(sizeOf(out)).toBeLessThanOrEqual(budget);
          const noteAt = out.findIndex((l) => /^<<\d+ cut>>$/.test(l));
          const cut = Number(out[noteAt]?.slice(2, -6));
          expect(out.length - 1 + cut).toBe(lines.length);
          expect(out.slice(0, noteAt)).toEqual(lines.slice(0, noteAt));
          if (keep === 'head') expect(noteAt).toBe(out.length - 1);
          else expect(out.slice(noteAt + 1)).toEqual(lines.slice(lines.length - (out.length - noteAt - 1)));
        },
      ),
    );
  });
});
