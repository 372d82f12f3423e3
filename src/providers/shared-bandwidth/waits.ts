import type { WaitCondition } from '../../model/plan.js';

/** Reference §1.4: TF allows 5 minutes for create, update and delete. */
export const TIMEOUT_MS = 300_000;

export const available: WaitCondition = { type: 'status', in: ['Available'] };
export const gone: WaitCondition = { type: 'gone' };

export function bandwidthIs(mbps: number): WaitCondition[] {
  return [available, { type: 'bandwidth', equals: mbps }];
}

/** After an add: every EIP listed and BINDED (`settled` names the members to check). */
export function membersBound(ids: string[]): WaitCondition[] {
  return [{ type: 'members', present: ids, settled: ids }];
}

export function membersGone(ids: string[]): WaitCondition[] {
  return [{ type: 'members', absent: ids }];
}

export function capIs(member: string, cap: number | null): WaitCondition[] {
  return [available, { type: 'member-cap', member, cap }];
}

/** Conflict codes worth a wait and a retry (reference §1.6). */
export const BUSY = [
  'BandwidthPackageOperation.conflict',
  'OperationConflict',
  'LastTokenProcessing',
  'IncorrectStatus',
  'IncorrectStatus.CbwpModifying',
  'OperationFailed.SystemBusy',
  'SystemBusy',
];
export const BUSY_IP = [
  ...BUSY,
  'TaskConflict',
  'EipOperation.TooFrequently',
  'IncorrectStatus.Eip',
  'OperationFailed.DistibuteLock',
];
