import type { WaitCondition } from '../../model/plan.js';

/** TF uses 3–5 minute timeouts for GA bandwidth plans (reference §3.2). */
export const TIMEOUT_MS = 300_000;

export const active: WaitCondition = { type: 'status', in: ['active'] };
export const steady: WaitCondition = { type: 'status', in: ['active', 'binded'] };
export const gone: WaitCondition = { type: 'gone' };

export function bandwidthIs(mbps: number): WaitCondition[] {
  return [steady, { type: 'bandwidth', equals: mbps }];
}

/** TF waits for `binded` after an attach (the doc says `active`). */
export function bound(acc: string): WaitCondition[] {
  return [
    { type: 'status', in: ['binded'] },
    { type: 'members', present: [acc] },
  ];
}

export function unbound(acc: string): WaitCondition[] {
  return [steady, { type: 'members', absent: [acc] }];
}

/** Codes TF retries for GA (reference §3.3). */
export const BUSY = ['StateError.BandwidthPackage', 'StateError.Accelerator'];
