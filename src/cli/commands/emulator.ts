import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import {
  DEMO_CREDENTIALS,
  demoSeed,
  type EmulatorOptions,
  EmulatorStateError,
  type FaultConfig,
  parseFaultSpec,
  type SeedDocument,
  SeedError,
  startEmulator,
} from '../../emulator/index.js';
import { ConfigError } from '../../errors.js';
import type { CliIO } from '../io.js';
import type { CommandState } from '../main.js';

interface EmulatorFlags {
  port: string;
  state?: string;
  seed?: string;
  empty?: boolean;
  latencyMs: string;
  asyncMs: string;
  faults?: string;
  rateLimits: boolean;
}

function number(flag: string, value: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) {
    throw new ConfigError(`--${flag} must be a whole number from 0 to ${max}, got "${value}".`, {
      code: 'bad-flag',
    });
  }
  return n;
}

function readSeed(path: string): SeedDocument {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error: unknown) {
    throw new ConfigError(`Cannot read the seed file ${path}: ${(error as Error).message}.`, {
      code: 'seed-file',
    });
  }
  try {
    const doc: unknown = parseYaml(text);
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
      throw new Error('the top level must be a mapping');
    return doc as SeedDocument;
  } catch (error: unknown) {
    throw new ConfigError(`The seed file ${path} is not valid YAML/JSON: ${(error as Error).message}.`, {
      code: 'seed-file',
    });
  }
}

function faults(spec: string | undefined): FaultConfig | undefined {
  if (spec === undefined) return undefined;
  try {
    return parseFaultSpec(spec);
  } catch (error: unknown) {
    throw new ConfigError(`--faults "${spec}" is not valid: ${(error as Error).message}.`, {
      code: 'bad-flag',
      hint: 'use JSON like {"rate":0.2,"kinds":["503","reset"],"seed":1} or rate=0.2,kinds=503+reset,seed=1',
    });
  }
}

function optionsFrom(flags: EmulatorFlags): EmulatorOptions {
  const fault = faults(flags.faults);
  const seed = flags.seed ? readSeed(flags.seed) : flags.empty ? undefined : demoSeed();
  return {
    port: number('port', flags.port, 65535),
    latencyMs: number('latency-ms', flags.latencyMs, 60_000),
    asyncMs: number('async-ms', flags.asyncMs, 3_600_000),
    ...(flags.state ? { statePath: flags.state } : {}),
    ...(seed ? { seed } : {}),
    ...(fault ? { faults: fault } : {}),
    ...(flags.rateLimits ? {} : { rateLimits: false as const }),
  };
}

function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const done = (signal: NodeJS.Signals) => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve(signal);
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}

async function run(flags: EmulatorFlags, io: CliIO): Promise<void> {
  const options = optionsFrom(flags);
  let handle: Awaited<ReturnType<typeof startEmulator>>;
  try {
    handle = await startEmulator(options);
  } catch (error: unknown) {
    if (error instanceof EmulatorStateError) throw new ConfigError(error.message, { code: 'emulator-state' });
    if (error instanceof SeedError) throw new ConfigError(error.message, { code: 'emulator-seed' });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new ConfigError(
        `Port ${options.port} is already in use; pick another with --port or use --port 0.`,
        { code: 'port-in-use' },
      );
    throw error;
  }
  io.stdout.write(`bwsync emulator listening on ${handle.url}\n`);
  const envKey = io.env.ALIBABA_CLOUD_ACCESS_KEY_ID && io.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
  io.stderr.write(
    envKey
      ? 'Accepting the AccessKey pair from ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET.\n'
      : `Accepting the demo AccessKey pair: id ${DEMO_CREDENTIALS.accessKeyId}, secret ${DEMO_CREDENTIALS.accessKeySecret}.\n`,
  );
  io.stderr.write(
    'Control API: GET /_emulator/stats, GET /_emulator/state, POST /_emulator/faults, POST /_emulator/reset. Stop with Ctrl-C.\n',
  );
  await waitForSignal();
  await handle.close();
}

export function registerEmulator(program: Command, io: CliIO, _state: CommandState): void {
  program
    .command('emulator')
    .description('Run the local Alibaba Cloud emulator (VPC shared bandwidth, CEN, GA) on 127.0.0.1.')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '0')
    .option('--state <file>', 'persist the emulated cloud to this JSON file (atomic writes)')
    .option('--seed <file>', 'YAML/JSON resources to start from (default: the demo cloud)')
    .option('--empty', 'start with an empty cloud instead of the demo cloud')
    .option('--latency-ms <n>', 'delay added to every API call', '0')
    .option('--async-ms <n>', 'duration of asynchronous transitions (Modifying, BINDING, init…)', '50')
    .option('--faults <spec>', 'fault injection, e.g. rate=0.2,kinds=503+reset+ambiguous,seed=1')
    .option('--no-rate-limits', 'turn off per-action QPS limits (Throttling.User)')
    .action((flags: EmulatorFlags) => run(flags, io));
}
