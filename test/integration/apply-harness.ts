import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '../../src/aliyun/client.js';
import { staticCredentials } from '../../src/aliyun/credentials.js';
import { AliyunApiError } from '../../src/aliyun/errors.js';
import type { CallLog, RpcClient } from '../../src/aliyun/types.js';
import { demoSeed } from '../../src/emulator/index.js';
import { type ExecuteOptions, executePlan } from '../../src/executor/index.js';
import { loadOrThrow } from '../../src/loader/index.js';
import { KINDS } from '../../src/model/kinds.js';
import type { LiveResource } from '../../src/model/live.js';
import type { Plan } from '../../src/model/plan.js';
import type { ApplyResult } from '../../src/model/result.js';
import { createPlan } from '../../src/planner/index.js';
import { providerFor } from '../../src/providers/index.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

/** An emulator with the demo seed, a real client on it, and plan/apply helpers over YAML text. */
export interface Harness {
  emulator: TestEmulator;
  client: RpcClient;
  dir: string;
  plan(yaml: string, options?: { prune?: boolean }): Promise<Plan>;
  apply(
    yaml: string,
    options?: Partial<ExecuteOptions> & { prune?: boolean },
  ): Promise<{ plan: Plan; result: ApplyResult }>;
  /** Every package of every kind in the regions the tests use. */
  inventory(): Promise<LiveResource[]>;
  close(): Promise<void>;
}

export const REGIONS = ['cn-hangzhou', 'cn-shanghai'];

export async function startHarness(
  options: { asyncMs?: number; client?: (c: RpcClient) => RpcClient; log?: (line: CallLog) => void } = {},
): Promise<Harness> {
  const emulator = await startTestEmulator({ seed: demoSeed(), asyncMs: options.asyncMs ?? 20 });
  const raw = createClient({
    credentials: staticCredentials(emulator.credentials),
    endpoint: emulator.url,
    rateLimits: false,
    baseDelayMs: 5,
    maxDelayMs: 50,
    random: () => 0.5,
    // A request the emulator cut off is noticed within seconds, not the 30 s default.
    timeoutMs: 3000,
    ...(options.log ? { log: options.log } : {}),
  });
  const client = options.client ? options.client(raw) : raw;
  const dir = mkdtempSync(join(tmpdir(), 'bwsync-apply-'));
  let n = 0;
  const load = async (yaml: string) => {
    const file = join(dir, `desired-${++n}.yaml`);
    writeFileSync(file, yaml);
    return (await loadOrThrow([file], { cwd: dir })).state;
  };
  const plan = async (yaml: string, o: { prune?: boolean } = {}) =>
    (await createPlan({ client, desired: await load(yaml), options: { prune: o.prune === true } })).plan;
  return {
    emulator,
    client,
    dir,
    plan,
    async apply(yaml, o = {}) {
      const p = await plan(yaml, o);
      const result = await executePlan(p, {
        client,
        concurrency: 8,
        stack: p.stack,
        pollIntervalMs: 10,
        maxPollIntervalMs: 50,
        retry: { baseMs: 10, maxDelayMs: 100 },
        ...o,
      });
      return { plan: p, result };
    },
    async inventory() {
      const lists = await Promise.all(KINDS.map((k) => providerFor(k).list(client, { regions: REGIONS })));
      return lists.flat();
    },
    async close() {
      await raw.close();
      await emulator.close();
    },
  };
}

/**
 * Loses the response of chosen calls after the cloud carried them out, the way a connection
 * reset after the request was sent does: the write happened, the caller cannot know.
 */
export function losingResponses(inner: RpcClient, actions: Set<string>): RpcClient & { lost: string[] } {
  const lost: string[] = [];
  const seen = new Set<string>();
  return {
    lost,
    async call(product, action, params, options) {
      const response = await inner.call(product, action, params, options);
      if (actions.has(action) && !seen.has(action)) {
        seen.add(action);
        lost.push(action);
        throw new AliyunApiError({
          status: 0,
          code: 'ConnectionReset',
          apiMessage: 'the connection was reset after the request was sent',
          requestId: response.requestId,
          action,
          product,
          classification: 'ambiguous',
        });
      }
      return response;
    },
    close: () => inner.close(),
  };
}

/** Names that occur more than once among packages of one kind and region: duplicates. */
export function duplicates(live: LiveResource[]): string[] {
  const seen = new Map<string, number>();
  for (const r of live) {
    const key = `${r.kind}/${r.region}/${r.name}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([k]) => k);
}
