import type { DesiredResource } from '../../model/desired.js';
import { GLOBAL_REGION } from '../../model/kinds.js';
import type { LiveCenBandwidth, LiveResource } from '../../model/live.js';
import type { PlainValue } from '../../model/plan.js';
import {
  definedView,
  isWire,
  num,
  optStr,
  str,
  tagsFrom,
  unwrapStrings,
  userTags,
  type Wire,
} from '../common/wire.js';

/** `asia-pacific` (responses) → `Asia-Pacific` (requests and YAML). */
export function titleArea(area: string): string {
  return area
    .split('-')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1).toLowerCase())
    .join('-');
}

export function packageFromWire(row: unknown): LiveCenBandwidth {
  const r: Wire = isWire(row) ? row : {};
  const chargeType = str(r.BandwidthPackageChargeType);
  const live: LiveCenBandwidth = {
    kind: 'cenBandwidth',
    id: str(r.CenBandwidthPackageId),
    region: GLOBAL_REGION,
    name: str(r.Name),
    description: str(r.Description),
    status: str(r.Status),
    bandwidth: num(r.Bandwidth) ?? 0,
    tags: tagsFrom(r.Tags),
    members: unwrapStrings(r.CenIds, 'CenId')
      .sort()
      .map((id) => ({ id })),
    areas: [titleArea(str(r.GeographicRegionAId)), titleArea(str(r.GeographicRegionBId))],
    chargeType,
    businessStatus: str(r.BusinessStatus),
  };
  const expired = optStr(r.ExpiredTime);
  if (expired !== undefined) live.expiredTime = expired;
  if (chargeType === 'PREPAY')
    live.undeletableReason = 'prepaid (PREPAY) CEN bandwidth packages cannot be deleted through the API';
  return live;
}

function sortedAreas(areas: readonly string[]): string[] {
  return [...areas].sort();
}

export function toView(res: DesiredResource | LiveResource): Record<string, PlainValue> {
  if (res.kind !== 'cenBandwidth') throw new TypeError(`not a cenBandwidth: ${res.kind}`);
  if ('members' in res) {
    return {
      name: res.name,
      description: res.description,
      bandwidth: res.bandwidth,
      areas: sortedAreas(res.areas),
      chargeType: res.chargeType,
      tags: userTags(res.tags),
      cens: res.members.map((m) => m.id).sort(),
    };
  }
  return definedView({
    name: res.name,
    description: res.description,
    bandwidth: res.bandwidth,
    areas: res.areas ? sortedAreas(res.areas) : undefined,
    chargeType: res.chargeType,
    period: res.period,
    pricingCycle: res.pricingCycle,
    autoRenew: res.autoRenew,
    autoRenewDuration: res.autoRenewDuration,
    tags: res.tags === undefined ? undefined : userTags(res.tags),
    cens: res.cens === undefined ? undefined : [...res.cens].sort(),
  });
}
