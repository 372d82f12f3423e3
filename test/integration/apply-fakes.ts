import type { ErrorClass, RpcClient, RpcParams, RpcResponse } from '../../src/aliyun/types.js';
import type { LiveReader } from '../../src/executor/waits.js';
import type { LiveSharedBandwidth } from '../../src/model/live.js';
import type { Plan, Step, WaitSpec } from '../../src/model/plan.js';

/**
 * An in-memory stand-in for the CBWP API, small enough to reason about in unit tests of the
 * executor: async transitions on timers, ClientToken replay, the real conflict and "already
 * done" codes, and scripted faults. The HTTP emulator is exercised by the integration tests.
 */
export class FakeApiError extends Error {
  constructor(
    readonly code: string,
    readonly classification: ErrorClass,
    readonly requestId: string,
    readonly status = 400,
  ) {
    super(`${code} (fake)`);
  }
  get apiMessage(): string {
    return this.message;
  }
}

/** `lost`: the request never reached the cloud, but the caller cannot tell (ambiguous). */
export type FaultKind = 'ambiguous' | 'lost' | 'busy' | 'fatal' | 'transient';

interface FakePackage {
  id: string;
  name: string;
  status: string;
  bandwidth: number;
  members: { id: string; status: string }[];
}

export interface CallRecord {
  action: string;
  params: RpcParams;
  at: number;
}

export class FakeCloud {
  readonly packages = new Map<string, FakePackage>();
  readonly calls: CallRecord[] = [];
  readonly reads: string[][] = [];
  private readonly tokens = new Map<string, RpcResponse>();
  private readonly faults: { action: string; kind: FaultKind; left: number }[] = [];
  private seq = 0;
  inFlight = 0;
  maxInFlight = 0;
  /** Delay of every call, so that concurrency can be observed. */
  latencyMs = 1;
  /**
   * CEN-like resize: the status never shows the transition, the new bandwidth appears only
   * when it ends, and re-sending the same spec is refused as "not changed".
   */
  lagSpec = false;
  /** CEN-like membership: the package's own status changes once a member is added (`InUse`). */
  statusAfterAdd: string | undefined;

  constructor(readonly asyncMs = 5) {}

  fail(action: string, kind: FaultKind, times = 1): void {
    this.faults.push({ action, kind, left: times });
  }

  seed(id: string, bandwidth: number, members: string[] = []): void {
    this.packages.set(id, {
      id,
      name: id,
      status: 'Available',
      bandwidth,
      members: members.map((m) => ({ id: m, status: 'BINDED' })),
    });
  }

  count(action: string): number {
    return this.calls.filter((c) => c.action === action).length;
  }

  readonly client: RpcClient = {
    call: async (_product, action, params) => {
      this.inFlight += 1;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      try {
        await new Promise((r) => setTimeout(r, this.latencyMs));
        this.calls.push({ action, params, at: Date.now() });
        return this.dispatch(action, params);
      } finally {
        this.inFlight -= 1;
      }
    },
    close: async () => {},
  };

  readonly read: LiveReader = async (_client, query) => {
    this.reads.push(query.ids);
    return query.ids.flatMap((id) => {
      const p = this.packages.get(id);
      return p ? [toLive(p)] : [];
    });
  };

  private dispatch(action: string, params: RpcParams): RpcResponse {
    const requestId = `req-${++this.seq}`;
    const fault = this.faults.find((f) => f.action === action && f.left > 0);
    if (fault) fault.left -= 1;
    if (fault?.kind === 'busy') throw new FakeApiError('OperationConflict', 'busy', requestId, 409);
    if (fault?.kind === 'transient')
      throw new FakeApiError('ServiceUnavailable', 'transient', requestId, 503);
    if (fault?.kind === 'fatal') throw new FakeApiError('InvalidParameter', 'fatal', requestId);
    if (fault?.kind === 'lost') throw new FakeApiError('ConnectionReset', 'ambiguous', requestId, 0);
    const token = typeof params.ClientToken === 'string' ? params.ClientToken : undefined;
    const replay = token ? this.tokens.get(token) : undefined;
    const response = replay ?? this.perform(action, params, requestId);
    if (token) this.tokens.set(token, response);
    // An ambiguous fault performs the write, then loses the answer.
    if (fault?.kind === 'ambiguous') throw new FakeApiError('ConnectionReset', 'ambiguous', requestId, 0);
    return { ...response, requestId, requestIds: [requestId] };
  }

  private perform(action: string, params: RpcParams, requestId: string): RpcResponse {
    const body = this.apply(action, params, requestId);
    return {
      body: { RequestId: requestId, ...body },
      requestId,
      status: 200,
      attempts: 1,
      requestIds: [requestId],
    };
  }

  private later(fn: () => void): void {
    setTimeout(fn, this.asyncMs);
  }

  private pending = new Set<string>();

  private lagged(p: FakePackage, bandwidth: number, requestId: string): Record<string, unknown> {
    if (this.pending.has(p.id))
      throw new FakeApiError('OperationFailed.OperationIsProcessing', 'fatal', requestId);
    if (p.bandwidth === bandwidth) throw new FakeApiError('Operation.Failed', 'fatal', requestId);
    this.pending.add(p.id);
    this.later(() => {
      p.bandwidth = bandwidth;
      this.pending.delete(p.id);
    });
    return {};
  }

  private pkg(params: RpcParams, requestId: string): FakePackage {
    const p = this.packages.get(String(params.BandwidthPackageId));
    if (!p) throw new FakeApiError('InvalidBandwidthPackageId.NotFound', 'not-found', requestId, 404);
    return p;
  }

  private apply(action: string, params: RpcParams, requestId: string): Record<string, unknown> {
    switch (action) {
      case 'CreateCommonBandwidthPackage': {
        const id = `cbwp-fake${String(++this.seq).padStart(4, '0')}`;
        const p: FakePackage = {
          id,
          name: String(params.Name),
          status: 'Creating',
          bandwidth: Number(params.Bandwidth),
          members: [],
        };
        this.packages.set(id, p);
        this.later(() => (p.status = 'Available'));
        return { BandwidthPackageId: id };
      }
      case 'ModifyCommonBandwidthPackageSpec': {
        const p = this.pkg(params, requestId);
        if (this.lagSpec) return this.lagged(p, Number(params.Bandwidth), requestId);
        if (p.status !== 'Available')
          throw new FakeApiError('IncorrectStatus.CbwpModifying', 'busy', requestId);
        p.bandwidth = Number(params.Bandwidth);
        p.status = 'Modifying';
        this.later(() => (p.status = 'Available'));
        return {};
      }
      case 'AddCommonBandwidthPackageIp': {
        const p = this.pkg(params, requestId);
        const ip = String(params.IpInstanceId);
        if (p.members.some((m) => m.id === ip))
          throw new FakeApiError('IpInstanceId.AlreadyInBandwidthPackage', 'fatal', requestId);
        const member = { id: ip, status: 'BINDING' };
        p.members.push(member);
        this.later(() => {
          member.status = 'BINDED';
          if (this.statusAfterAdd) p.status = this.statusAfterAdd;
        });
        return {};
      }
      case 'RemoveCommonBandwidthPackageIp': {
        const p = this.pkg(params, requestId);
        const ip = String(params.IpInstanceId);
        if (!p.members.some((m) => m.id === ip))
          throw new FakeApiError('OperationUnsupported.IpNotInCbwp', 'fatal', requestId);
        p.members = p.members.filter((m) => m.id !== ip);
        return {};
      }
      case 'DeleteCommonBandwidthPackage': {
        const p = this.pkg(params, requestId);
        p.status = 'Deleting';
        this.later(() => this.packages.delete(p.id));
        return {};
      }
      default:
        throw new FakeApiError('InvalidAction.NotFound', 'fatal', requestId, 404);
    }
  }
}

function toLive(p: FakePackage): LiveSharedBandwidth {
  return {
    kind: 'sharedBandwidth',
    id: p.id,
    region: 'cn-hangzhou',
    name: p.name,
    description: '',
    status: p.status,
    bandwidth: p.bandwidth,
    tags: {},
    members: p.members.map((m) => ({ ...m })),
    isp: 'BGP',
    internetChargeType: 'PayByBandwidth',
    instanceChargeType: 'PostPaid',
    businessStatus: 'Normal',
    deletionProtection: false,
    capsRead: false,
  };
}

/** Builders for CBWP steps as the planner writes them. */
const REGION = 'cn-hangzhou';

function step(
  partial: Partial<Step> & Pick<Step, 'id' | 'action'>,
  apiAction: string,
  params: Step['api']['params'],
): Step {
  return {
    address: 'sharedBandwidth/cn-hangzhou/web',
    kind: 'sharedBandwidth',
    description: partial.action,
    api: { product: 'vpc', action: apiAction, region: REGION, params, client_token: false },
    depends_on: [],
    locks: [],
    ...partial,
  };
}

function waitOn(resource: WaitSpec['resource'], until: WaitSpec['until'], timeout_ms = 2000): WaitSpec {
  return { kind: 'sharedBandwidth', region: REGION, resource, until, timeout_ms };
}

export const steps = {
  create(id: string, name: string, bandwidth: number, extra: Partial<Step> = {}): Step {
    const s = step(
      { id, action: 'create', locks: [`addr:${name}`], ...extra },
      'CreateCommonBandwidthPackage',
      {
        Name: name,
        Bandwidth: bandwidth,
      },
    );
    s.api.client_token = true;
    s.wait = waitOn({ ref: id, field: 'BandwidthPackageId' }, [{ type: 'status', in: ['Available'] }]);
    return s;
  },
  addIp(
    id: string,
    pkg: string | { ref: string; field: string },
    ip: string,
    extra: Partial<Step> = {},
  ): Step {
    const s = step(
      { id, action: 'add-ip', done_codes: ['IpInstanceId.AlreadyInBandwidthPackage'], ...extra },
      'AddCommonBandwidthPackageIp',
      {
        BandwidthPackageId: pkg,
        IpInstanceId: ip,
      },
    );
    s.wait = waitOn(pkg, [{ type: 'members', present: [ip], settled: [ip] }]);
    return s;
  },
  removeIp(id: string, pkg: string, ip: string, extra: Partial<Step> = {}): Step {
    const s = step(
      { id, action: 'remove-ip', locks: [pkg], done_codes: ['OperationUnsupported.IpNotInCbwp'], ...extra },
      'RemoveCommonBandwidthPackageIp',
      {
        BandwidthPackageId: pkg,
        IpInstanceId: ip,
      },
    );
    s.wait = waitOn(pkg, [{ type: 'members', absent: [ip] }]);
    return s;
  },
  modifySpec(id: string, pkg: string, bandwidth: number, extra: Partial<Step> = {}): Step {
    const s = step(
      { id, action: 'modify-spec', locks: [pkg], ...extra },
      'ModifyCommonBandwidthPackageSpec',
      {
        BandwidthPackageId: pkg,
        Bandwidth: String(bandwidth),
      },
    );
    s.wait = waitOn(pkg, [
      { type: 'status', in: ['Available'] },
      { type: 'bandwidth', equals: bandwidth },
    ]);
    return s;
  },
  delete(id: string, pkg: string, extra: Partial<Step> = {}): Step {
    const s = step(
      { id, action: 'delete', locks: [pkg], done_codes: ['InvalidBandwidthPackageId.NotFound'], ...extra },
      'DeleteCommonBandwidthPackage',
      {
        BandwidthPackageId: pkg,
      },
    );
    s.wait = waitOn(pkg, [{ type: 'gone' }]);
    return s;
  },
};

/** A plan around the given steps; resource_changes only as far as the executor reads them. */
export function planOf(stepsList: Step[], changes: Plan['resource_changes'] = []): Plan {
  return {
    format_version: '1.0',
    tool: { name: 'bwsync', version: '0.0.0-test' },
    stack: 'test',
    desired_hash: 'd',
    plan_hash: 'p',
    options: { prune: false, allow_replace: false, regions: [REGION], targets: [] },
    resource_changes: changes,
    steps: stepsList,
    summary: { add: 0, change: 0, destroy: 0, replace: 0, no_op: 0 },
    unmanaged: [],
    warnings: [],
    errors: [],
    fingerprints: {},
  };
}
