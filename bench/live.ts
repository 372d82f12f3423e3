import { GLOBAL_REGION, STACK_TAG } from '../src/model/kinds.js';
import type { LiveCenBandwidth, LiveGaBandwidth, LiveSharedBandwidth, LiveState } from '../src/model/live.js';
import type { World, WorldCbwp } from './world.js';

/**
 * The LiveState a perfect read of the world's emulator would produce, built in memory for the
 * CPU scenario so that planning is measured with the network out of the picture.
 */
function liveCbwp(p: WorldCbwp, stack: string): LiveSharedBandwidth {
  const capsRead = p.eips.some((e) => e.cap !== undefined);
  return {
    kind: 'sharedBandwidth',
    id: p.id,
    region: p.region,
    name: p.name,
    description: p.description,
    status: 'Available',
    bandwidth: p.bandwidth,
    tags: { [STACK_TAG]: stack },
    members: p.eips.map((e) => ({
      id: e.id,
      status: 'BINDED',
      label: e.address,
      ...(capsRead ? { bandwidth: e.cap ?? null } : {}),
    })),
    isp: 'BGP',
    internetChargeType: 'PayByBandwidth',
    instanceChargeType: 'PostPaid',
    businessStatus: 'Normal',
    deletionProtection: false,
    capsRead,
  };
}

export function liveState(world: World): LiveState {
  const cens: LiveCenBandwidth[] = world.cens.map((c) => ({
    kind: 'cenBandwidth',
    id: c.id,
    region: GLOBAL_REGION,
    name: c.name,
    description: '',
    status: 'InUse',
    bandwidth: c.bandwidth,
    tags: { [STACK_TAG]: world.stack },
    members: [{ id: c.cenId }],
    areas: c.areas,
    chargeType: 'POSTPAY',
    businessStatus: 'Normal',
  }));
  const gas: LiveGaBandwidth[] = world.gas.map((g) => ({
    kind: 'gaBandwidth',
    id: g.id,
    region: GLOBAL_REGION,
    name: g.name,
    description: '',
    status: 'binded',
    bandwidth: g.bandwidth,
    tags: { [STACK_TAG]: world.stack },
    members: [{ id: g.acceleratorId }],
    type: 'Basic',
    bandwidthType: 'Basic',
    chargeType: 'POSTPAY',
  }));
  return {
    resources: [...world.cbwps.map((p) => liveCbwp(p, world.stack)), ...cens, ...gas],
    regions: world.regions,
  };
}
