import { setTimeout as timer } from 'node:timers/promises';

/**
 * Waits `ms`; when the caller aborts, rejects with the signal's own reason, the same error an
 * aborted request gives, so callers see one kind of interruption wherever it happened.
 */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await timer(ms, undefined, signal ? { signal } : undefined);
  } catch (error: unknown) {
    if (signal?.aborted) throw signal.reason;
    throw error;
  }
}
