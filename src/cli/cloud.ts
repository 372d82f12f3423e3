import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Command, Option } from 'commander';
import { type ClientOptions, createClient } from '../aliyun/client.js';
import {
  type CredentialsProvider,
  defaultCredentials,
  staticCredentials,
  withFallback,
} from '../aliyun/credentials.js';
import { isLoopbackHost, parseEndpointOverride } from '../aliyun/endpoints.js';
import { parseRateLimits } from '../aliyun/ratelimit.js';
import type { CallLog, RpcClient } from '../aliyun/types.js';
import { ConfigError } from '../errors.js';
import type { CliIO } from './io.js';

/** The options every cloud command shares, as commander parses them. */
export interface CloudFlags {
  local?: boolean;
  endpoint?: string;
  signature?: string;
  debug?: boolean;
}

export interface CloudSession {
  client: RpcClient;
  /** The override URL in use (`--endpoint`, `BWSYNC_ENDPOINT` or the local emulator). */
  endpoint?: string;
  local: boolean;
  close(): Promise<void>;
}

export function addCloudOptions(cmd: Command): Command {
  return cmd
    .option('--local', 'run against the embedded emulator (state in .bwsync/local-cloud.json)')
    .option(
      '--endpoint <url>',
      'send every API call to this URL (env BWSYNC_ENDPOINT); http only on loopback',
    )
    .addOption(
      new Option('--signature <version>', 'request signature algorithm').choices(['v3', 'v1']).default('v3'),
    )
    .option('--debug', 'log every API call to stderr (secrets redacted) and show stack traces');
}

type EmulatorModule = typeof import('../emulator/index.js');

/** Loaded on demand: most runs never start the emulator. */
function loadEmulator(): Promise<EmulatorModule> {
  return import('../emulator/index.js');
}

/** One stderr line per attempt with --debug: metadata only, never credentials or signatures. */
export function debugLogger(io: CliIO): (line: CallLog) => void {
  return (l) => {
    const parts = [
      `debug: ${l.product} ${l.action}`,
      l.endpoint,
      `attempt=${l.attempt}`,
      `status=${l.status}`,
      `${l.durationMs}ms`,
      `RequestId=${l.requestId || '-'}`,
    ];
    if (l.code) parts.push(`code=${l.code}`, `class=${l.classification}`);
    if (l.retryInMs !== undefined) parts.push(`retry-in=${l.retryInMs}ms`);
    io.stderr.write(`${parts.join(' ')}\n`);
  };
}

function signatureOf(flags: CloudFlags): 'v3' | 'v1' {
  const s = flags.signature ?? 'v3';
  if (s !== 'v3' && s !== 'v1') throw new ConfigError(`--signature must be v3 or v1, not "${s}".`);
  return s;
}

export async function openCloud(
  flags: CloudFlags,
  io: CliIO,
  extra: Partial<ClientOptions> = {},
): Promise<CloudSession> {
  const endpointFlag = flags.endpoint ?? io.env.BWSYNC_ENDPOINT;
  if (flags.local && flags.endpoint) throw new ConfigError('Use either --local or --endpoint, not both.');
  const rateSpec = io.env.BWSYNC_RATE_LIMITS;
  const base: Partial<ClientOptions> = {
    signature: signatureOf(flags),
    ...(rateSpec ? { rateLimits: parseRateLimits(rateSpec) } : {}),
    ...(flags.debug ? { log: debugLogger(io) } : {}),
    ...extra,
  };
  if (flags.local) return openLocal(io, base, flags.debug === true);
  let endpoint: string | undefined;
  let credentials: CredentialsProvider = defaultCredentials(io.env);
  if (endpointFlag) {
    const where = flags.endpoint ? '--endpoint' : 'BWSYNC_ENDPOINT';
    const url = parseEndpointOverride(endpointFlag, where);
    endpoint = url.origin;
    if (isLoopbackHost(url.hostname)) credentials = await withDemoFallback(credentials, io, flags);
  }
  if (flags.debug) credentials = announceSource(credentials, io);
  const client = createClient({ credentials, ...base, ...(endpoint ? { endpoint } : {}) });
  return { client, ...(endpoint ? { endpoint } : {}), local: false, close: () => client.close() };
}

/** With --debug, names the credentials source once (`env`, `cli_profile/static_ak`, …), never a value. */
function announceSource(provider: CredentialsProvider, io: CliIO): CredentialsProvider {
  let told = false;
  return {
    describe: () => provider.describe(),
    async getCredentials() {
      const credentials = await provider.getCredentials();
      if (!told) io.stderr.write(`debug: credentials from ${provider.describe()}\n`);
      told = true;
      return credentials;
    },
  };
}

/** On a loopback endpoint with no credentials anywhere, the emulator's demo pair is used. */
async function withDemoFallback(
  primary: CredentialsProvider,
  io: CliIO,
  flags: CloudFlags,
): Promise<CredentialsProvider> {
  const demo = staticCredentials((await loadEmulator()).DEMO_CREDENTIALS, 'emulator demo pair');
  return withFallback(primary, demo, () => {
    if (flags.debug)
      io.stderr.write(
        'debug: no credentials found; using the emulator demo pair for the loopback endpoint\n',
      );
  });
}

async function openLocal(io: CliIO, base: Partial<ClientOptions>, debug: boolean): Promise<CloudSession> {
  const emulator = await loadEmulator();
  const dir = join(io.cwd, '.bwsync');
  const statePath = join(dir, 'local-cloud.json');
  mkdirSync(dir, { recursive: true });
  // The emulator loads the state file when it exists and applies the seed only when it does not.
  const handle = await emulator.startEmulator({
    host: '127.0.0.1',
    port: 0,
    statePath,
    seed: emulator.demoSeed(),
    credentials: [emulator.DEMO_CREDENTIALS],
  });
  const demo = staticCredentials(emulator.DEMO_CREDENTIALS, 'emulator demo pair');
  const client = createClient({
    credentials: debug ? announceSource(demo, io) : demo,
    ...base,
    endpoint: handle.url,
  });
  return {
    client,
    endpoint: handle.url,
    local: true,
    async close() {
      await client.close();
      await handle.close();
    },
  };
}
