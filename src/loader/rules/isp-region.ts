import type { Diagnostic } from '../../model/source.js';
import { errorAt } from '../diagnostic.js';
import type { Rule } from './types.js';

/** Regions where BGP (Multi-ISP) Pro lines exist: HK, SG, JP, PH, MY, ID, TH. */
export const BGP_PRO_REGIONS: readonly string[] = [
  'cn-hongkong',
  'ap-southeast-1',
  'ap-northeast-1',
  'ap-southeast-6',
  'ap-southeast-3',
  'ap-southeast-5',
  'ap-southeast-7',
];

export const ispRegion: Rule = ({ built }) => {
  const out: Diagnostic[] = [];
  for (const { resource } of built) {
    if (resource.kind !== 'sharedBandwidth' || resource.isp !== 'BGP_PRO') continue;
    if (BGP_PRO_REGIONS.includes(resource.region)) continue;
    out.push(
      errorAt(
        'isp-region',
        `isp BGP_PRO is not offered in ${resource.region}.`,
        resource.fieldLocs.isp ?? resource.loc,
        { hint: `BGP_PRO exists in ${BGP_PRO_REGIONS.join(', ')}; use BGP elsewhere` },
      ),
    );
  }
  return out;
};
