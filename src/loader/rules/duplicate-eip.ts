import type { DesiredIp, DesiredSharedBandwidth } from '../../model/desired.js';
import type { Diagnostic } from '../../model/source.js';
import { errorAt } from '../diagnostic.js';
import type { Rule } from './types.js';

/** An EIP can be in one shared bandwidth package only. */
export const duplicateEip: Rule = ({ built }) => {
  const out: Diagnostic[] = [];
  // EIP id → position in the flat lists below: a number per entry keeps 100,000 EIPs cheap.
  const first = new Map<string, number>();
  const ips: DesiredIp[] = [];
  const packages: DesiredSharedBandwidth[] = [];
  for (const { resource } of built) {
    if (resource.kind !== 'sharedBandwidth' || resource.ensure === 'absent' || !resource.ips) continue;
    for (const ip of resource.ips) {
      const seen = first.get(ip.id);
      if (seen === undefined) {
        first.set(ip.id, ips.push(ip) - 1);
        packages.push(resource);
        continue;
      }
      const firstIp = ips[seen]!;
      const firstPackage = packages[seen]!;
      const where =
        firstPackage === resource ? 'listed twice in this package' : `already in ${firstPackage.address}`;
      const at = `${firstIp.loc.file}:${firstIp.loc.line}:${firstIp.loc.col}`;
      out.push(
        errorAt('duplicate-eip', `EIP ${ip.id} is ${where} (${at}); an EIP belongs to one package.`, ip.loc, {
          related: firstIp.loc,
        }),
      );
    }
  }
  return out;
};
