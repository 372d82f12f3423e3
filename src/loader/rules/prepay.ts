import type { DesiredCenBandwidth, DesiredGaBandwidth } from '../../model/desired.js';
import type { Diagnostic } from '../../model/source.js';
import { errorAt } from '../diagnostic.js';
import type { Rule } from './types.js';

const SUBSCRIPTION_FIELDS = ['period', 'pricingCycle', 'autoRenew', 'autoRenewDuration'] as const;

/** Allowed `period` values by pricing cycle (CEN: CreateCenBandwidthPackage; GA: Duration). */
const PERIODS = {
  cenBandwidth: { Month: [1, 2, 3, 6, 12], Year: [1, 2, 3] },
  gaBandwidth: { Month: [1, 2, 3, 4, 5, 6, 7, 8, 9], Year: [1, 2, 3] },
} as const;

/**
 * Subscription fields only mean something for PREPAY; `period` must fit its cycle (the API
 * default cycle is Month). An omitted chargeType is the API default, PREPAY.
 */
export const prepayFields: Rule = ({ built }) => {
  const out: Diagnostic[] = [];
  for (const { resource } of built) {
    if (resource.kind !== 'cenBandwidth' && resource.kind !== 'gaBandwidth') continue;
    if (resource.chargeType === 'POSTPAY') out.push(...postpayMisuse(resource));
    else out.push(...periodRange(resource));
  }
  return out;
};

function postpayMisuse(r: DesiredCenBandwidth | DesiredGaBandwidth): Diagnostic[] {
  return SUBSCRIPTION_FIELDS.filter((f) => r[f] !== undefined).map((f) =>
    errorAt(
      'prepay-only',
      `\`${f}\` applies only to PREPAY packages; ${r.address} is POSTPAY.`,
      r.fieldLocs[f] ?? r.loc,
      { hint: `remove \`${f}\` or set chargeType: PREPAY` },
    ),
  );
}

function periodRange(r: DesiredCenBandwidth | DesiredGaBandwidth): Diagnostic[] {
  if (r.period === undefined) return [];
  const cycle = r.pricingCycle === 'Year' ? 'Year' : 'Month';
  const allowed: readonly number[] = PERIODS[r.kind][cycle];
  if (allowed.includes(r.period)) return [];
  return [
    errorAt(
      'period-range',
      `\`period\` ${r.period} is not valid with pricingCycle ${cycle}; allowed: ${allowed.join(', ')}.`,
      r.fieldLocs.period ?? r.loc,
    ),
  ];
}
