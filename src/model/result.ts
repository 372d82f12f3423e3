/** The outcome of `bwsync apply`: what `--report` writes (json as is, markdown rendered). */
export type StepStatus = 'done' | 'failed' | 'skipped' | 'not-started';

export interface StepResult {
  id: string;
  address: string;
  action: string;
  description: string;
  status: StepStatus;
  attempts: number;
  duration_ms: number;
  request_ids: string[];
  /** Set when failed. */
  error?: { code: string; message: string; request_id?: string; http_status?: number };
  /** Set when skipped: the failed step it depended on. */
  skipped_because?: string;
  /** Ids produced (e.g. `BandwidthPackageId`) by a create. */
  outputs?: Record<string, string>;
}

export interface ApplyResult {
  format_version: '1.0';
  stack: string;
  plan_hash: string;
  started_at: string;
  finished_at: string;
  duration_ms: number;
  interrupted: boolean;
  steps: StepResult[];
  totals: { done: number; failed: number; skipped: number; not_started: number; api_calls: number };
  /** True when every step is done; a fresh plan would show no changes. */
  converged: boolean;
  /** Addresses that still need work, for people. */
  remaining: string[];
}
