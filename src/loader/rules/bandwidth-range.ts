import type { Diagnostic } from '../../model/source.js';
import { errorAt } from '../diagnostic.js';
import type { Rule } from './types.js';

/**
 * CBWP bandwidth ranges depend on the charge type (reference §1.2). The schema holds the
 * overall 1–20000; this narrows it. CEN (2–10000) and GA (2–2000) are fully in the schema.
 */
export const CBWP_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  PayByBandwidth: [2, 20000],
  PayBy95: [200, 20000],
  PayByDominantTraffic: [1, 2000],
  PayByTraffic: [1, 1000],
};

export const bandwidthRange: Rule = ({ built }) => {
  const out: Diagnostic[] = [];
  for (const { resource: r } of built) {
    if (r.kind !== 'sharedBandwidth' || r.bandwidth === undefined) continue;
    const type = r.internetChargeType ?? 'PayByBandwidth';
    const range = CBWP_RANGES[type];
    if (!range || (r.bandwidth >= range[0] && r.bandwidth <= range[1])) continue;
    const hint =
      r.internetChargeType === undefined
        ? 'without internetChargeType the API default PayByBandwidth applies'
        : undefined;
    out.push(
      errorAt(
        'bandwidth-range',
        `\`bandwidth\` ${r.bandwidth} is outside ${range[0]}–${range[1]} Mbit/s for ${type}.`,
        r.fieldLocs.bandwidth ?? r.loc,
        hint ? { hint } : {},
      ),
    );
  }
  return out;
};
