import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Stats } from '../src/emulator/index.js';
import type { StateSnapshot } from '../src/emulator/state.js';
import type { HostRequest } from './emulator-host.js';

/** The emulator of one scenario, in its own process, spoken to over its control API. */
export interface BenchEmulator {
  url: string;
  stats(): Promise<Stats>;
  state(): Promise<StateSnapshot>;
  close(): Promise<void>;
}

const HOST_MAIN = fileURLToPath(new URL('./emulator-host.js', import.meta.url));
const START_TIMEOUT_MS = 120_000;

/**
 * GET a control endpoint. Retried a few times: a pooled connection the emulator closed while
 * idle (keep-alive timeout) can fail the first try.
 */
async function getJson<T>(url: string): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`${url} answered ${res.status}`);
      return (await res.json()) as T;
    } catch (err: unknown) {
      if (attempt >= 3) throw err;
    }
  }
}

export function startBenchEmulator(request: HostRequest): Promise<BenchEmulator> {
  const child = fork(HOST_MAIN, [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the emulator did not start within 2 minutes'));
    }, START_TIMEOUT_MS);
    child.once('message', (m) => {
      clearTimeout(timer);
      const answer = m as { url?: string; error?: string };
      if (answer.url === undefined) {
        reject(new Error(`the emulator did not start: ${answer.error ?? 'no answer'}`));
        return;
      }
      const url = answer.url;
      resolve({
        url,
        stats: () => getJson<Stats>(`${url}/_emulator/stats`),
        state: () => getJson<StateSnapshot>(`${url}/_emulator/state`),
        close: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.disconnect();
          }),
      });
    });
    child.once('error', reject);
    child.send(request);
  });
}

function delta(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, n] of Object.entries(after)) {
    const d = n - (before[key] ?? 0);
    if (d > 0) out[key] = d;
  }
  return out;
}

/** Calls per action between two stats snapshots (every request, throttled retries included). */
export function callsBetween(before: Stats, after: Stats): Record<string, number> {
  return delta(before.calls, after.calls);
}

/** Error answers per code between two stats snapshots (e.g. `Throttling.User`). */
export function errorsBetween(before: Stats, after: Stats): Record<string, number> {
  return delta(before.errors, after.errors);
}

const READ_PREFIXES = ['Describe', 'List', 'Get'];

export function isReadAction(action: string): boolean {
  return READ_PREFIXES.some((p) => action.startsWith(p));
}

export function splitCalls(calls: Record<string, number>): { reads: number; writes: number } {
  let reads = 0;
  let writes = 0;
  for (const [action, n] of Object.entries(calls)) {
    if (isReadAction(action)) reads += n;
    else writes += n;
  }
  return { reads, writes };
}
