import { ConfigError } from '../errors.js';
import type { CliIO } from './io.js';

export type ColorFlag = 'auto' | 'always' | 'never';
export const COLOR_FLAGS: readonly ColorFlag[] = ['auto', 'always', 'never'];

/**
 * Whether to colour one stream, decided once: `--color always|never` > NO_COLOR (non-empty,
 * per no-color.org) > FORCE_COLOR > a TTY whose TERM is not `dumb`. Markdown and JSON are
 * never coloured whatever this says; that is the renderers' rule.
 */
export function useColor(
  io: CliIO,
  flag: ColorFlag = 'auto',
  stream: 'stdout' | 'stderr' = 'stdout',
): boolean {
  if (flag === 'always') return true;
  if (flag === 'never') return false;
  const env = io.env;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  if (env.TERM === 'dumb') return false;
  return io[stream].isTTY === true;
}

/** Parses a `--color` value, naming the flag and the choices when it is wrong. */
export function parseColorFlag(value: string): ColorFlag {
  const flag = COLOR_FLAGS.find((f) => f === value);
  if (flag !== undefined) return flag;
  throw new ConfigError(`--color must be one of ${COLOR_FLAGS.join(', ')}; got "${value}".`, {
    code: 'bad-flag',
  });
}
