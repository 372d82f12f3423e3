/**
 * Failures the chaos suite found in other parts of bwsync that are still open. Each has a
 * regression case in regressions.ts (run as an expected failure) and is listed in
 * docs/reliability.md. While one is open, the random suite steers around it as said here,
 * and says so in its test name; delete the entry once the fix lands.
 */
export const KNOWN_ISSUES = {
  'cen-one-cen-per-package':
    '`cens:` accepts several CEN ids per package, but a CEN bandwidth package can be associated with one ' +
    'CEN only (InvalidOperation.BwpInstanceStatus), so such a plan never converges. Random cases give each ' +
    'CEN package at most one CEN.',
} as const;

export type KnownIssue = keyof typeof KNOWN_ISSUES;

export function isOpen(issue: KnownIssue): boolean {
  return issue in KNOWN_ISSUES;
}
