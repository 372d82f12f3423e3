import type { WaitCondition } from '../../model/plan.js';

/** TF allows 11 minutes for CEN create and delete (reference §2.2). */
export const TIMEOUT_MS = 660_000;

export const settled: WaitCondition = { type: 'status', in: ['Idle', 'InUse'] };
export const gone: WaitCondition = { type: 'gone' };

export function bandwidthIs(mbps: number): WaitCondition[] {
  return [settled, { type: 'bandwidth', equals: mbps }];
}

export function associated(cen: string): WaitCondition[] {
  return [
    { type: 'status', in: ['InUse'] },
    { type: 'members', present: [cen] },
  ];
}

export function unassociated(cen: string): WaitCondition[] {
  return [settled, { type: 'members', absent: [cen] }];
}

/** Codes TF retries for CEN (reference §2.3). */
export const BUSY = ['Operation.Blocking', 'InvalidStatus.Resource', 'OperationFailed.OperationIsProcessing'];
export const BUSY_ASSOC = [
  ...BUSY,
  'InvalidOperation.BwpInstanceStatus',
  'InvalidOperation.BwpBusinessStatus',
  'InvalidOperation.CenInstanceStatus',
];
