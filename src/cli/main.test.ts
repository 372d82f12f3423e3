import { describe, expect, it } from 'vitest';
import { hoistDebug, oneLineError } from './main.js';

describe('CLI shell helpers', () => {
  it('moves a --debug given before the command to just after it', () => {
    expect(hoistDebug(['node', 'bwsync', '--debug', 'plan', 'a.yaml'])).toEqual([
      'node',
      'bwsync',
      'plan',
      '--debug',
      'a.yaml',
    ]);
    expect(hoistDebug(['node', 'bwsync', 'plan', '--debug'])).toEqual(['node', 'bwsync', 'plan', '--debug']);
    expect(hoistDebug(['node', 'bwsync', '--debug'])).toEqual(['node', 'bwsync', '--debug']);
  });

  it("turns commander's two-line suggestion into one line with the hint", () => {
    expect(oneLineError("error: unknown command 'plna'\n(Did you mean plan?)\n", 'bwsync')).toBe(
      "bwsync: error: unknown command 'plna' (did you mean plan?)\n",
    );
    expect(oneLineError("error: unknown option '--x'\n", 'bwsync apply')).toBe(
      "bwsync: error: unknown option '--x' (see bwsync apply --help)\n",
    );
  });
});
