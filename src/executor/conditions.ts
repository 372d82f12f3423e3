import type { LiveResource } from '../model/live.js';
import type { WaitCondition } from '../model/plan.js';

/** Statuses that mean "being deleted": the delete took effect, it just has not finished. */
const DELETING = new Set(['deleting', 'Deleting', 'DELETING', 'releasing', 'Releasing']);

/** Whether one wait condition holds for the resource as read (undefined = not found). */
export function holds(condition: WaitCondition, res: LiveResource | undefined): boolean {
  switch (condition.type) {
    case 'gone':
      return res === undefined;
    case 'status':
      return res !== undefined && condition.in.includes(res.status);
    case 'bandwidth':
      return res !== undefined && res.bandwidth === condition.equals;
    case 'members':
      return res !== undefined && membersHold(condition, res);
    case 'member-cap': {
      const member = res?.members.find((m) => m.id === condition.member);
      return member !== undefined && member.bandwidth === condition.cap;
    }
  }
}

function membersHold(condition: Extract<WaitCondition, { type: 'members' }>, res: LiveResource): boolean {
  const byId = new Map(res.members.map((m) => [m.id, m]));
  if (condition.present?.some((id) => !byId.has(id))) return false;
  if (condition.absent?.some((id) => byId.has(id))) return false;
  // `settled` names members that must be listed and out of any transition (BINDING → BINDED).
  return (condition.settled ?? []).every((id) => {
    const member = byId.get(id);
    return member !== undefined && !inTransition(member.status);
  });
}

/** BINDING, UNBINDING, binding, unbinding, Modifying …: the API's transitional spellings. */
export function inTransition(status: string | undefined): boolean {
  return status !== undefined && /ing$/i.test(status);
}

export function allHold(conditions: WaitCondition[], res: LiveResource | undefined): boolean {
  return conditions.every((c) => holds(c, res));
}

/** A readable form of the conditions for progress lines and timeout messages. */
export function describeConditions(conditions: WaitCondition[]): string {
  return conditions.length === 0 ? 'a settled state' : conditions.map(describeCondition).join(' and ');
}

function describeCondition(c: WaitCondition): string {
  switch (c.type) {
    case 'gone':
      return 'gone';
    case 'status':
      return `status ${c.in.join('|')}`;
    case 'bandwidth':
      return `bandwidth ${c.equals}`;
    case 'members': {
      const settled = new Set(c.settled ?? []);
      const both = (c.present ?? []).filter((id) => settled.has(id));
      const parts: string[] = [];
      if (both.length) parts.push(`${both.join(', ')} attached and settled`);
      const present = (c.present ?? []).filter((id) => !settled.has(id));
      if (present.length) parts.push(`${present.join(', ')} attached`);
      const onlySettled = [...settled].filter((id) => !(c.present ?? []).includes(id));
      if (onlySettled.length) parts.push(`${onlySettled.join(', ')} settled`);
      if (c.absent?.length) parts.push(`${c.absent.join(', ')} detached`);
      return parts.join(', ') || 'members';
    }
    case 'member-cap':
      return `${c.member} cap ${c.cap === null ? 'none' : c.cap}`;
  }
}

/**
 * After an ambiguous outcome (the request may or may not have been carried out), whether the
 * live resource shows the step's effect. Only conditions that a step changes count as
 * evidence; a `status` condition (e.g. `Available`) held before the step too, so it proves
 * nothing. Returns undefined when the wait has no such evidence to look at; the caller then
 * re-sends the call, which is safe for those steps (value-setting calls, or done_codes).
 */
export function effectVisible(
  conditions: WaitCondition[],
  res: LiveResource | undefined,
): boolean | undefined {
  const evidence = conditions.filter((c) => c.type !== 'status');
  if (evidence.length === 0) return undefined;
  return evidence.every((c) => effectOf(c, res));
}

function effectOf(condition: WaitCondition, res: LiveResource | undefined): boolean {
  if (condition.type === 'gone') return res === undefined || DELETING.has(res.status);
  if (condition.type === 'members') {
    // A member in BINDING already counts as added; settling is the wait's job.
    return res !== undefined && membersHold({ ...condition, settled: [] }, res);
  }
  return holds(condition, res);
}
