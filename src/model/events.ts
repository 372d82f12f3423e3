/** Typed progress events the executor emits; only src/cli renders them. */
export type ExecEvent =
  | { type: 'apply-started'; total: number; at: number }
  | { type: 'step-started'; step: string; address: string; description: string; at: number }
  | { type: 'step-retry'; step: string; attempt: number; code: string; delay_ms: number; at: number }
  | { type: 'step-waiting'; step: string; condition: string; at: number }
  | { type: 'step-done'; step: string; duration_ms: number; at: number }
  | { type: 'step-failed'; step: string; code: string; message: string; request_id?: string; at: number }
  | { type: 'step-skipped'; step: string; because: string; at: number }
  | { type: 'interrupted'; signal: string; in_flight: number; at: number }
  | { type: 'apply-finished'; done: number; failed: number; skipped: number; at: number };

export type EventSink = (event: ExecEvent) => void;
