import type { DesiredSharedBandwidth } from '../../model/desired.js';
import type { LiveSharedBandwidth } from '../../model/live.js';
import type { StepParam } from '../../model/plan.js';
import { chunk } from '../common/paging.js';
import { defined, sorted, stepMaker, tagDiffSteps, tagParams } from '../common/steps.js';
import type { CapChange, CreateWork, DeleteWork, StepDraft, StepTarget, UpdateWork } from '../types.js';
import { ADD_IPS_BATCH, RESOURCE_TYPE } from './fields.js';
import {
  available,
  BUSY,
  BUSY_IP,
  bandwidthIs,
  capIs,
  gone,
  membersBound,
  membersGone,
  TIMEOUT_MS,
} from './waits.js';

const mk = stepMaker({ kind: 'sharedBandwidth', product: 'vpc', timeoutMs: TIMEOUT_MS });

export function createSteps(work: CreateWork): StepDraft[] {
  const d = work.desired as DesiredSharedBandwidth;
  const t = work.target;
  const out: StepDraft[] = [
    mk(t, {
      action: 'create',
      description: `Create shared bandwidth package ${d.name} (${d.bandwidth} Mbit/s)`,
      apiAction: 'CreateCommonBandwidthPackage',
      params: defined({
        Bandwidth: d.bandwidth,
        ISP: d.isp,
        InternetChargeType: d.internetChargeType,
        Ratio: d.ratio,
        Zone: d.zone,
        ResourceGroupId: d.resourceGroupId,
        Name: d.name,
        Description: d.description,
        Tag: tagParams(work.tags),
      }),
      clientToken: true,
      until: [available],
    }),
  ];
  if (d.deletionProtection === true) out.push(protection(t, true));
  out.push(...addIps(t, work.members));
  const caps = [...(d.ips ?? [])]
    // A cap at or above the package bandwidth is no cap (and reads back as none).
    .filter(
      (ip) => typeof ip.bandwidth === 'number' && ip.bandwidth < (d.bandwidth ?? Number.POSITIVE_INFINITY),
    )
    .map((ip) => ({ member: ip.id, before: null, after: ip.bandwidth as number }));
  out.push(...caps.sort(byMember).map((c) => capStep(t, c)));
  return out;
}

export function updateSteps(work: UpdateWork): StepDraft[] {
  const live = work.live as LiveSharedBandwidth;
  const t = work.target;
  const changed = new Map(work.changes.map((c) => [c.field, c.after]));
  const out: StepDraft[] = [];
  const attr = attributeStep(t, changed, live);
  if (attr) out.push(attr);
  out.push(...tagSteps(t, work.tagsSet, work.tagsRemove));
  const dp = changed.get('deletionProtection');
  if (typeof dp === 'boolean') out.push(protection(t, dp));
  const adding = new Set(work.addMembers);
  // A cap valid under the current package bandwidth goes first (before any shrink); a cap
  // above it must wait until the package has grown; new members get theirs after the add.
  const pre = work.caps.filter(
    (c) => !adding.has(c.member) && (c.after === null || c.after <= live.bandwidth),
  );
  const post = work.caps.filter((c) => !pre.includes(c));
  out.push(...pre.sort(byMember).map((c) => capStep(t, c)));
  out.push(...sorted(work.removeMembers).map((id) => removeIp(t, id)));
  const bw = changed.get('bandwidth');
  if (typeof bw === 'number') out.push(specStep(t, live.bandwidth, bw));
  out.push(...addIps(t, work.addMembers));
  out.push(...post.sort(byMember).map((c) => capStep(t, c)));
  return out;
}

export function deleteSteps(work: DeleteWork): StepDraft[] {
  const live = work.live as LiveSharedBandwidth;
  const t = work.target;
  const out: StepDraft[] = [];
  if (work.disableProtection) out.push(protection(t, false));
  out.push(...sorted(work.detachFirst).map((id) => removeIp(t, id)));
  const remaining = live.members.filter((m) => !work.detachFirst.includes(m.id)).length;
  const force = remaining > 0;
  out.push(
    mk(t, {
      action: 'delete',
      description: force
        ? `Delete shared bandwidth package ${live.name} (Force: releases ${remaining} EIP${remaining === 1 ? '' : 's'} from it)`
        : `Delete shared bandwidth package ${live.name}`,
      apiAction: 'DeleteCommonBandwidthPackage',
      params: { BandwidthPackageId: t.id, Force: force ? 'true' : 'false' },
      until: [gone],
      doneCodes: ['InvalidBandwidthPackageId.NotFound'],
      busyCodes: [...BUSY, 'OperationFailed.AddIpTaskInProcessing'],
    }),
  );
  return out;
}

function attributeStep(
  t: StepTarget,
  changed: Map<string, unknown>,
  live: LiveSharedBandwidth,
): StepDraft | undefined {
  const name = changed.get('name');
  const description = changed.get('description');
  if (name === undefined && description === undefined) return undefined;
  const parts: string[] = [];
  if (typeof name === 'string') parts.push(`rename ${live.name} → ${name}`);
  if (typeof description === 'string') parts.push('set the description');
  return mk(t, {
    action: 'modify-attribute',
    description: capitalise(parts.join(' and ')),
    apiAction: 'ModifyCommonBandwidthPackageAttribute',
    params: defined({
      BandwidthPackageId: t.id,
      Name: typeof name === 'string' ? name : undefined,
      Description: typeof description === 'string' ? description : undefined,
    }),
  });
}

export function tagSteps(t: StepTarget, set: Record<string, string>, remove: string[]): StepDraft[] {
  return tagDiffSteps(mk, t, { set, remove }, { untagAction: 'UnTagResources', resourceType: RESOURCE_TYPE });
}

function protection(t: StepTarget, enable: boolean): StepDraft {
  return mk(t, {
    action: 'deletion-protection',
    description: `${enable ? 'Enable' : 'Disable'} deletion protection`,
    apiAction: 'DeletionProtection',
    params: { InstanceId: t.id, ProtectionEnable: enable, Type: 'CBWP' },
    clientToken: true,
  });
}

function specStep(t: StepTarget, from: number, to: number): StepDraft {
  return mk(t, {
    action: 'modify-spec',
    description: `${to > from ? 'Raise' : 'Lower'} bandwidth ${from} → ${to} Mbit/s`,
    apiAction: 'ModifyCommonBandwidthPackageSpec',
    params: { BandwidthPackageId: t.id, Bandwidth: String(to) },
    until: bandwidthIs(to),
    busyCodes: BUSY,
  });
}

function addIps(t: StepTarget, members: string[]): StepDraft[] {
  return chunk(sorted(members), ADD_IPS_BATCH).map((ids, i) =>
    mk(t, {
      action: 'add-ips',
      suffix: `add-ips:${i + 1}`,
      description: `Add ${ids.length} EIP${ids.length === 1 ? '' : 's'}: ${ids.join(', ')}`,
      apiAction: 'AddCommonBandwidthPackageIps',
      params: { BandwidthPackageId: t.id, IpInstanceIds: ids as StepParam[], IpType: 'EIP' },
      clientToken: true,
      locks: ids,
      until: membersBound(ids),
      doneCodes: ['IpInstanceId.AlreadyInBandwidthPackage', 'EIP_ALREADY_IN_BANDWIDTHPACKAGE'],
      busyCodes: BUSY_IP,
      attaches: ids,
    }),
  );
}

function removeIp(t: StepTarget, id: string): StepDraft {
  return mk(t, {
    action: 'remove-ip',
    suffix: `remove-ip:${id}`,
    description: `Remove EIP ${id}`,
    apiAction: 'RemoveCommonBandwidthPackageIp',
    params: { BandwidthPackageId: t.id, IpInstanceId: id },
    clientToken: true,
    locks: [id],
    until: membersGone([id]),
    doneCodes: ['OperationUnsupported.IpNotInCbwp'],
    busyCodes: [...BUSY, 'TaskConflict', 'IncorrectStatus.Eip', 'OperationFailed.DistibuteLock'],
    detaches: [id],
  });
}

function capStep(t: StepTarget, c: CapChange): StepDraft {
  const common = { locks: [c.member], until: capIs(c.member, c.after), busyCodes: BUSY_IP };
  if (c.after === null) {
    return mk(t, {
      ...common,
      action: 'cancel-ip-cap',
      suffix: `cancel-ip-cap:${c.member}`,
      description: `Cancel the per-IP cap on ${c.member}`,
      apiAction: 'CancelCommonBandwidthPackageIpBandwidth',
      params: { BandwidthPackageId: t.id, EipId: c.member },
    });
  }
  const from = typeof c.before === 'number' ? `${c.before} → ` : '';
  return mk(t, {
    ...common,
    action: 'set-ip-cap',
    suffix: `set-ip-cap:${c.member}`,
    description: `Cap ${c.member} at ${from}${c.after} Mbit/s`,
    apiAction: 'ModifyCommonBandwidthPackageIpBandwidth',
    params: { BandwidthPackageId: t.id, EipId: c.member, Bandwidth: String(c.after) },
  });
}

function byMember(a: CapChange, b: CapChange): number {
  return a.member.localeCompare(b.member);
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
