import { stringify } from 'yaml';
import type { World, WorldEip } from './world.js';

/**
 * The desired state of a world as bwsync YAML (SPEC §2), built as plain data first so that
 * scenarios can edit it (the apply scenario changes packages) before it is written out.
 */
export interface YamlIp {
  id: string;
  bandwidth?: number | null;
}

export interface YamlCbwp {
  name: string;
  region: string;
  ensure?: 'absent';
  bandwidth?: number;
  isp?: string;
  internetChargeType?: string;
  description?: string;
  ips?: (string | YamlIp)[];
}

export interface YamlCen {
  name: string;
  ensure?: 'absent';
  bandwidth?: number;
  areas?: [string, string];
  chargeType?: string;
  description?: string;
  cens?: string[];
}

export interface YamlGa {
  name: string;
  ensure?: 'absent';
  bandwidth?: number;
  type?: string;
  bandwidthType?: string;
  chargeType?: string;
  description?: string;
  accelerators?: string[];
}

export interface YamlDoc {
  version: 1;
  stack: string;
  sharedBandwidth: YamlCbwp[];
  cenBandwidth: YamlCen[];
  gaBandwidth: YamlGa[];
}

function ipEntry(eip: WorldEip): string | YamlIp {
  return eip.cap === undefined ? eip.id : { id: eip.id, bandwidth: eip.cap };
}

/** Declares every resource of the world exactly as it is live, so its plan has no changes. */
export function desiredDoc(world: World): YamlDoc {
  return {
    version: 1,
    stack: world.stack,
    sharedBandwidth: world.cbwps.map((p) => ({
      name: p.name,
      region: p.region,
      bandwidth: p.bandwidth,
      description: p.description,
      ips: p.eips.map(ipEntry),
    })),
    cenBandwidth: world.cens.map((c) => ({
      name: c.name,
      bandwidth: c.bandwidth,
      areas: c.areas,
      cens: [c.cenId],
    })),
    gaBandwidth: world.gas.map((g) => ({
      name: g.name,
      bandwidth: g.bandwidth,
      accelerators: [g.acceleratorId],
    })),
  };
}

export function yamlText(doc: YamlDoc): string {
  // No anchors and aliases for shared arrays: users' files rarely have them.
  return stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}
