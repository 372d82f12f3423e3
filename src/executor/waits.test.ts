import { describe, expect, it, vi } from 'vitest';
import type { RpcClient } from '../aliyun/types.js';
import type { LiveResource } from '../model/live.js';
import { createPoller, type ReadQuery, WaitAbortedError, WaitTimeoutError } from './waits.js';

const client: RpcClient = {
  call: async () => {
    throw new Error('the poller must read through the reader only');
  },
  close: async () => {},
};

function live(id: string, status: string, bandwidth = 10): LiveResource {
  return {
    kind: 'cenBandwidth',
    id,
    region: 'global',
    name: id,
    description: '',
    status,
    bandwidth,
    tags: {},
    members: [],
    areas: ['China', 'Asia-Pacific'],
    chargeType: 'POSTPAY',
    businessStatus: 'Normal',
  };
}

/** A world where each id becomes `Idle` after a given number of reads. */
function world(readyAfter: Record<string, number>) {
  const queries: ReadQuery[] = [];
  const read = async (_c: RpcClient, q: ReadQuery): Promise<LiveResource[]> => {
    queries.push(q);
    return q.ids.map((id) => live(id, queries.length >= (readyAfter[id] ?? 0) ? 'Idle' : 'Modifying'));
  };
  return { queries, read };
}

const until = [{ type: 'status' as const, in: ['Idle'] }];

describe('createPoller', () => {
  it('serves every waiter of one (kind, region) from one shared listing per poll', async () => {
    const w = world({ a: 2, b: 2, c: 3, d: 1 });
    const poller = createPoller({ client, read: w.read, initialIntervalMs: 5, maxIntervalMs: 5 });
    await Promise.all(
      ['a', 'b', 'c', 'd'].map((id) =>
        poller.wait({ kind: 'cenBandwidth', region: 'global', id, until, timeoutMs: 2000 }),
      ),
    );
    expect(w.queries.length).toBe(3);
    expect(w.queries[0]!.ids).toEqual(['a', 'b', 'c', 'd']);
    expect(w.queries.at(-1)!.ids).toEqual(['c']);
    expect(poller.reads).toBe(3);
  });

  it('keeps separate listings per region and per kind', async () => {
    const w = world({});
    const poller = createPoller({ client, read: w.read, initialIntervalMs: 1, maxIntervalMs: 1 });
    await Promise.all([
      poller.wait({ kind: 'cenBandwidth', region: 'global', id: 'a', until, timeoutMs: 1000 }),
      poller.wait({ kind: 'sharedBandwidth', region: 'cn-hangzhou', id: 'b', until, timeoutMs: 1000 }),
      poller.wait({ kind: 'sharedBandwidth', region: 'cn-shanghai', id: 'c', until, timeoutMs: 1000 }),
    ]);
    expect(w.queries.map((q) => `${q.kind}/${q.region}:${q.ids.join(',')}`).sort()).toEqual([
      'cenBandwidth/global:a',
      'sharedBandwidth/cn-hangzhou:b',
      'sharedBandwidth/cn-shanghai:c',
    ]);
  });

  it('backs off the poll interval up to the cap', async () => {
    vi.useFakeTimers();
    try {
      const times: number[] = [];
      const read = async (_c: RpcClient, q: ReadQuery): Promise<LiveResource[]> => {
        times.push(Date.now());
        return q.ids.map((id) => live(id, times.length >= 6 ? 'Idle' : 'Modifying'));
      };
      const poller = createPoller({ client, read, initialIntervalMs: 4, maxIntervalMs: 12, backoff: 2 });
      const t0 = Date.now();
      const done = poller.wait({ kind: 'cenBandwidth', region: 'global', id: 'a', until, timeoutMs: 10_000 });
      await vi.advanceTimersByTimeAsync(200);
      await done;
      const gaps = [times[0]! - t0, ...times.slice(1).map((t, i) => t - times[i]!)];
      expect(gaps).toEqual([4, 8, 12, 12, 12, 12]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('fails a wait that times out, naming the resource and the condition, and the last read error', async () => {
    const read = async (): Promise<LiveResource[]> => {
      throw new Error('ServiceUnavailable');
    };
    const poller = createPoller({ client, read, initialIntervalMs: 2, maxIntervalMs: 2 });
    const error = await poller
      .wait({ kind: 'cenBandwidth', region: 'global', id: 'cenbwp-1', until, timeoutMs: 20 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as Error).message).toMatch(
      /cenbwp-1 did not reach status Idle within \d+s\. The last read failed: ServiceUnavailable/,
    );
  });

  it('treats a resource missing from the listing as gone', async () => {
    const read = async (): Promise<LiveResource[]> => [];
    const poller = createPoller({ client, read, initialIntervalMs: 1, maxIntervalMs: 1 });
    await expect(
      poller.wait({
        kind: 'cenBandwidth',
        region: 'global',
        id: 'x',
        until: [{ type: 'gone' }],
        timeoutMs: 500,
      }),
    ).resolves.toBeUndefined();
  });

  it('asks for per-member caps only for waits that need them', async () => {
    const w = world({});
    const poller = createPoller({ client, read: w.read, initialIntervalMs: 1, maxIntervalMs: 1 });
    await Promise.all([
      poller.wait({ kind: 'cenBandwidth', region: 'global', id: 'a', until, timeoutMs: 500 }),
      poller
        .wait({
          kind: 'cenBandwidth',
          region: 'global',
          id: 'b',
          until: [{ type: 'member-cap', member: 'm', cap: 5 }],
          timeoutMs: 30,
        })
        .catch(() => {}),
    ]);
    expect(w.queries[0]!.capsFor).toEqual(['b']);
  });

  it('rejects pending waits when aborted', async () => {
    const w = world({ a: 1000 });
    const abort = new AbortController();
    const poller = createPoller({
      client,
      read: w.read,
      initialIntervalMs: 1,
      maxIntervalMs: 1,
      signal: abort.signal,
    });
    const pending = poller.wait({ kind: 'cenBandwidth', region: 'global', id: 'a', until, timeoutMs: 5000 });
    setTimeout(() => abort.abort(), 10);
    await expect(pending).rejects.toBeInstanceOf(WaitAbortedError);
  });

  it('asks only for due waiters; the others ride along as extra and settle only when shown done', async () => {
    vi.useFakeTimers();
    try {
      const queries: ReadQuery[] = [];
      const read = async (_c: RpcClient, q: ReadQuery): Promise<LiveResource[]> => {
        queries.push(q);
        // A listing: it returns every id, asked or extra; 'late' is done only from the 2nd read.
        return [...q.ids, ...(q.extra ?? [])].map((id) =>
          live(id, id === 'late' && queries.length < 2 ? 'Modifying' : 'Idle'),
        );
      };
      const poller = createPoller({ client, read, initialIntervalMs: 10, maxIntervalMs: 10 });
      const wait = (id: string) =>
        poller.wait({ kind: 'cenBandwidth', region: 'global', id, until, timeoutMs: 1000 });
      const first = wait('first');
      await vi.advanceTimersByTimeAsync(6);
      const late = wait('late');
      const rider = wait('rider');
      await vi.advanceTimersByTimeAsync(4);
      await first;
      await rider; // shown Idle by the first read although not due: resolved for free
      expect(queries[0]!.ids).toEqual(['first']);
      expect(queries[0]!.extra).toEqual(['late', 'rider']);
      await vi.advanceTimersByTimeAsync(20);
      await late;
      expect(queries).toHaveLength(2);
      expect(queries[1]!.ids).toEqual(['late']);
    } finally {
      vi.useRealTimers();
    }
  });
});
