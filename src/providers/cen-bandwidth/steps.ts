import type { DesiredCenBandwidth } from '../../model/desired.js';
import type { LiveCenBandwidth } from '../../model/live.js';
import { defined, sorted, stepMaker, tagDiffSteps, tagParams } from '../common/steps.js';
import type { CreateWork, DeleteWork, StepDraft, StepTarget, UpdateWork } from '../types.js';
import { API_REGION, RESOURCE_TYPE } from './fields.js';
import {
  associated,
  BUSY,
  BUSY_ASSOC,
  bandwidthIs,
  gone,
  settled,
  TIMEOUT_MS,
  unassociated,
} from './waits.js';

const mk = stepMaker({ kind: 'cenBandwidth', product: 'cbn', apiRegion: API_REGION, timeoutMs: TIMEOUT_MS });

export function createSteps(work: CreateWork): StepDraft[] {
  const d = work.desired as DesiredCenBandwidth;
  const t = work.target;
  const [a, b] = d.areas ?? ['', ''];
  return [
    mk(t, {
      action: 'create',
      description: `Create CEN bandwidth package ${d.name} (${d.bandwidth} Mbit/s, ${a} ↔ ${b})`,
      apiAction: 'CreateCenBandwidthPackage',
      params: defined({
        Bandwidth: d.bandwidth,
        GeographicRegionAId: a,
        GeographicRegionBId: b,
        BandwidthPackageChargeType: d.chargeType,
        Period: d.period,
        PricingCycle: d.pricingCycle,
        // Without AutoPay a prepaid order waits for payment in the console and never appears.
        AutoPay: true,
        AutoRenew: d.autoRenew,
        AutoRenewDuration: d.autoRenewDuration,
        Name: d.name,
        // CBN rejects an empty description (InvalidParameter.Description): leave it out.
        Description: d.description === '' ? undefined : d.description,
        Tag: tagParams(work.tags),
      }),
      clientToken: true,
      until: [settled],
    }),
    ...sorted(work.members).map((cen) => associate(t, cen)),
  ];
}

export function updateSteps(work: UpdateWork): StepDraft[] {
  const live = work.live as LiveCenBandwidth;
  const t = work.target;
  const changed = new Map(work.changes.map((c) => [c.field, c.after]));
  const out: StepDraft[] = [];
  const name = changed.get('name');
  const description = changed.get('description');
  if (typeof name === 'string' || typeof description === 'string') {
    out.push(
      mk(t, {
        action: 'modify-attribute',
        description: typeof name === 'string' ? `Rename ${live.name} → ${name}` : 'Set the description',
        apiAction: 'ModifyCenBandwidthPackageAttribute',
        params: defined({
          CenBandwidthPackageId: t.id,
          Name: typeof name === 'string' ? name : undefined,
          Description: typeof description === 'string' ? description : undefined,
        }),
        busyCodes: BUSY,
      }),
    );
  }
  out.push(...tagSteps(t, work.tagsSet, work.tagsRemove));
  out.push(...sorted(work.removeMembers).map((cen) => unassociate(t, cen)));
  const bw = changed.get('bandwidth');
  if (typeof bw === 'number') {
    out.push(
      mk(t, {
        action: 'modify-spec',
        description: `${bw > live.bandwidth ? 'Raise' : 'Lower'} bandwidth ${live.bandwidth} → ${bw} Mbit/s`,
        apiAction: 'ModifyCenBandwidthPackageSpec',
        params: { CenBandwidthPackageId: t.id, Bandwidth: bw },
        until: bandwidthIs(bw),
        busyCodes: [...BUSY, 'OperationFailed.OrderIsProcessing'],
      }),
    );
  }
  out.push(...sorted(work.addMembers).map((cen) => associate(t, cen)));
  return out;
}

export function deleteSteps(work: DeleteWork): StepDraft[] {
  const live = work.live as LiveCenBandwidth;
  const t = work.target;
  // The API refuses to delete a package that is still associated: unassociate every CEN first.
  const cens = sorted(new Set([...live.members.map((m) => m.id), ...work.detachFirst]));
  return [
    ...cens.map((cen) => unassociate(t, cen)),
    mk(t, {
      action: 'delete',
      description: `Delete CEN bandwidth package ${live.name}`,
      apiAction: 'DeleteCenBandwidthPackage',
      params: { CenBandwidthPackageId: t.id },
      until: [gone],
      doneCodes: ['ParameterBwpInstanceId'],
      busyCodes: ['InvalidOperation.CenBandwidthLimitsNotZero', 'InvalidOperation.BwpInstanceStatus'],
    }),
  ];
}

function associate(t: StepTarget, cen: string): StepDraft {
  return mk(t, {
    action: 'associate',
    suffix: `associate:${cen}`,
    description: `Associate with CEN ${cen}`,
    apiAction: 'AssociateCenBandwidthPackage',
    params: { CenId: cen, CenBandwidthPackageId: t.id },
    locks: [cen],
    until: associated(cen),
    busyCodes: BUSY_ASSOC,
    attaches: [cen],
  });
}

function unassociate(t: StepTarget, cen: string): StepDraft {
  return mk(t, {
    action: 'unassociate',
    suffix: `unassociate:${cen}`,
    description: `Unassociate from CEN ${cen}`,
    apiAction: 'UnassociateCenBandwidthPackage',
    params: { CenId: cen, CenBandwidthPackageId: t.id },
    locks: [cen],
    until: unassociated(cen),
    busyCodes: [...BUSY_ASSOC, 'InvalidOperation.CenBandwidthLimitsNotZero'],
    detaches: [cen],
  });
}

function tagSteps(t: StepTarget, set: Record<string, string>, remove: string[]): StepDraft[] {
  return tagDiffSteps(mk, t, { set, remove }, { untagAction: 'UntagResources', resourceType: RESOURCE_TYPE });
}
