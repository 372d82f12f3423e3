/** Resolves after `ms`, or early (without error) when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface RetryPolicy {
  /** Base delay of the exponential backoff for busy resources. */
  baseMs: number;
  /** Cap of one delay. */
  maxDelayMs: number;
  /** Step-level attempts (each may itself be several client attempts). */
  maxAttempts: number;
  random?: () => number;
}

/**
 * Exponential backoff with "equal jitter": half the delay fixed, half random. Busy resources
 * are waiting on a transition, so unlike throttling a floor is useful: a retry at 0 ms would
 * almost surely meet the same conflict.
 */
export function retryDelay(policy: RetryPolicy, retry: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseMs * 2 ** Math.max(0, retry - 1));
  const random = policy.random ?? Math.random;
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
