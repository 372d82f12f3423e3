import type { DesiredIp } from '../../model/desired.js';
import type { Diagnostic } from '../../model/source.js';
import { errorAt } from '../diagnostic.js';
import type { Rule } from './types.js';

/** An EIP can be in one shared bandwidth package only. */
export const duplicateEip: Rule = ({ built }) => {
  const out: Diagnostic[] = [];
  const owner = new Map<string, { address: string; ip: DesiredIp }>();
  for (const { resource } of built) {
    if (resource.kind !== 'sharedBandwidth' || resource.ensure === 'absent') continue;
    for (const ip of resource.ips ?? []) {
      const first = owner.get(ip.id);
      if (!first) {
        owner.set(ip.id, { address: resource.address, ip });
        continue;
      }
      const where =
        first.address === resource.address ? 'listed twice in this package' : `already in ${first.address}`;
      out.push(
        errorAt(
          'duplicate-eip',
          `EIP ${ip.id} is ${where} (${first.ip.loc.file}:${first.ip.loc.line}:${first.ip.loc.col}); an EIP belongs to one package.`,
          ip.loc,
          { related: first.ip.loc },
        ),
      );
    }
  }
  return out;
};
