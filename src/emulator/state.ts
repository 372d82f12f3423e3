import type { Tag } from './params.js';
import { RegionTable, Table } from './table.js';

export interface CbwpRow {
  id: string;
  regionId: string;
  name: string;
  description: string;
  bandwidth: number;
  isp: string;
  internetChargeType: string;
  instanceChargeType: 'PostPaid' | 'PrePaid';
  ratio: number;
  /** `Pending` right after create, `Modifying` during a spec change. */
  status: 'Pending' | 'Available' | 'Modifying';
  /** Internal: a delete is in progress (the package is still listed). */
  deleting?: boolean;
  /** Overdue payment (seeded only): every write is refused. */
  financialLocked?: boolean;
  pendingBandwidth?: number;
  creationTime: string;
  deletionProtection: boolean;
  resourceGroupId: string;
  zone: string;
  tags: Tag[];
  /** EIP ids, in join order. */
  ips: string[];
}

export interface EipRow {
  id: string;
  regionId: string;
  ipAddress: string;
  name: string;
  description: string;
  chargeType: 'PostPaid' | 'PrePaid';
  internetChargeType: string;
  isp: string;
  bandwidth: number;
  status: 'Available' | 'InUse';
  allocationTime: string;
  deletionProtection: boolean;
  resourceGroupId: string;
  tags: Tag[];
  packageId?: string;
  relation?: 'BINDING' | 'BINDED';
  /** Internal: a remove from the package is in progress. */
  removing?: boolean;
  /** Per-IP cap inside the package (Mbit/s). */
  cap?: number;
}

export interface CenRow {
  id: string;
  regionId: 'global';
  name: string;
  description: string;
  status: 'Active';
  creationTime: string;
}

export interface CenBwpRow {
  id: string;
  regionId: 'global';
  name: string;
  description: string;
  bandwidth: number;
  chargeType: 'PREPAY' | 'POSTPAY';
  /** Lower case, as the API answers. */
  areaA: string;
  areaB: string;
  status: 'Idle' | 'InUse';
  cenIds: string[];
  creationTime: string;
  expiredTime: string;
  tags: Tag[];
  /** Internal: a spec change or (un)association is in progress. */
  busy?: boolean;
  pendingBandwidth?: number;
}

export interface AcceleratorRow {
  id: string;
  regionId: string;
  name: string;
  spec: string;
  state: 'active' | 'configuring';
  createTime: number;
  bandwidthPackageId?: string;
  tags?: Tag[];
}

/** `finacialLocked` is the API's own spelling. */
export type GaState =
  | 'init'
  | 'active'
  | 'binded'
  | 'binding'
  | 'unbinding'
  | 'updating'
  | 'deleting'
  | 'finacialLocked';

export interface GaBwpRow {
  id: string;
  regionId: string;
  name: string;
  description: string;
  bandwidth: number;
  type: string;
  bandwidthType: string;
  chargeType: 'PREPAY' | 'POSTPAY';
  billingType: string;
  ratio: number;
  state: GaState;
  accelerators: string[];
  createTime: number;
  expiredTime?: number;
  resourceGroupId: string;
  tags: Tag[];
  pendingBandwidth?: number;
}

/** A state change that happens `asyncMs` after the write that started it. */
export interface Transition {
  due: number;
  kind:
    | 'cbwp.ready'
    | 'cbwp.deleted'
    | 'eip.binded'
    | 'eip.removed'
    | 'cen.associated'
    | 'cen.unassociated'
    | 'cen.spec'
    | 'ga.ready'
    | 'ga.binded'
    | 'ga.unbinded'
    | 'ga.deleted';
  id: string;
  other?: string;
}

export interface TokenEntry {
  fingerprint: string;
  body: Record<string, unknown>;
}

/** The whole emulated cloud. Plain rows in indexed tables; serialisable as JSON. */
export class CloudState {
  readonly cbwps = new RegionTable<CbwpRow>();
  readonly eips = new RegionTable<EipRow>();
  readonly cens = new Table<CenRow>();
  readonly cenBwps = new Table<CenBwpRow>();
  readonly accelerators = new Table<AcceleratorRow>();
  readonly gaBwps = new Table<GaBwpRow>();
  /** Sorted by due time. */
  transitions: Transition[] = [];
  readonly tokens = new Map<string, TokenEntry>();
  sequence = 0;

  clear(): void {
    this.cbwps.clear();
    this.eips.clear();
    this.cens.clear();
    this.cenBwps.clear();
    this.accelerators.clear();
    this.gaBwps.clear();
    this.transitions = [];
    this.tokens.clear();
  }

  schedule(t: Transition): void {
    // Binary insert keeps the queue sorted even when asyncMs changes between restarts.
    let lo = 0;
    let hi = this.transitions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.transitions[mid]!.due <= t.due) lo = mid + 1;
      else hi = mid;
    }
    this.transitions.splice(lo, 0, t);
  }

  /** A fresh id: `<prefix><counter padded>`, never reused within this state. */
  nextId(prefix: string, width = 17): string {
    this.sequence++;
    const body = this.sequence.toString(36).padStart(width, '0');
    return `${prefix}${body}`;
  }
}

export interface StateSnapshot {
  format: 'bwsync-emulator-state';
  version: 1;
  sequence: number;
  cbwps: CbwpRow[];
  eips: EipRow[];
  cens: CenRow[];
  cenBwps: CenBwpRow[];
  accelerators: AcceleratorRow[];
  gaBwps: GaBwpRow[];
  transitions: Transition[];
  tokens: [string, TokenEntry][];
}

export function snapshot(state: CloudState): StateSnapshot {
  return {
    format: 'bwsync-emulator-state',
    version: 1,
    sequence: state.sequence,
    cbwps: [...state.cbwps.values()],
    eips: [...state.eips.values()],
    cens: [...state.cens.values()],
    cenBwps: [...state.cenBwps.values()],
    accelerators: [...state.accelerators.values()],
    gaBwps: [...state.gaBwps.values()],
    transitions: state.transitions,
    tokens: [...state.tokens],
  };
}

export function restore(state: CloudState, snap: StateSnapshot): void {
  state.clear();
  state.sequence = snap.sequence;
  for (const r of snap.cbwps) state.cbwps.add(r);
  for (const r of snap.eips) state.eips.add(r);
  for (const r of snap.cens) state.cens.add(r);
  for (const r of snap.cenBwps) state.cenBwps.add(r);
  for (const r of snap.accelerators) state.accelerators.add(r);
  for (const r of snap.gaBwps) state.gaBwps.add(r);
  state.transitions = [...snap.transitions].sort((a, b) => a.due - b.due);
  for (const [k, v] of snap.tokens) state.tokens.set(k, v);
}
