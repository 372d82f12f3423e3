import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoSeed } from '../../src/emulator/index.js';
import { BIN, type CliRun, runCli } from '../helpers/cli.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

export interface E2E {
  emulator: TestEmulator;
  dir: string;
  env: Record<string, string>;
  write(name: string, text: string): string;
  cli(args: string[], options?: { input?: string }): Promise<CliRun>;
  close(): Promise<void>;
}

/** A test emulator with the demo seed, a scratch directory, and the CLI pointed at both. */
export async function startE2E(options: { latencyMs?: number; asyncMs?: number } = {}): Promise<E2E> {
  const emulator = await startTestEmulator({ seed: demoSeed(), ...options });
  const dir = mkdtempSync(join(tmpdir(), 'bwsync-e2e-apply-'));
  const env = {
    ALIBABA_CLOUD_ACCESS_KEY_ID: emulator.credentials.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: emulator.credentials.accessKeySecret,
    BWSYNC_ENDPOINT: emulator.url,
  };
  return {
    emulator,
    dir,
    env,
    write(name, text) {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
    cli: (args, o = {}) =>
      runCli(args, { cwd: dir, env, ...(o.input === undefined ? {} : { input: o.input }) }),
    close: () => emulator.close(),
  };
}

/** A spawned `bwsync …` whose stderr can be watched while it runs, to signal it mid-way. */
export function spawnCli(args: string[], e2e: E2E) {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NO_COLOR: '1',
    ...e2e.env,
  };
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: e2e.dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  void exited.then(() => clearTimeout(timer));
  /** Resolves once stderr matches `pattern` `count` times (bounded by the child's life). */
  const when = async (pattern: RegExp, count = 1): Promise<boolean> => {
    const global = new RegExp(pattern.source, 'g');
    for (let i = 0; i < 2000; i++) {
      if ((stderr.match(global) ?? []).length >= count) return true;
      if (child.exitCode !== null) return false;
      await new Promise((r) => setTimeout(r, 10));
    }
    return false;
  };
  return { child, exited, when, out: () => ({ stdout, stderr }) };
}

/** `count` shared bandwidth packages without EIPs: slow enough to interrupt, cheap to check. */
export function manyPackages(stack: string, count: number, extra = ''): string {
  const items = Array.from(
    { length: count },
    (_, i) => `  - { name: p${String(i).padStart(2, '0')}, bandwidth: ${10 + i}${extra} }`,
  );
  return `version: 1\nstack: ${stack}\ndefaults: { region: cn-hangzhou }\nsharedBandwidth:\n${items.join('\n')}\n`;
}

/** Shared bandwidth package names in the emulator, read through its control API. */
export async function packageNames(emulator: TestEmulator): Promise<string[]> {
  const state = (await emulator.state()) as { cbwps?: { name: string }[] };
  return (state.cbwps ?? []).map((p) => p.name).sort();
}
