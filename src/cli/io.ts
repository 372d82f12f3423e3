import type { Writable } from 'node:stream';

/** Everything a command may touch of the process, injectable for tests. */
export interface CliIO {
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean; columns?: number };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function processIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Exit codes (SPEC §5): 0 success / no changes, 1 error, 2 changes present, 130 interrupted. */
export const EXIT = { ok: 0, error: 1, changes: 2, interrupted: 130 } as const;
