import type { Diagnostic, SourceLoc } from '../../model/source.js';
import { errorAt } from '../diagnostic.js';
import type { Rule } from './types.js';

/**
 * A CEN package connects two different areas, and a CEN instance holds at most one package
 * per area pair.
 */
export const cenAreas: Rule = ({ built }) => {
  const out: Diagnostic[] = [];
  const pairs = new Map<string, { address: string; loc: SourceLoc }>();
  for (const { resource, itemLocs } of built) {
    if (resource.kind !== 'cenBandwidth' || !resource.areas) continue;
    const loc = resource.fieldLocs.areas ?? resource.loc;
    const [a, b] = resource.areas;
    if (a === b) {
      out.push(
        errorAt(
          'cen-same-area',
          `\`areas\` names ${a} twice; a CEN bandwidth package connects two different areas.`,
          loc,
        ),
      );
      continue;
    }
    if (resource.ensure === 'absent') continue;
    const pair = [a, b].sort().join('↔');
    const cens = resource.cens ?? [];
    for (let i = 0; i < cens.length; i++) {
      const cen = cens[i]!;
      const cenLoc = itemLocs.cens?.[i] ?? resource.fieldLocs.cens ?? loc;
      const key = `${cen}|${pair}`;
      const first = pairs.get(key);
      if (first) {
        const message = `${cen} would hold two packages for ${pair} (${first.address} and ${resource.address}); a CEN takes one package per area pair.`;
        out.push(errorAt('cen-duplicate-area-pair', message, cenLoc, { related: first.loc }));
      } else pairs.set(key, { address: resource.address, loc: cenLoc });
    }
  }
  return out;
};
