import type { DesiredGaBandwidth } from '../../model/desired.js';
import type { LiveGaBandwidth } from '../../model/live.js';
import { defined, sorted, stepMaker, tagDiffSteps, tagParams } from '../common/steps.js';
import { NAME_TAG } from '../common/wire.js';
import type { CreateWork, DeleteWork, StepDraft, StepTarget, UpdateWork } from '../types.js';
import { API_REGION, RESOURCE_TYPE } from './fields.js';
import { active, BUSY, bandwidthIs, bound, gone, steady, TIMEOUT_MS, unbound } from './waits.js';

const mk = stepMaker({ kind: 'gaBandwidth', product: 'ga', apiRegion: API_REGION, timeoutMs: TIMEOUT_MS });

export function createSteps(work: CreateWork): StepDraft[] {
  const d = work.desired as DesiredGaBandwidth;
  const t = work.target;
  const type = d.type ?? 'Basic';
  const out = [
    mk(t, {
      action: 'create',
      description: `Create GA bandwidth plan ${d.name} (${d.bandwidth} Mbit/s, ${type})`,
      apiAction: 'CreateBandwidthPackage',
      params: defined({
        Bandwidth: d.bandwidth,
        Type: type,
        // BandwidthType is required for Basic plans; Basic is the cheapest, documented default.
        BandwidthType: d.bandwidthType ?? (type === 'Basic' ? 'Basic' : undefined),
        ChargeType: d.chargeType,
        BillingType: d.billingType,
        Ratio: d.ratio,
        PricingCycle: d.pricingCycle,
        Duration: d.period === undefined ? undefined : String(d.period),
        AutoPay: true,
        AutoRenew: d.autoRenew,
        AutoRenewDuration: d.autoRenewDuration,
        Tag: tagParams({ ...work.tags, [NAME_TAG]: d.name }),
      }),
      clientToken: true,
      until: [active],
    }),
    // CreateBandwidthPackage takes no name: set it (and the description) right after.
    update(t, 'set-name', `Name the plan ${d.name}`, { Name: d.name, Description: d.description }),
  ];
  out.push(...sorted(work.members).map((acc) => addAccelerator(t, acc)));
  return out;
}

export function updateSteps(work: UpdateWork): StepDraft[] {
  const live = work.live as LiveGaBandwidth;
  const t = work.target;
  const changed = new Map(work.changes.map((c) => [c.field, c.after]));
  const out: StepDraft[] = [];
  const name = changed.get('name');
  const description = changed.get('description');
  if (typeof name === 'string' || typeof description === 'string') {
    const what = typeof name === 'string' ? `Rename ${live.name} → ${name}` : 'Set the description';
    out.push(
      update(t, 'modify-attribute', what, {
        Name: typeof name === 'string' ? name : undefined,
        Description: typeof description === 'string' ? description : undefined,
      }),
    );
  }
  out.push(...tagSteps(t, work.tagsSet, work.tagsRemove));
  out.push(...sorted(work.removeMembers).map((acc) => removeAccelerator(t, acc)));
  const bw = changed.get('bandwidth');
  if (typeof bw === 'number') {
    const verb = bw > live.bandwidth ? 'Raise' : 'Lower';
    out.push(
      update(
        t,
        'modify-spec',
        `${verb} bandwidth ${live.bandwidth} → ${bw} Mbit/s`,
        { Bandwidth: bw },
        bandwidthIs(bw),
      ),
    );
  }
  const bt = changed.get('bandwidthType');
  if (typeof bt === 'string') {
    out.push(
      update(
        t,
        'modify-bandwidth-type',
        `Change bandwidth type ${live.bandwidthType ?? '?'} → ${bt}`,
        { BandwidthType: bt },
        [steady],
      ),
    );
  }
  out.push(...sorted(work.addMembers).map((acc) => addAccelerator(t, acc)));
  return out;
}

export function deleteSteps(work: DeleteWork): StepDraft[] {
  const live = work.live as LiveGaBandwidth;
  const t = work.target;
  // A bound plan cannot be deleted (BindExist.BandwidthPackage): remove every accelerator first.
  const accs = sorted(new Set([...live.members.map((m) => m.id), ...work.detachFirst]));
  return [
    ...accs.map((acc) => removeAccelerator(t, acc)),
    mk(t, {
      action: 'delete',
      description: `Delete GA bandwidth plan ${live.name}`,
      apiAction: 'DeleteBandwidthPackage',
      params: { BandwidthPackageId: t.id },
      clientToken: true,
      until: [gone],
      doneCodes: ['NotExist.BandwidthPackage'],
      busyCodes: [...BUSY, 'BindExist.BandwidthPackage'],
    }),
  ];
}

function update(
  t: StepTarget,
  action: string,
  description: string,
  params: Record<string, string | number | undefined>,
  until: ReturnType<typeof bandwidthIs> = [],
): StepDraft {
  return mk(t, {
    action,
    description,
    apiAction: 'UpdateBandwidthPackage',
    params: defined({ BandwidthPackageId: t.id, ...params }),
    until,
    busyCodes: [...BUSY, 'UpgradeError.BandwidthPackage'],
  });
}

function addAccelerator(t: StepTarget, acc: string): StepDraft {
  return mk(t, {
    action: 'add-accelerator',
    suffix: `add-accelerator:${acc}`,
    description: `Bind accelerator ${acc}`,
    apiAction: 'BandwidthPackageAddAccelerator',
    params: { BandwidthPackageId: t.id, AcceleratorId: acc },
    locks: [acc],
    until: bound(acc),
    busyCodes: [...BUSY, 'NotExist.BasicBandwidthPackage'],
    attaches: [acc],
  });
}

function removeAccelerator(t: StepTarget, acc: string): StepDraft {
  return mk(t, {
    action: 'remove-accelerator',
    suffix: `remove-accelerator:${acc}`,
    description: `Unbind accelerator ${acc}`,
    apiAction: 'BandwidthPackageRemoveAccelerator',
    params: { BandwidthPackageId: t.id, AcceleratorId: acc },
    locks: [acc],
    until: unbound(acc),
    busyCodes: BUSY,
    detaches: [acc],
  });
}

function tagSteps(t: StepTarget, set: Record<string, string>, remove: string[]): StepDraft[] {
  return tagDiffSteps(mk, t, { set, remove }, { untagAction: 'UntagResources', resourceType: RESOURCE_TYPE });
}
