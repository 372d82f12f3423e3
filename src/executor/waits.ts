import type { RpcClient } from '../aliyun/types.js';
import { BwsyncError } from '../errors.js';
import type { Kind } from '../model/kinds.js';
import type { LiveResource } from '../model/live.js';
import type { WaitCondition } from '../model/plan.js';
import { allHold, describeConditions } from './conditions.js';

export interface ReadQuery {
  kind: Kind;
  region: string;
  ids: string[];
  /** Ids whose per-member caps must be read (a `member-cap` wait needs them). */
  capsFor: string[];
  /**
   * Other ids waited on in this (kind, region), not due yet: returned when the read covers
   * them at no extra call (a listing). Their absence proves nothing.
   */
  extra?: string[];
  signal?: AbortSignal;
}

/** One listing of a set of ids in one (kind, region); the providers implement it. */
export type LiveReader = (client: RpcClient, query: ReadQuery) => Promise<LiveResource[]>;

export interface WaitRequest {
  kind: Kind;
  region: string;
  id: string;
  until: WaitCondition[];
  /** Replaces `until` when given: an executor-internal condition (e.g. "not in a transition"). */
  accept?: (res: LiveResource | undefined) => boolean;
  timeoutMs: number;
}

export class WaitTimeoutError extends BwsyncError {
  constructor(request: WaitRequest, waitedMs: number, lastError?: string) {
    const why = lastError ? ` The last read failed: ${lastError}` : '';
    super(
      'WaitTimeout',
      `${request.id} did not reach ${describeConditions(request.until)} within ${Math.round(waitedMs / 1000)}s.${why}`,
      {
        hint: 'Check the resource in the console, then run apply again; it continues from where it stopped.',
      },
    );
  }
}

export class WaitAbortedError extends BwsyncError {
  constructor(request: WaitRequest) {
    super(
      'Interrupted',
      `Interrupted while waiting for ${request.id} to reach ${describeConditions(request.until)}.`,
    );
  }
}

export interface PollerOptions {
  client: RpcClient;
  read: LiveReader;
  /** First poll this long after a wait starts; grows by `backoff` up to `maxIntervalMs`. */
  initialIntervalMs: number;
  maxIntervalMs: number;
  backoff?: number;
  signal?: AbortSignal;
  now?: () => number;
}

interface Waiter {
  request: WaitRequest;
  interval: number;
  due: number;
  started: number;
  lastError?: string;
  resolve: () => void;
  reject: (error: Error) => void;
}

export interface Poller {
  wait(request: WaitRequest): Promise<void>;
  /** Reads made so far (one per group poll). */
  readonly reads: number;
}

/**
 * A coalescing poller: every wait on the same (kind, region) shares one listing per poll,
 * however many steps are waiting, instead of one Describe per waiting step. Each waiter keeps
 * its own backoff; a read made for one waiter is evaluated for all of them, for free.
 */
export function createPoller(options: PollerOptions): Poller {
  const now = options.now ?? Date.now;
  const groups = new Map<string, Group>();
  const stats = { reads: 0 };
  const groupFor = (kind: Kind, region: string): Group => {
    const key = `${kind}\u0000${region}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = new Group(kind, region, options, now, stats);
      groups.set(key, group);
    }
    return group;
  };
  options.signal?.addEventListener('abort', () => {
    for (const group of groups.values()) group.abortAll();
  });
  return {
    wait(request) {
      if (options.signal?.aborted) return Promise.reject(new WaitAbortedError(request));
      return groupFor(request.kind, request.region).add(request);
    },
    get reads() {
      return stats.reads;
    },
  };
}

class Group {
  private readonly waiters = new Set<Waiter>();
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Number.POSITIVE_INFINITY;
  private reading = false;

  constructor(
    private readonly kind: Kind,
    private readonly region: string,
    private readonly options: PollerOptions,
    private readonly now: () => number,
    private readonly stats: { reads: number },
  ) {}

  add(request: WaitRequest): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const started = this.now();
      const interval = this.options.initialIntervalMs;
      this.waiters.add({ request, interval, due: started + interval, started, resolve, reject });
      this.schedule();
    });
  }

  abortAll(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    for (const w of this.waiters) w.reject(new WaitAbortedError(w.request));
    this.waiters.clear();
  }

  private schedule(): void {
    if (this.reading || this.waiters.size === 0) return;
    let next = Number.POSITIVE_INFINITY;
    for (const w of this.waiters) next = Math.min(next, w.due, w.started + w.request.timeoutMs);
    if (this.timer !== undefined && this.timerAt <= next) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timerAt = next;
    this.timer = setTimeout(() => void this.poll(), Math.max(0, next - this.now()));
  }

  /**
   * Reads the waiters that are due (or timed out); the others ride along as `extra`, settled
   * only when the read happens to show them in their target state. One poll of a group is in
   * flight at a time: the next is scheduled when it returns.
   */
  private async poll(): Promise<void> {
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
    const t = this.now();
    const batch = [...this.waiters];
    const due = batch.filter((w) => w.due <= t + DUE_SLACK_MS || t - w.started >= w.request.timeoutMs);
    if (due.length === 0) return this.schedule();
    this.reading = true;
    const ids = [...new Set(due.map((w) => w.request.id))];
    const asked = new Set(ids);
    const extra = [...new Set(batch.map((w) => w.request.id))].filter((id) => !asked.has(id));
    const capsFor = [
      ...new Set(
        due.filter((w) => w.request.until.some((c) => c.type === 'member-cap')).map((w) => w.request.id),
      ),
    ];
    let found: Map<string, LiveResource> | undefined;
    let error: string | undefined;
    try {
      this.stats.reads += 1;
      const query: ReadQuery = { kind: this.kind, region: this.region, ids, capsFor };
      if (extra.length > 0) query.extra = extra;
      if (this.options.signal) query.signal = this.options.signal;
      const resources = await this.options.read(this.options.client, query);
      found = new Map(resources.map((r) => [r.id, r]));
    } catch (e: unknown) {
      error = e instanceof Error ? e.message : String(e);
    }
    this.reading = false;
    if (this.options.signal?.aborted) return;
    for (const w of batch) {
      if (asked.has(w.request.id)) this.settle(w, found, error);
      else this.settleExtra(w, found);
    }
    this.schedule();
  }

  /** A waiter not asked for: resolved if the read showed it done, otherwise left as it was. */
  private settleExtra(w: Waiter, found: Map<string, LiveResource> | undefined): void {
    const res = found?.get(w.request.id);
    if (res === undefined || !this.waiters.has(w)) return;
    const ok = w.request.accept ? w.request.accept(res) : allHold(w.request.until, res);
    if (!ok) return;
    this.waiters.delete(w);
    w.resolve();
  }

  private settle(w: Waiter, found: Map<string, LiveResource> | undefined, error: string | undefined): void {
    if (!this.waiters.has(w)) return;
    const t = this.now();
    const res = found?.get(w.request.id);
    const ok = w.request.accept ? w.request.accept(res) : allHold(w.request.until, res);
    if (found !== undefined && ok) {
      this.waiters.delete(w);
      w.resolve();
      return;
    }
    if (error !== undefined) w.lastError = error;
    if (t - w.started >= w.request.timeoutMs) {
      this.waiters.delete(w);
      w.reject(new WaitTimeoutError(w.request, t - w.started, w.lastError));
      return;
    }
    if (w.due <= t) {
      w.interval = Math.min(w.interval * (this.options.backoff ?? 1.5), this.options.maxIntervalMs);
      w.due = t + w.interval;
    }
  }
}

/** Waiters due this soon are read with the one that is due, rather than by a poll of their own. */
const DUE_SLACK_MS = 5;
