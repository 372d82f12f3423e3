import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseColorFlag, useColor } from './color.js';
import type { CliIO } from './io.js';

function io(env: Record<string, string>, tty: boolean): CliIO {
  const stdout = Object.assign(new PassThrough(), { isTTY: tty });
  const stderr = Object.assign(new PassThrough(), { isTTY: false });
  return { stdout, stderr, stdin: new PassThrough(), env, cwd: '/' };
}

describe('useColor', () => {
  it('colours a terminal and nothing else by default', () => {
    expect(useColor(io({}, true))).toBe(true);
    expect(useColor(io({}, false))).toBe(false);
    expect(useColor(io({}, true), 'auto', 'stderr')).toBe(false);
  });

  it('honours NO_COLOR when non-empty, TERM=dumb and FORCE_COLOR', () => {
    expect(useColor(io({ NO_COLOR: '1' }, true))).toBe(false);
    expect(useColor(io({ NO_COLOR: '' }, true))).toBe(true);
    expect(useColor(io({ TERM: 'dumb' }, true))).toBe(false);
    expect(useColor(io({ FORCE_COLOR: '1' }, false))).toBe(true);
    expect(useColor(io({ FORCE_COLOR: '0' }, false))).toBe(false);
    expect(useColor(io({ NO_COLOR: '1', FORCE_COLOR: '1' }, true))).toBe(false);
  });

  it('lets --color always|never override everything', () => {
    expect(useColor(io({ NO_COLOR: '1' }, false), 'always')).toBe(true);
    expect(useColor(io({ FORCE_COLOR: '1' }, true), 'never')).toBe(false);
  });

  it('rejects an unknown --color value naming the choices', () => {
    expect(parseColorFlag('never')).toBe('never');
    expect(() => parseColorFlag('sometimes')).toThrow(
      /--color must be one of auto, always, never; got "sometimes"/,
    );
  });
});
