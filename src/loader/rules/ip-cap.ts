import type { Diagnostic } from '../../model/source.js';
import { errorAt } from '../diagnostic.js';
import type { Rule } from './types.js';

/** A per-IP cap above its package's bandwidth is refused by the API. */
export const ipCap: Rule = ({ built }) => {
  const out: Diagnostic[] = [];
  for (const { resource } of built) {
    if (resource.kind !== 'sharedBandwidth' || resource.bandwidth === undefined) continue;
    for (const ip of resource.ips ?? []) {
      if (typeof ip.bandwidth !== 'number' || ip.bandwidth <= resource.bandwidth) continue;
      out.push(
        errorAt(
          'ip-cap-exceeds-bandwidth',
          `EIP ${ip.id} is capped at ${ip.bandwidth} Mbit/s, above the package's ${resource.bandwidth} Mbit/s.`,
          ip.loc,
          {
            related: resource.fieldLocs.bandwidth,
            hint: `lower the cap to at most ${resource.bandwidth} or raise the package bandwidth`,
          },
        ),
      );
    }
  }
  return out;
};
