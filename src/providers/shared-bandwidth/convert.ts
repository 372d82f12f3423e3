import type { DesiredResource } from '../../model/desired.js';
import type { LiveMember, LiveResource, LiveSharedBandwidth } from '../../model/live.js';
import type { PlainValue } from '../../model/plan.js';
import {
  bool,
  definedView,
  isWire,
  num,
  optStr,
  str,
  tagsFrom,
  unwrapList,
  userTags,
  type Wire,
} from '../common/wire.js';

/** One `CommonBandwidthPackage` row of DescribeCommonBandwidthPackages → the domain shape. */
export function packageFromWire(row: unknown, listedRegion: string): LiveSharedBandwidth {
  const r: Wire = isWire(row) ? row : {};
  const internetChargeType = str(r.InternetChargeType);
  const instanceChargeType = str(r.InstanceChargeType, 'PostPaid');
  const live: LiveSharedBandwidth = {
    kind: 'sharedBandwidth',
    id: str(r.BandwidthPackageId),
    region: str(r.RegionId) || listedRegion,
    name: str(r.Name),
    description: str(r.Description),
    status: str(r.Status),
    bandwidth: num(r.Bandwidth) ?? 0,
    tags: tagsFrom(r.Tags),
    members: unwrapList(r.PublicIpAddresses, 'PublicIpAddresse').map(memberFromWire),
    isp: str(r.ISP),
    internetChargeType,
    instanceChargeType,
    businessStatus: str(r.BusinessStatus),
    deletionProtection: bool(r.DeletionProtection),
    capsRead: false,
  };
  // Ratio means something only for 95th-percentile billing; other packages report a filler.
  const ratio = num(r.Ratio);
  if (ratio !== undefined && internetChargeType === 'PayBy95') live.ratio = ratio;
  const zone = optStr(r.Zone);
  if (zone !== undefined) live.zone = zone;
  const rg = optStr(r.ResourceGroupId);
  if (rg !== undefined) live.resourceGroupId = rg;
  const reason = undeletableReason(internetChargeType, instanceChargeType);
  if (reason !== undefined) live.undeletableReason = reason;
  live.members.sort((a, b) => a.id.localeCompare(b.id));
  return live;
}

function memberFromWire(m: Wire): LiveMember {
  const member: LiveMember = { id: str(m.AllocationId) };
  const status = optStr(m.BandwidthPackageIpRelationStatus);
  if (status !== undefined) member.status = status;
  const ip = optStr(m.IpAddress);
  if (ip !== undefined) member.label = ip;
  return member;
}

function undeletableReason(internetChargeType: string, instanceChargeType: string): string | undefined {
  if (internetChargeType === 'PayBy95') return 'PayBy95 packages cannot be released through the API';
  if (instanceChargeType === 'PrePaid')
    return 'subscription (PrePaid) packages cannot be released through the API';
  return undefined;
}

/**
 * The per-IP cap of one EIP row of DescribeEipAddresses. `Bandwidth` equal to the package's
 * `BandwidthPackageBandwidth` means no cap is set (the EIP may use the whole package).
 */
export function capFromWire(row: Wire): { id: string; packageId: string; cap: number | null } {
  const bw = num(row.Bandwidth);
  const pkg = num(row.BandwidthPackageBandwidth);
  const cap = bw === undefined || bw === pkg ? null : bw;
  return { id: str(row.AllocationId), packageId: str(row.BandwidthPackageId), cap };
}

/** The comparable view; declared fields only for desired. */
export function toView(res: DesiredResource | LiveResource): Record<string, PlainValue> {
  if (res.kind !== 'sharedBandwidth') throw new TypeError(`not a sharedBandwidth: ${res.kind}`);
  if ('members' in res) return liveView(res);
  return definedView({
    name: res.name,
    description: res.description,
    bandwidth: res.bandwidth,
    isp: res.isp,
    internetChargeType: res.internetChargeType,
    ratio: res.ratio,
    zone: res.zone,
    resourceGroupId: res.resourceGroupId,
    deletionProtection: res.deletionProtection,
    tags: res.tags === undefined ? undefined : userTags(res.tags),
    ips: res.ips?.map((ip) => ip.id).sort(),
  });
}

function liveView(res: LiveSharedBandwidth): Record<string, PlainValue> {
  const v: Record<string, PlainValue> = {
    name: res.name,
    description: res.description,
    bandwidth: res.bandwidth,
    isp: res.isp,
    internetChargeType: res.internetChargeType,
  };
  if (res.ratio !== undefined) v.ratio = res.ratio;
  if (res.zone !== undefined) v.zone = res.zone;
  if (res.resourceGroupId !== undefined) v.resourceGroupId = res.resourceGroupId;
  v.deletionProtection = res.deletionProtection;
  v.tags = userTags(res.tags);
  v.ips = res.members.map((m) => m.id).sort();
  return v;
}

export function desiredCaps(res: DesiredResource): Map<string, number | null> {
  const caps = new Map<string, number | null>();
  if (res.kind !== 'sharedBandwidth' || res.ips === undefined) return caps;
  for (const ip of res.ips) if (ip.bandwidth !== undefined) caps.set(ip.id, ip.bandwidth);
  return caps;
}
