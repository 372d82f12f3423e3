import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type CloudState, type StateSnapshot, snapshot } from './state.js';

/** A state file that exists but cannot be used. The emulator refuses to start (and never overwrites it). */
export class EmulatorStateError extends Error {
  readonly path: string;
  constructor(path: string, detail: string) {
    super(
      `The emulator state file ${path} is not usable: ${detail}. Fix or move it away; it was not modified.`,
    );
    this.name = 'EmulatorStateError';
    this.path = path;
  }
}

/** Reads a state file; `undefined` when it does not exist. */
export function readStateFile(path: string): StateSnapshot | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new EmulatorStateError(path, (error as Error).message);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error: unknown) {
    throw new EmulatorStateError(path, `invalid JSON (${(error as Error).message})`);
  }
  const o = data as Partial<StateSnapshot> | null;
  if (typeof o !== 'object' || o === null || o.format !== 'bwsync-emulator-state' || o.version !== 1) {
    throw new EmulatorStateError(path, 'it is not a bwsync emulator state file (format/version missing)');
  }
  for (const key of [
    'cbwps',
    'eips',
    'cens',
    'cenBwps',
    'accelerators',
    'gaBwps',
    'transitions',
    'tokens',
  ] as const) {
    if (!Array.isArray(o[key])) throw new EmulatorStateError(path, `"${key}" is not a list`);
  }
  if (typeof o.sequence !== 'number') throw new EmulatorStateError(path, '"sequence" is not a number');
  return o as StateSnapshot;
}

/**
 * Group commit: every `commit()` resolves once a save that started after the call has been
 * renamed into place, so a write is durable before its response while concurrent writes share
 * one file write.
 */
export class Persister {
  private readonly path: string;
  private readonly state: CloudState;
  private running: Promise<void> | undefined;
  private waiting: Promise<void> | undefined;
  private counter = 0;

  constructor(path: string, state: CloudState) {
    this.path = path;
    this.state = state;
  }

  commit(): Promise<void> {
    if (this.waiting) return this.waiting;
    const start = async () => {
      // Always yield first so `waiting` is assigned before it is cleared below.
      await (this.running ?? Promise.resolve()).catch(() => undefined);
      this.waiting = undefined;
      const run = this.save();
      this.running = run;
      try {
        await run;
      } finally {
        if (this.running === run) this.running = undefined;
      }
    };
    this.waiting = start();
    return this.waiting;
  }

  /** Resolves when no save is pending. */
  async flush(): Promise<void> {
    await (this.waiting ?? this.running)?.catch(() => undefined);
  }

  private async save(): Promise<void> {
    const text = JSON.stringify(snapshot(this.state));
    const tmp = `${this.path}.${process.pid}.${++this.counter}.tmp`;
    await mkdir(dirname(this.path), { recursive: true });
    await writeFile(tmp, text, { mode: 0o600 });
    await rename(tmp, this.path);
  }
}
