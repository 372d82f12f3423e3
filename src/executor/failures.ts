import { BUSY_CODES, codeMatches } from '../aliyun/errors.js';
import type { ErrorClass } from '../aliyun/types.js';

/**
 * What the executor needs from a failed call. The client throws AliyunApiError; it is read
 * here by shape rather than by class so that the executor depends only on the RpcClient
 * contract (src/aliyun/types.ts), and fakes in tests can throw plain objects of that shape.
 */
export interface CallFailure {
  code: string;
  message: string;
  classification: ErrorClass | 'unknown';
  requestId?: string;
  status?: number;
}

const CLASSES: readonly string[] = ['throttled', 'transient', 'busy', 'not-found', 'ambiguous', 'fatal'];

export function toFailure(error: unknown): CallFailure {
  if (error === null || typeof error !== 'object')
    return { code: 'Unknown', message: String(error), classification: 'unknown' };
  const e = error as Record<string, unknown>;
  const classification =
    typeof e.classification === 'string' && CLASSES.includes(e.classification)
      ? (e.classification as ErrorClass)
      : 'unknown';
  const failure: CallFailure = {
    code: typeof e.code === 'string' && e.code !== '' ? e.code : 'Unknown',
    message: typeof e.apiMessage === 'string' && e.apiMessage !== '' ? e.apiMessage : messageOf(error),
    classification,
  };
  if (typeof e.requestId === 'string' && e.requestId !== '') failure.requestId = e.requestId;
  if (typeof e.status === 'number') failure.status = e.status;
  return failure;
}

function messageOf(error: object): string {
  return error instanceof Error ? error.message : JSON.stringify(error);
}

export type FailureKind = 'done' | 'busy' | 'retryable' | 'ambiguous' | 'fatal';

/** How the executor treats a failed call of one step. */
export function kindOf(
  failure: CallFailure,
  step: { done_codes?: string[]; busy_codes?: string[] },
): FailureKind {
  if (codeMatches(failure.code, step.done_codes ?? [])) return 'done';
  if (failure.classification === 'ambiguous') return 'ambiguous';
  if (failure.classification === 'busy') return 'busy';
  if (codeMatches(failure.code, step.busy_codes ?? []) || codeMatches(failure.code, BUSY_CODES))
    return 'busy';
  // The client already retried these with backoff; one more round at the step level costs
  // little and saves a re-run when faults cluster.
  if (failure.classification === 'throttled' || failure.classification === 'transient') return 'retryable';
  return 'fatal';
}
