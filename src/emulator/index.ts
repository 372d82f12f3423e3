import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CBN_ACTIONS } from './cbn.js';
import { handleControl } from './control.js';
import { type FaultConfig, FaultInjector } from './faults.js';
import { GA_ACTIONS } from './ga.js';
import { Persister, readStateFile } from './persist.js';
import type { Registry } from './products.js';
import { applySeed, type SeedDocument } from './seed.js';
import { type ApiRuntime, handleApi, type Stats } from './server.js';
import type { Credential } from './signature.js';
import { CloudState, restore } from './state.js';
import { DEFAULT_QPS, RateLimiter } from './throttle.js';
import { VPC_ACTIONS } from './vpc.js';

export { demoSeed } from './demo.js';
export { FAULT_KINDS, type FaultConfig, type FaultKind, parseFaultSpec } from './faults.js';
export { EmulatorStateError } from './persist.js';
export { type SeedDocument, SeedError } from './seed.js';
export type { Stats } from './server.js';
export { DEFAULT_QPS } from './throttle.js';

export interface EmulatorOptions {
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** JSON state file: loaded when present (refused when corrupt), saved atomically after each write. */
  statePath?: string;
  /** Resources to start from when there is no state file. */
  seed?: SeedDocument;
  /** Added to every API request. */
  latencyMs?: number;
  /** Duration of every asynchronous transition (default 50 ms). */
  asyncMs?: number;
  faults?: FaultConfig;
  /** Accepted AccessKey pairs; default: the ALIBABA_CLOUD_ACCESS_KEY_* pair when set, else DEMO_CREDENTIALS. */
  credentials?: Credential[];
  /** Per-action QPS overrides, or `false` for no limits. */
  rateLimits?: Record<string, number> | false;
  /** Injectable clock for tests (epoch ms). */
  clock?: () => number;
}

export interface EmulatorHandle {
  url: string;
  port: number;
  close(): Promise<void>;
  /** In-process access to counters (the control API serves the same). */
  stats(): Stats;
}

/** The documented demo pair accepted when no other credentials are configured. */
export const DEMO_CREDENTIALS: Credential = Object.freeze({
  accessKeyId: 'LTAI5tBwsyncDemoKey00001',
  accessKeySecret: 'bwsyncDemoSecretNotForRealUse00',
});

export const DEFAULT_ASYNC_MS = 50;

function defaultCredentials(env: NodeJS.ProcessEnv): Credential[] {
  const id = env.ALIBABA_CLOUD_ACCESS_KEY_ID;
  const secret = env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
  if (id && secret) return [{ accessKeyId: id, accessKeySecret: secret }];
  return [DEMO_CREDENTIALS];
}

function registry(): Registry {
  return { vpc: VPC_ACTIONS, cbn: CBN_ACTIONS, ga: GA_ACTIONS };
}

function loadState(options: EmulatorOptions, clock: () => number): { state: CloudState; loaded: boolean } {
  const state = new CloudState();
  const snap = options.statePath ? readStateFile(options.statePath) : undefined;
  if (snap) restore(state, snap);
  else if (options.seed) applySeed(state, options.seed, clock());
  return { state, loaded: snap !== undefined };
}

function runtime(options: EmulatorOptions): ApiRuntime & { loaded: boolean } {
  const clock = options.clock ?? Date.now;
  const { state, loaded } = loadState(options, clock);
  const faults = new FaultInjector();
  if (options.faults) faults.configure(options.faults);
  const creds = options.credentials ?? defaultCredentials(process.env);
  return {
    state,
    registry: registry(),
    keys: new Map(creds.map((c) => [c.accessKeyId, c.accessKeySecret])),
    stats: { calls: {}, errors: {}, faults: {} },
    faults,
    limiter:
      options.rateLimits === false ? undefined : new RateLimiter(options.rateLimits ?? {}, DEFAULT_QPS),
    persister: options.statePath ? new Persister(options.statePath, state) : undefined,
    latencyMs: options.latencyMs ?? 0,
    asyncMs: options.asyncMs ?? DEFAULT_ASYNC_MS,
    nonces: new Map(),
    clock,
    loaded,
  };
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Starts the emulator on loopback. Throws EmulatorStateError for a corrupt state file, SeedError for a bad seed. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const rt = runtime(options);
  // A fresh state file is written at once, so a seeded cloud survives a kill before the first write.
  if (rt.persister && !rt.loaded) await rt.persister.commit();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    const work = url.pathname.startsWith('/_emulator/')
      ? handleControl(rt, req, res, url.pathname)
      : handleApi(rt, req, res, url);
    work.catch(() => req.socket.destroy());
  });
  server.keepAliveTimeout = 5_000;
  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, host, options.port ?? 0);
  return {
    url: `http://${host}:${port}`,
    port,
    stats: () => rt.stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve(rt.persister?.flush()));
        server.closeAllConnections();
      }),
  };
}
