import pLimit, { type LimitFunction } from 'p-limit';

/** What the gate orders by: the step's chain height and the API action it calls. */
export interface GateTicket {
  /** The longest chain of work behind the step (chainHeights). */
  priority: number;
  /** The rate-limited bucket the call draws from, e.g. `vpc:ModifyCommonBandwidthPackageSpec`. */
  group?: string;
}

export interface GateOptions {
  /** Calls each group will make in the whole run (steps per action). */
  groupTotals?: ReadonlyMap<string, number>;
  /** Head start per unit of chain height, as a share of a group's calls (executePlan scales it to the run). */
  lead?: number;
}

/** Head start when none is given: a step with a wait (height 2) runs 5% of its action ahead of one without. */
export const DEFAULT_LEAD = 0.05;

interface Waiting {
  ticket: GateTicket;
  seq: number;
  start: () => void;
}

/**
 * Bounds calls in flight with p-limit, but decides the order itself: p-limit serves its queue
 * first come, first served, so work is handed to it only when a slot is free.
 *
 * The order balances progress across actions. Rate limits are per action, so a run that left
 * one action's calls for last (e.g. 250 renames, which no step waits on) would spend its end
 * at that one action's rate while the other slots idle. Instead the next slot goes to the
 * action that has started the smallest share of its calls, less a head start for steps with a
 * longer chain behind them (creates before the attaches that follow them, steps with a wait
 * before steps without), so that every action finishes near the end and the chains before it.
 * Without group totals, the longest chain goes first; arrival order breaks ties.
 */
export class PriorityGate {
  private readonly limit: LimitFunction;
  private readonly waiting: Waiting[] = [];
  private readonly started = new Map<string, number>();
  private readonly totals: ReadonlyMap<string, number>;
  private readonly lead: number;
  private seq = 0;

  constructor(concurrency: number, options: GateOptions = {}) {
    this.limit = pLimit(Math.max(1, concurrency));
    this.totals = options.groupTotals ?? new Map();
    this.lead = options.lead ?? DEFAULT_LEAD;
  }

  run<T>(ticket: GateTicket | number, fn: () => Promise<T>): Promise<T> {
    const t = typeof ticket === 'number' ? { priority: ticket } : ticket;
    return new Promise<T>((resolve, reject) => {
      const start = (): void => {
        this.limit(fn)
          .then(resolve, reject)
          .finally(() => this.pump());
      };
      this.waiting.push({ ticket: t, seq: this.seq++, start });
      this.pump();
    });
  }

  private pump(): void {
    while (
      this.waiting.length > 0 &&
      this.limit.activeCount + this.limit.pendingCount < this.limit.concurrency
    ) {
      let best = 0;
      for (let i = 1; i < this.waiting.length; i++) {
        if (this.before(this.waiting[i]!, this.waiting[best]!)) best = i;
      }
      const [next] = this.waiting.splice(best, 1);
      if (next === undefined) return;
      const group = next.ticket.group;
      if (group !== undefined) this.started.set(group, (this.started.get(group) ?? 0) + 1);
      next.start();
    }
  }

  /** The share of its group's calls already started, less the chain's head start. */
  private key(w: Waiting): number | undefined {
    const group = w.ticket.group;
    const total = group === undefined ? undefined : this.totals.get(group);
    if (group === undefined || total === undefined || total <= 0) return undefined;
    return (this.started.get(group) ?? 0) / total - this.lead * w.ticket.priority;
  }

  private before(a: Waiting, b: Waiting): boolean {
    const ka = this.key(a);
    const kb = this.key(b);
    if (ka !== undefined && kb !== undefined && ka !== kb) return ka < kb;
    if (a.ticket.priority !== b.ticket.priority) return a.ticket.priority > b.ticket.priority;
    return a.seq < b.seq;
  }
}
