import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadYaml } from '../../test/helpers/load-yaml.js';

const QUICKSTART = readFileSync(
  fileURLToPath(new URL('../../examples/quickstart.yaml', import.meta.url)),
  'utf8',
);
const PIECES = [
  ' ',
  '\n',
  '  ',
  '- ',
  ': ',
  '#',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  ',',
  '&a ',
  '*a',
  '!',
  '|',
  '---\n',
  '\t',
  'null',
  '~',
  '0',
  '-1',
  'x',
  '\u00e9',
];

describe('loader robustness', () => {
  it('turns any edit of a valid file into diagnostics with places, never a throw or an internal error', async () => {
    const edit = fc.array(fc.tuple(fc.nat(QUICKSTART.length), fc.nat(6), fc.constantFrom(...PIECES)), {
      minLength: 1,
      maxLength: 4,
    });
    await fc.assert(
      fc.asyncProperty(edit, async (edits) => {
        let text = QUICKSTART;
        for (const [at, cut, piece] of edits) text = text.slice(0, at) + piece + text.slice(at + cut);
        const result = await loadYaml(text);
        expect(result.diagnostics.filter((d) => d.code === 'internal-error')).toEqual([]);
        for (const d of result.diagnostics) {
          expect(d.loc?.line).toBeGreaterThanOrEqual(1);
          expect(d.loc?.col).toBeGreaterThanOrEqual(1);
        }
        expect(result.state === undefined).toBe(result.diagnostics.some((d) => d.severity === 'error'));
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
