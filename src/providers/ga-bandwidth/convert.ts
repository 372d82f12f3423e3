import type { DesiredResource } from '../../model/desired.js';
import { GLOBAL_REGION } from '../../model/kinds.js';
import type { LiveGaBandwidth, LiveResource } from '../../model/live.js';
import type { PlainValue } from '../../model/plan.js';
import {
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
  const v: Record<string, PlainValue> = { name: res.name };
  const put = (k: string, value: PlainValue | undefined) => {
    if (value !== undefined) v[k] = value;
  };
  put('description', res.description);
  put('bandwidth', res.bandwidth);
  put('type', res.type);
  put('bandwidthType', res.bandwidthType);
  put('chargeType', res.chargeType);
  put('billingType', res.billingType);
  put('ratio', res.ratio);
  if ('members' in res) {
    v.tags = userTags(res.tags);
    v.accelerators = res.members.map((m) => m.id).sort();
    return v;
  }
  put('period', res.period);
  put('pricingCycle', res.pricingCycle);
  put('autoRenew', res.autoRenew);
  put('autoRenewDuration', res.autoRenewDuration);
  if (res.tags !== undefined) v.tags = userTags(res.tags);
  if (res.accelerators !== undefined) v.accelerators = [...res.accelerators].sort();
  return v;
}
