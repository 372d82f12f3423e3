import {
  type EmulatorHandle,
  type EmulatorOptions,
  type FaultConfig,
  type SeedDocument,
  startEmulator,
} from '../../src/emulator/index.js';

/** The fixed AccessKey pair every test emulator accepts. */
export const TEST_CREDENTIALS = {
  accessKeyId: 'LTAItestkey000000000001',
  accessKeySecret: 'test-secret-0001',
} as const;

export interface EmulatorStats {
  calls: Record<string, number>;
  errors: Record<string, number>;
  faults: Record<string, number>;
}

export interface TestEmulatorOptions extends EmulatorOptions {
  /**
   * Transitions take 1 s of emulator time and only happen when the test calls `advance(ms)`
   * (the emulator clock runs at wall time plus the advanced amount, so signatures stay valid).
   */
  manualClock?: boolean;
}

export interface TestEmulator {
  url: string;
  /** Moves the emulator clock forward (only with `manualClock`). */
  advance(ms: number): void;
  handle: EmulatorHandle;
  credentials: { accessKeyId: string; accessKeySecret: string };
  stats(): Promise<EmulatorStats>;
  setFaults(config: FaultConfig): Promise<void>;
  reset(): Promise<void>;
  seed(doc: SeedDocument): Promise<void>;
  state(): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

async function control<T>(url: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${url}/_emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json()) as T & { error?: string };
  if (!res.ok)
    throw new Error(`emulator control ${method} ${path} failed (${res.status}): ${json.error ?? ''}`);
  return json;
}

/**
 * Starts an in-process emulator for a test: loopback, random port, 20 ms transitions, no rate
 * limits (pass `rateLimits` to test throttling), the TEST_CREDENTIALS pair. Helpers speak to
 * the control API over HTTP, as an outside user would.
 */
export async function startTestEmulator(options: TestEmulatorOptions = {}): Promise<TestEmulator> {
  const { manualClock, ...rest } = options;
  const credentials = options.credentials?.[0] ?? TEST_CREDENTIALS;
  let skew = 0;
  const handle = await startEmulator({
    asyncMs: manualClock ? 1000 : 20,
    rateLimits: false,
    credentials: [credentials],
    ...(manualClock ? { clock: () => Date.now() + skew } : {}),
    ...rest,
  });
  const url = handle.url;
  return {
    url,
    advance: (ms) => {
      if (!manualClock) throw new Error('advance() needs startTestEmulator({ manualClock: true })');
      skew += ms;
    },
    handle,
    credentials,
    stats: () => control<EmulatorStats>(url, 'GET', 'stats'),
    setFaults: async (config) => {
      await control(url, 'POST', 'faults', config);
    },
    reset: async () => {
      await control(url, 'POST', 'reset', {});
    },
    seed: async (doc) => {
      await control(url, 'POST', 'seed', doc);
    },
    state: () => control<Record<string, unknown>>(url, 'GET', 'state'),
    close: () => handle.close(),
  };
}
