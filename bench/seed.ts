import type { SeedDocument } from '../src/emulator/index.js';
import { STACK_TAG } from '../src/model/kinds.js';
import type { World } from './world.js';

/**
 * The world as an emulator seed document. Packages carry this stack's tag, so bwsync manages
 * them, and their per-IP caps are set as the YAML declares them: the account is in sync.
 */
export function seedDocument(world: World): SeedDocument {
  const tags = { [STACK_TAG]: world.stack };
  const eips = [...world.cbwps.flatMap((p) => p.eips), ...world.freeEips];
  return {
    eips: eips.map((e) => ({ id: e.id, region: e.region, ipAddress: e.address })),
    cens: [...world.cens.map((c) => ({ id: c.cenId })), ...world.freeCens.map((id) => ({ id }))],
    accelerators: [
      ...world.gas.map((g) => ({ id: g.acceleratorId })),
      ...world.freeAccelerators.map((id) => ({ id })),
    ],
    commonBandwidthPackages: world.cbwps.map((p) => ({
      id: p.id,
      region: p.region,
      name: p.name,
      description: p.description,
      bandwidth: p.bandwidth,
      tags,
      eips: p.eips.map((e) => e.id),
      caps: Object.fromEntries(p.eips.flatMap((e) => (e.cap === undefined ? [] : [[e.id, e.cap]]))),
    })),
    cenBandwidthPackages: world.cens.map((c) => ({
      id: c.id,
      name: c.name,
      bandwidth: c.bandwidth,
      areaA: c.areas[0],
      areaB: c.areas[1],
      chargeType: 'POSTPAY',
      cens: [c.cenId],
      tags,
    })),
    gaBandwidthPackages: world.gas.map((g) => ({
      id: g.id,
      name: g.name,
      bandwidth: g.bandwidth,
      type: 'Basic',
      bandwidthType: 'Basic',
      chargeType: 'POSTPAY',
      accelerators: [g.acceleratorId],
      tags,
    })),
  };
}
