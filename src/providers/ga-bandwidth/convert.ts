import type { DesiredResource } from '../../model/desired.js';
import { GLOBAL_REGION } from '../../model/kinds.js';
import type { LiveGaBandwidth, LiveResource } from '../../model/live.js';
import type { PlainValue } from '../../model/plan.js';
import {
  definedView,
  isWire,
  num,
  optStr,
  str,
  tagsFrom,
  timeToIso,
  unwrapStrings,
  userTags,
  type Wire,
} from '../common/wire.js';

/** One ListBandwidthPackages item (a plain object; GA has no wrapper objects). */
export function packageFromWire(row: unknown): LiveGaBandwidth {
  const r: Wire = isWire(row) ? row : {};
  const chargeType = str(r.ChargeType);
  const live: LiveGaBandwidth = {
    kind: 'gaBandwidth',
    id: str(r.BandwidthPackageId),
    region: GLOBAL_REGION,
    name: str(r.Name),
    description: str(r.Description),
    status: str(r.State),
    bandwidth: num(r.Bandwidth) ?? 0,
    tags: tagsFrom(r.Tags),
    members: unwrapStrings(r.Accelerators)
      .sort()
      .map((id) => ({ id })),
    type: str(r.Type),
    chargeType,
  };
  const optional: [keyof LiveGaBandwidth, string | number | undefined][] = [
    ['bandwidthType', optStr(r.BandwidthType)],
    ['billingType', optStr(r.BillingType)],
    // Ratio applies to 95th-percentile billing only; other plans report a filler value.
    ['ratio', /^PayBy95$/i.test(str(r.BillingType)) ? num(r.Ratio) : undefined],
    ['createTime', timeToIso(r.CreateTime)],
    ['expiredTime', timeToIso(r.ExpiredTime)],
  ];
  for (const [k, v] of optional) if (v !== undefined) Object.assign(live, { [k]: v });
  if (chargeType === 'PREPAY')
    live.undeletableReason = 'subscription (PREPAY) GA bandwidth plans cannot be deleted through the API';
  return live;
}

export function toView(res: DesiredResource | LiveResource): Record<string, PlainValue> {
  if (res.kind !== 'gaBandwidth') throw new TypeError(`not a gaBandwidth: ${res.kind}`);
  const common = {
    name: res.name,
    description: res.description,
    bandwidth: res.bandwidth,
    type: res.type,
    bandwidthType: res.bandwidthType,
    chargeType: res.chargeType,
    billingType: res.billingType,
    ratio: res.ratio,
  };
  if ('members' in res) {
    return definedView({
      ...common,
      tags: userTags(res.tags),
      accelerators: res.members.map((m) => m.id).sort(),
    });
  }
  return definedView({
    ...common,
    period: res.period,
    pricingCycle: res.pricingCycle,
    autoRenew: res.autoRenew,
    autoRenewDuration: res.autoRenewDuration,
    tags: res.tags === undefined ? undefined : userTags(res.tags),
    accelerators: res.accelerators === undefined ? undefined : [...res.accelerators].sort(),
  });
}
