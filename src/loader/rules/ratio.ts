import type { Diagnostic } from '../../model/source.js';
import { errorAt } from '../diagnostic.js';
import type { Rule } from './types.js';

/**
 * `ratio` (the guaranteed share under 95th-percentile billing) only exists with that billing:
 * CBWP internetChargeType PayBy95, GA billingType PayBY95 (which is itself POSTPAY only).
 */
export const ratioRules: Rule = ({ built }) => {
  const out: Diagnostic[] = [];
  for (const { resource: r } of built) {
    if (r.kind === 'sharedBandwidth' && r.ratio !== undefined && r.internetChargeType !== 'PayBy95') {
      out.push(
        errorAt(
          'ratio-needs-95',
          '`ratio` applies only with internetChargeType: PayBy95.',
          r.fieldLocs.ratio ?? r.loc,
        ),
      );
    }
    if (r.kind !== 'gaBandwidth') continue;
    if (r.ratio !== undefined && r.billingType !== 'PayBY95') {
      out.push(
        errorAt(
          'ratio-needs-95',
          '`ratio` applies only with billingType: PayBY95.',
          r.fieldLocs.ratio ?? r.loc,
        ),
      );
    }
    if (r.billingType !== undefined && r.chargeType !== 'POSTPAY') {
      out.push(
        errorAt(
          'billing-type-postpay',
          '`billingType` applies only to POSTPAY plans.',
          r.fieldLocs.billingType ?? r.loc,
          { hint: 'set chargeType: POSTPAY or remove billingType' },
        ),
      );
    }
  }
  return out;
};
