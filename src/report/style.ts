/**
 * ANSI styling for the text renderers. Colour is decided by the caller (src/cli/color.ts);
 * with `color: false` every style is the identity, so the same code renders plain text.
 */
export interface Palette {
  add(s: string): string;
  remove(s: string): string;
  change(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
  danger(s: string): string;
  warn(s: string): string;
  ok(s: string): string;
}

const sgr =
  (open: number, close: number) =>
  (s: string): string =>
    s === '' ? s : `\u001b[${open}m${s}\u001b[${close}m`;

const identity = (s: string): string => s;

export const PLAIN: Palette = {
  add: identity,
  remove: identity,
  change: identity,
  bold: identity,
  dim: identity,
  danger: identity,
  warn: identity,
  ok: identity,
};

export const ANSI: Palette = {
  add: sgr(32, 39),
  remove: sgr(31, 39),
  change: sgr(33, 39),
  bold: sgr(1, 22),
  dim: sgr(90, 39),
  danger: (s) => sgr(1, 22)(sgr(31, 39)(s)),
  warn: sgr(33, 39),
  ok: (s) => sgr(1, 22)(sgr(32, 39)(s)),
};

export function paletteFor(color: boolean | undefined): Palette {
  return color === true ? ANSI : PLAIN;
}

/** Matches every SGR sequence this module emits (and the cursor moves of the live progress). */
export const ANSI_PATTERN = /\u001b\[[0-9;?]*[A-Za-z]/g;

export function stripAnsi(s: string): string {
  return s.replace(ANSI_PATTERN, '');
}
