import type {
  DesiredCenBandwidth,
  DesiredGaBandwidth,
  DesiredIp,
  DesiredResource,
  DesiredSharedBandwidth,
  DesiredState,
} from '../../src/model/desired.js';
import { addressOf, GLOBAL_REGION, STACK_TAG } from '../../src/model/kinds.js';
import type {
  LiveCenBandwidth,
  LiveGaBandwidth,
  LiveResource,
  LiveSharedBandwidth,
  LiveState,
} from '../../src/model/live.js';

/** Builders for planner unit tests: small defaults, override what the test is about. */
export const STACK = 'test-stack';
const LOC = { file: 'test.yaml', line: 1, col: 1, path: '' };

export function desiredState(resources: DesiredResource[], stack = STACK): DesiredState {
  return {
    version: 1,
    stack,
    resources: [...resources].sort((a, b) => a.address.localeCompare(b.address)),
    files: ['test.yaml'],
  };
}

export function liveState(resources: LiveResource[], regions?: string[]): LiveState {
  const rs =
    regions ??
    [...new Set(resources.filter((r) => r.kind === 'sharedBandwidth').map((r) => r.region))].sort();
  return { resources, regions: rs };
}

type IpSpec = string | { id: string; bandwidth?: number | null };

function ips(list: IpSpec[]): DesiredIp[] {
  return list.map((ip) => (typeof ip === 'string' ? { id: ip, loc: LOC } : { ...ip, loc: LOC }));
}

export function dShared(
  name: string,
  over: Partial<Omit<DesiredSharedBandwidth, 'ips'>> & { ips?: IpSpec[] } = {},
): DesiredSharedBandwidth {
  const region = over.region ?? 'cn-hangzhou';
  const { ips: ipList, ...rest } = over;
  const d: DesiredSharedBandwidth = {
    kind: 'sharedBandwidth',
    address: addressOf('sharedBandwidth', region, name),
    name,
    region,
    ensure: 'present',
    protect: false,
    loc: LOC,
    fieldLocs: {},
    bandwidth: 100,
    ...rest,
  };
  if (ipList !== undefined) d.ips = ips(ipList);
  return d;
}

export function dCen(name: string, over: Partial<DesiredCenBandwidth> = {}): DesiredCenBandwidth {
  return {
    kind: 'cenBandwidth',
    address: addressOf('cenBandwidth', GLOBAL_REGION, name),
    name,
    region: GLOBAL_REGION,
    ensure: 'present',
    protect: false,
    loc: LOC,
    fieldLocs: {},
    bandwidth: 10,
    areas: ['China', 'Asia-Pacific'],
    ...over,
  };
}

export function dGa(name: string, over: Partial<DesiredGaBandwidth> = {}): DesiredGaBandwidth {
  return {
    kind: 'gaBandwidth',
    address: addressOf('gaBandwidth', GLOBAL_REGION, name),
    name,
    region: GLOBAL_REGION,
    ensure: 'present',
    protect: false,
    loc: LOC,
    fieldLocs: {},
    bandwidth: 100,
    ...over,
  };
}

type MemberSpec = string | { id: string; bandwidth?: number | null; status?: string };

export function lShared(
  id: string,
  name: string,
  over: Partial<Omit<LiveSharedBandwidth, 'members'>> & {
    members?: MemberSpec[];
    stack?: string | null;
  } = {},
): LiveSharedBandwidth {
  const { members, stack, ...rest } = over;
  return {
    kind: 'sharedBandwidth',
    id,
    region: 'cn-hangzhou',
    name,
    description: '',
    status: 'Available',
    bandwidth: 100,
    tags: stack === null ? {} : { [STACK_TAG]: stack ?? STACK },
    members: (members ?? []).map((m) =>
      typeof m === 'string' ? { id: m, status: 'BINDED' } : { status: 'BINDED', ...m },
    ),
    isp: 'BGP',
    internetChargeType: 'PayByBandwidth',
    instanceChargeType: 'PostPaid',
    businessStatus: 'Normal',
    deletionProtection: false,
    capsRead: true,
    ...rest,
  };
}

export function lCen(
  id: string,
  name: string,
  over: Partial<Omit<LiveCenBandwidth, 'members'>> & { cens?: string[]; stack?: string | null } = {},
): LiveCenBandwidth {
  const { cens, stack, ...rest } = over;
  return {
    kind: 'cenBandwidth',
    id,
    region: GLOBAL_REGION,
    name,
    description: '',
    status: (cens ?? []).length > 0 ? 'InUse' : 'Idle',
    bandwidth: 10,
    tags: stack === null ? {} : { [STACK_TAG]: stack ?? STACK },
    members: (cens ?? []).map((c) => ({ id: c })),
    areas: ['China', 'Asia-Pacific'],
    chargeType: 'POSTPAY',
    businessStatus: 'Normal',
    ...rest,
  };
}

export function lGa(
  id: string,
  name: string,
  over: Partial<Omit<LiveGaBandwidth, 'members'>> & { accelerators?: string[]; stack?: string | null } = {},
): LiveGaBandwidth {
  const { accelerators, stack, ...rest } = over;
  return {
    kind: 'gaBandwidth',
    id,
    region: GLOBAL_REGION,
    name,
    description: '',
    status: (accelerators ?? []).length > 0 ? 'binded' : 'active',
    bandwidth: 100,
    tags: stack === null ? {} : { [STACK_TAG]: stack ?? STACK },
    members: (accelerators ?? []).map((a) => ({ id: a })),
    type: 'Basic',
    bandwidthType: 'Basic',
    chargeType: 'POSTPAY',
    ...rest,
  };
}
