import { fork } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { CLIENT_HEADROOM, EMULATOR_LIMITS } from './client.js';
import { ASYNC_MS, LATENCY_MEAN_MS } from './common.js';
import { type BenchOptions, parseArgs, SCENARIOS } from './options.js';
import {
  type BenchResult,
  type BenchRun,
  markdownTable,
  tableHeader,
  tableRow,
  writeResults,
} from './results.js';

/**
 * `npm run bench [-- --quick] [-- --only plan-large,cpu]`: runs every scenario in a process of
 * its own (so peak memory and CPU are the scenario's alone), prints one table row per scenario
 * and writes bench/results.json.
 */
const SCENARIO_MAIN = fileURLToPath(new URL('./scenario.js', import.meta.url));
const SCENARIO_TIMEOUT_MS = 30 * 60_000;

/**
 * The compiled sources sit in .bench-build/src, and the loader finds its JSON Schema at
 * ../../schemas from its own module, as it does from dist/; link the real folder there.
 */
function linkSchemas(): void {
  const link = fileURLToPath(new URL('../schemas', import.meta.url));
  if (!existsSync(link)) symlinkSync(fileURLToPath(new URL('../../schemas', import.meta.url)), link, 'dir');
}

function runScenario(name: string, options: BenchOptions): Promise<BenchResult> {
  return new Promise((resolve, reject) => {
    const args = [name, ...(options.quick ? ['--quick'] : [])];
    const env = {
      ...process.env,
      BWSYNC_BENCH_RATE_LIMITS: options.rateLimits ? 'on' : 'off',
      ...(options.concurrency === undefined ? {} : { BWSYNC_BENCH_CONCURRENCY: String(options.concurrency) }),
    };
    const child = fork(SCENARIO_MAIN, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env });
    let result: BenchResult | undefined;
    const timer = setTimeout(() => child.kill('SIGKILL'), SCENARIO_TIMEOUT_MS);
    child.on('message', (m) => {
      result = m as BenchResult;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (result !== undefined && code === 0) resolve(result);
      else reject(new Error(`scenario ${name} failed (exit ${code ?? signal})`));
    });
  });
}

function machine(): BenchRun['machine'] {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    totalMemMb: Math.round(totalmem() / 1024 / 1024),
  };
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  linkSchemas();
  const names = options.only ?? [...SCENARIOS];
  const run: BenchRun = {
    startedAt: new Date().toISOString(),
    quick: options.quick,
    machine: machine(),
    settings: {
      latencyMs: LATENCY_MEAN_MS,
      asyncMs: ASYNC_MS,
      emulatorQps: { ...EMULATOR_LIMITS },
      clientShareOfQuota: CLIENT_HEADROOM,
      rateLimits: options.rateLimits,
      applyConcurrency: options.concurrency ?? 'default',
    },
    results: [],
  };
  process.stdout.write(
    `bwsync benchmark (${options.quick ? 'quick' : 'full'}), ${run.machine.cpus} cpus, node ${run.machine.node}\n`,
  );
  process.stdout.write(`${tableHeader()}\n`);
  let failures = 0;
  for (const name of names) {
    try {
      const result = await runScenario(name, options);
      run.results.push(result);
      process.stdout.write(`${tableRow(result)}\n`);
    } catch (err: unknown) {
      failures++;
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    }
  }
  if (options.markdown) process.stdout.write(`\n${markdownTable(run.results)}\n`);
  writeResults(options.out, run);
  process.stdout.write(`\nwrote ${options.out}\n`);
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
