import pLimit, { type LimitFunction } from 'p-limit';

/**
 * Bounds calls in flight with p-limit, but decides the order itself: p-limit serves its queue
 * first come, first served, so work is handed to it only when a slot is free, and the waiting
 * work with the highest priority (the longest chain behind it) goes first.
 */
export class PriorityGate {
  private readonly limit: LimitFunction;
  private readonly waiting: { priority: number; seq: number; start: () => void }[] = [];
  private seq = 0;

  constructor(concurrency: number) {
    this.limit = pLimit(Math.max(1, concurrency));
  }

  run<T>(priority: number, fn: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = (): void => {
        this.limit(fn)
          .then(resolve, reject)
          .finally(() => this.pump());
      };
      this.waiting.push({ priority, seq: this.seq++, start });
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
        const a = this.waiting[i]!;
        const b = this.waiting[best]!;
        if (a.priority > b.priority || (a.priority === b.priority && a.seq < b.seq)) best = i;
      }
      const [next] = this.waiting.splice(best, 1);
      next?.start();
    }
  }
}
