/** Actions that only read: safe to repeat after a lost response. */
const READ_VERBS = /^(Describe|List|Get|Query|Check)[A-Z]/;

export function isReadAction(action: string): boolean {
  return READ_VERBS.test(action);
}

/**
 * Whether repeating a call cannot do harm: reads, and writes carrying a ClientToken (the server
 * returns the first result for a repeated token).
 */
export function isIdempotent(action: string, params: Record<string, string>): boolean {
  return isReadAction(action) || (params.ClientToken !== undefined && params.ClientToken !== '');
}
