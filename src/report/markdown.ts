import type { Plan, ResourceChange } from '../model/plan.js';
import {
  type ChangeKind,
  changeKind,
  countChanges,
  hasChanges,
  NO_CHANGES,
  orderedChanges,
  reasonText,
  summaryLine,
} from './changes.js';
import { type DiffLine, resourceDiff } from './diff-lines.js';
import { commentJson, escapeCode, escapeMarkdown, fenceFor } from './escape.js';
import { PLAIN } from './style.js';
import { stepLines, unmanagedReason } from './text.js';
import { type Cuttable, cutLines, shareBudget, sizeOf } from './truncate.js';
import { inlineValue, isMultiLine, plural } from './values.js';

/** GitHub refuses comments over 65,536 characters; stay well under with room for a header. */
export const MARKDOWN_LIMIT = 60_000;

export interface MarkdownOptions {
  /** Maximum characters; MARKDOWN_LIMIT by default. */
  limit?: number;
}

const ICON: Record<ChangeKind, string> = {
  delete: '🔴 `-`',
  replace: '🟠 `-/+`',
  update: '🟡 `~`',
  create: '🟢 `+`',
  'no-op': '⚪',
};

/** The PR-comment layout (ux-anchors §2.7): summary and table first, destroys on top. */
export function renderPlanMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  const limit = options.limit ?? MARKDOWN_LIMIT;
  const changes = orderedChanges(plan, { includeNoOp: false });
  const head = headLines(plan, changes);
  const tail = [
    `<sub>bwsync ${escapeMarkdown(plan.tool.version)} · plan ${escapeMarkdown(plan.plan_hash)}</sub>`,
  ];
  const lists: Section[] = [
    tableSection(changes),
    diffSection(plan, changes),
    stepsSection(plan),
    unmanagedSection(plan),
  ].filter((s): s is Section => s !== undefined);
  const fixed =
    sizeOf(head) + sizeOf(tail) + lists.reduce((n, s) => n + sizeOf(s.before) + sizeOf(s.after), 0);
  const budgets = shareBudget(
    lists.map((s) => sizeOf(s.body.lines)),
    limit - fixed - NOTE_RESERVE * lists.length,
  );
  const body = lists.flatMap((s, i) => [
    ...s.before,
    ...cutLines(s.body, budgets[i] ?? 0, s.note),
    ...s.after,
  ]);
  return `${[...head, ...body, ...tail].join('\n')}\n`;
}

/** Room kept per section for its "cut" note. */
const NOTE_RESERVE = 200;

interface Section {
  before: string[];
  body: Cuttable;
  after: string[];
  note: (cut: number) => string;
}

export function markerLine(plan: Plan): string {
  return `<!-- bwsync: ${commentJson({ v: 1, kind: 'plan', stack: plan.stack, plan_hash: plan.plan_hash })} -->`;
}

function headLines(plan: Plan, changes: ResourceChange[]): string[] {
  const lines = [markerLine(plan), `## bwsync plan · ${escapeMarkdown(plan.stack)}`, ''];
  lines.push(...cautionBlock(changes));
  if (plan.errors.length > 0) {
    lines.push(
      '> [!CAUTION]',
      `> **This plan has ${plural(plan.errors.length, 'error')} and cannot be applied:**`,
    );
    lines.push(
      ...capped(
        plan.errors.map((e) => `> - ${diagText(e)}`),
        20,
      ),
      '',
    );
  }
  if (plan.warnings.length > 0) {
    lines.push(
      '> [!WARNING]',
      ...capped(
        plan.warnings.map((w) => `> - ${diagText(w)}`),
        20,
      ),
      '',
    );
  }
  const counts = countChanges(plan);
  const extra = [
    counts.noOp > 0 ? `${counts.noOp} unchanged` : '',
    plan.unmanaged.length > 0 ? `${plan.unmanaged.length} unmanaged` : '',
  ].filter((s) => s !== '');
  const suffix = extra.length > 0 ? ` · ${extra.join(' · ')}` : '';
  const headline = hasChanges(plan)
    ? summaryLine(counts)
    : plan.errors.length > 0
      ? 'Plan failed: nothing can be applied until the errors above are fixed.'
      : NO_CHANGES;
  lines.push(`**${headline}**${suffix}`, '');
  return lines;
}

function cautionBlock(changes: ResourceChange[]): string[] {
  const risky = changes.filter((rc) => ['delete', 'replace'].includes(changeKind(rc)));
  if (risky.length === 0) return [];
  const destroyed = risky.filter((rc) => changeKind(rc) === 'delete').length;
  const replaced = risky.length - destroyed;
  const parts = [
    destroyed > 0 ? `${plural(destroyed, 'bandwidth package')} will be **destroyed**` : '',
    replaced > 0
      ? `${plural(replaced, 'bandwidth package')} will be **replaced** (destroyed, then created)`
      : '',
  ].filter((s) => s !== '');
  const items = risky.map(
    (rc) =>
      `> - ${changeKind(rc) === 'delete' ? 'destroy' : 'replace'} ${escapeMarkdown(rc.address)}${idText(rc)}`,
  );
  return ['> [!CAUTION]', `> ${parts.join('; ')}:`, ...capped(items, 20), ''];
}

function capped(lines: string[], max: number): string[] {
  if (lines.length <= max) return lines;
  return [...lines.slice(0, max), `> - … and ${lines.length - max} more (see the full diff)`];
}

function diagText(d: { code: string; address?: string; message: string }): string {
  const where = d.address === undefined ? '' : `${escapeMarkdown(d.address)}: `;
  return `${where}${escapeMarkdown(d.message)} (${escapeMarkdown(d.code)})`;
}

function idText(rc: ResourceChange): string {
  return rc.id === null ? '' : ` (${escapeMarkdown(rc.id)})`;
}

function tableSection(changes: ResourceChange[]): Section | undefined {
  if (changes.length === 0) return undefined;
  return {
    before: ['| | resource | region | change |', '|---|---|---|---|'],
    body: { lines: changes.map(tableRow), keep: 'head', what: 'rows' },
    after: [''],
    note: (cut) =>
      `| | … ${cut} more ${cut === 1 ? 'change' : 'changes'} not listed here | | see the job log |`,
  };
}

function tableRow(rc: ResourceChange): string {
  const kind = changeKind(rc);
  const name = rc.kind === 'sharedBandwidth' ? `${rc.kind}/${rc.name}` : rc.address;
  return `| ${ICON[kind]} | ${escapeMarkdown(name)}${idText(rc)} | ${escapeMarkdown(rc.region)} | ${changeText(rc, kind)} |`;
}

/** One short sentence per resource for the table; the details are in the diff. */
export function changeText(rc: ResourceChange, kind: ChangeKind = changeKind(rc)): string {
  const reason = reasonText(rc);
  if (kind === 'create') return 'create';
  if (kind === 'delete') return reason === undefined ? 'delete' : `delete (${escapeMarkdown(reason)})`;
  const attrs = rc.change.attributes.map((a) => {
    const forced = a.forces_replacement === true ? ' *(forces replacement)*' : '';
    return `${escapeMarkdown(a.field)} ${attributeDelta(a.before, a.after)}${forced}`;
  });
  return `${kind === 'replace' ? 'replace: ' : ''}${attrs.join('; ') || 'update'}`;
}

function attributeDelta(
  before: Parameters<typeof inlineValue>[0],
  after: Parameters<typeof inlineValue>[0],
): string {
  if (isMultiLine(before) || isMultiLine(after)) {
    const [b, a] = [setOf(before), setOf(after)];
    const added = [...a].filter((x) => !b.has(x)).length;
    const removed = [...b].filter((x) => !a.has(x)).length;
    return (
      [added > 0 ? `+${added}` : '', removed > 0 ? `−${removed}` : ''].filter((s) => s !== '').join(' ') ||
      'changed'
    );
  }
  return `${escapeMarkdown(inlineValue(before))} → ${escapeMarkdown(inlineValue(after))}`;
}

function setOf(value: Parameters<typeof inlineValue>[0]): Set<string> {
  if (Array.isArray(value)) return new Set(value.map(inlineValue));
  if (typeof value === 'object' && value !== null) {
    return new Set(Object.entries(value).map(([k, v]) => `${k}=${inlineValue(v)}`));
  }
  return new Set();
}

function diffSection(plan: Plan, changes: ResourceChange[]): Section | undefined {
  if (changes.length === 0) return undefined;
  const lines = changes.flatMap((rc) => [...resourceDiff(rc).map(diffFenceLine), '']);
  const fence = fenceFor(lines.join('\n'));
  const hidden = countChanges(plan).noOp;
  const title = `Full diff (${plural(changes.length, 'change')}${hidden > 0 ? `, ${hidden} unchanged hidden` : ''})`;
  return {
    before: [`<details><summary>${title}</summary>`, '', `${fence}diff`],
    body: { lines, keep: 'both', what: 'lines' },
    after: [fence, '</details>', ''],
    note: (cut) =>
      `# … ${cut} diff lines cut to fit a GitHub comment; run \`bwsync plan\` or see the job log for all of them …`,
  };
}

/** GitHub's diff highlighting reads column 0: `+` green, `-` red, `!` orange. */
function diffFenceLine(line: DiffLine): string {
  if (line.close === true) return `${' '.repeat(line.depth * 4 + 2)}${line.text}`;
  const sign = line.sign === '~' ? '!' : line.sign === '-/+' ? '!' : line.sign;
  const text = line.sign === '-/+' ? `-/+ ${line.text}` : line.text;
  return escapeCode(`${sign}${' '.repeat(line.depth * 4 + 1)}${text}`);
}

function stepsSection(plan: Plan): Section | undefined {
  if (plan.steps.length === 0) return undefined;
  const lines = stepLines(plan.steps, PLAIN).slice(1).map(escapeCode);
  const fence = fenceFor(lines.join('\n'));
  return {
    before: [
      `<details><summary>Steps (${plural(plan.steps.length, 'API call')}, in order)</summary>`,
      '',
      `${fence}text`,
    ],
    body: { lines, keep: 'both', what: 'steps' },
    after: [fence, '</details>', ''],
    note: (cut) => `  … ${cut} steps cut to fit a GitHub comment …`,
  };
}

function unmanagedSection(plan: Plan): Section | undefined {
  if (plan.unmanaged.length === 0) return undefined;
  const rows = plan.unmanaged.map(
    (u) =>
      `| ${escapeMarkdown(u.address)} | ${escapeMarkdown(u.id)} | ${escapeMarkdown(unmanagedReason(u.reason))} |`,
  );
  return {
    before: [
      `<details><summary>${plural(plan.unmanaged.length, 'unmanaged bandwidth package')} (reported, never touched)</summary>`,
      '',
      '| resource | id | why |',
      '|---|---|---|',
    ],
    body: { lines: rows, keep: 'head', what: 'rows' },
    after: ['', '</details>', ''],
    note: (cut) => `| … ${cut} more | | |`,
  };
}
