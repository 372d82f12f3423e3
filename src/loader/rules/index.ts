import type { Diagnostic } from '../../model/source.js';
import { absentFields } from './absent.js';
import { bandwidthRange } from './bandwidth-range.js';
import { cenAreas } from './cen-areas.js';
import { duplicateAccelerator } from './duplicate-accelerator.js';
import { duplicateEip } from './duplicate-eip.js';
import { duplicateIdentity } from './duplicate-identity.js';
import { gaBandwidthType } from './ga-bandwidth-type.js';
import { ipCap } from './ip-cap.js';
import { ispRegion } from './isp-region.js';
import { prepayFields } from './prepay.js';
import { ratioRules } from './ratio.js';
import { tagRules } from './tags.js';
import { textRules } from './text.js';
import type { Rule, RuleContext } from './types.js';

/** Every semantic rule, each one concern, each linear in the number of declarations. */
export const RULES: readonly Rule[] = [
  duplicateIdentity,
  duplicateEip,
  duplicateAccelerator,
  cenAreas,
  ipCap,
  ispRegion,
  gaBandwidthType,
  prepayFields,
  ratioRules,
  textRules,
  bandwidthRange,
  tagRules,
  absentFields,
];

export function runRules(ctx: RuleContext): Diagnostic[] {
  return RULES.flatMap((rule) => rule(ctx));
}

export type { Rule, RuleContext } from './types.js';
