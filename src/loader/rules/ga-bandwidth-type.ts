import type { Diagnostic } from '../../model/source.js';
import { errorAt } from '../diagnostic.js';
import type { Rule } from './types.js';

/** CreateBandwidthPackage fails with MissingParameter.BandwidthType for Basic plans without it. */
export const gaBandwidthType: Rule = ({ built }) => {
  const out: Diagnostic[] = [];
  for (const { resource } of built) {
    if (resource.kind !== 'gaBandwidth' || resource.ensure === 'absent') continue;
    if (resource.type !== 'Basic' || resource.bandwidthType !== undefined) continue;
    out.push(
      errorAt(
        'ga-bandwidth-type-required',
        `${resource.address} has type Basic but no \`bandwidthType\`.`,
        resource.fieldLocs.type ?? resource.loc,
        { hint: 'add `bandwidthType: Basic`, `Enhanced` or `Advanced`' },
      ),
    );
  }
  return out;
};
