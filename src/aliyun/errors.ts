import { BwsyncError } from '../errors.js';
import type { Product } from '../model/kinds.js';
import type { ErrorClass } from './types.js';

export interface AliyunApiErrorInit {
  status: number;
  code: string;
  apiMessage: string;
  requestId: string;
  action: string;
  product: Product;
  classification: ErrorClass;
  retryAfterMs?: number;
  cause?: unknown;
}

/**
 * A failed cloud call: HTTP status (0 when no response arrived), the API `Code` and `Message`,
 * the RequestId (never dropped), and how bwsync should react to it.
 */
export class AliyunApiError extends BwsyncError {
  readonly status: number;
  readonly apiMessage: string;
  readonly requestId: string;
  readonly action: string;
  readonly product: Product;
  readonly classification: ErrorClass;
  readonly retryAfterMs: number | undefined;
  /** RequestIds of every attempt of the call, filled in by the client. */
  requestIds: string[] = [];
  /** Attempts the client made before giving up. */
  attempts = 1;

  constructor(init: AliyunApiErrorInit) {
    const rid = init.requestId ? ` (RequestId ${init.requestId})` : '';
    super(
      init.code,
      `${init.product.toUpperCase()} ${init.action} failed: ${init.code}: ${init.apiMessage}${rid}`,
      {
        hint: hintFor(init.classification, init.code),
        cause: init.cause,
      },
    );
    this.status = init.status;
    this.apiMessage = init.apiMessage;
    this.requestId = init.requestId;
    this.action = init.action;
    this.product = init.product;
    this.classification = init.classification;
    this.retryAfterMs = init.retryAfterMs;
  }
}

function hintFor(classification: ErrorClass, code: string): string | undefined {
  if (classification === 'ambiguous') {
    return 'The request may or may not have taken effect; re-read the resource before retrying.';
  }
  if (/^(SignatureDoesNotMatch|IncompleteSignature|InvalidAccessKeyId)/.test(code)) {
    return 'Check the AccessKey pair (ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET) and try --signature v1 or v3.';
  }
  if (code === 'InvalidTimeStamp.Expired') return 'The local clock is off; sync it (NTP) and retry.';
  if (classification === 'throttled')
    return 'The account hit an API rate limit; retry later or lower --concurrency.';
  return undefined;
}

/** `X` matches `X` and the family `X.…`; `X*` matches any code starting with `X`. */
export function codeMatches(code: string, patterns: readonly string[]): boolean {
  return patterns.some((p) =>
    p.endsWith('*') ? code.startsWith(p.slice(0, -1)) : code === p || code.startsWith(`${p}.`),
  );
}

/** Never retried, checked first so that e.g. `InvalidAccessKeyId.NotFound` is not "not found". */
const FATAL = [
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'InvalidAccessKeyId',
  'Forbidden*',
  'InvalidParameter*',
  'MissingParameter',
  'IdempotentParameterMismatch',
  'InvalidIdempotenceParameter',
  'InvalidTimeStamp',
  'SignatureNonceUsed',
  'QuotaExceeded*',
];

export const BUSY_CODES = [
  'OperationConflict',
  'BandwidthPackageOperation.conflict',
  'TaskConflict',
  'LastTokenProcessing',
  'OperationFailed.LastTokenProcessing',
  'IncorrectStatus*',
  'EipOperation.TooFrequently',
  'OperationFailed.DistibuteLock',
  'OperationFailed.AddIpTaskInProcessing',
  'Operation.Blocking',
  'OperationFailed.OperationIsProcessing',
  'OperationFailed.OrderIsProcessing',
  'InvalidStatus.Resource',
  'StateError*',
];

const TRANSIENT = [
  'ServiceUnavailable',
  'InternalError',
  'SystemBusy',
  'OperationFailed.SystemBusy',
  'UnknownError',
];

/** Reference §5.3, applied in a fixed order: fatal, throttled, busy, not-found, transient. */
export function classify(status: number, code: string, extraBusy: readonly string[] = []): ErrorClass {
  if (codeMatches(code, FATAL)) return 'fatal';
  if (code.includes('Throttling')) return 'throttled';
  if (codeMatches(code, BUSY_CODES) || codeMatches(code, extraBusy)) return 'busy';
  if (/NotFound|NotExist/i.test(code)) return 'not-found';
  if (codeMatches(code, TRANSIENT) || status >= 500) return 'transient';
  return 'fatal';
}

/** Classes the client retries by itself; `ambiguous` needs a re-read, which only callers can do. */
export function isRetryable(classification: ErrorClass): boolean {
  return classification === 'throttled' || classification === 'transient' || classification === 'busy';
}
