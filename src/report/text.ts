import type { Plan, PlanDiagnostic, Step, UnmanagedResource } from '../model/plan.js';
import {
  type ChangeKind,
  changeKind,
  countChanges,
  hasChanges,
  LEGEND,
  NO_CHANGES,
  orderedChanges,
  SYMBOL,
  summaryLine,
} from './changes.js';
import { type DiffLine, resourceDiff } from './diff-lines.js';
import { type Palette, paletteFor } from './style.js';
import { plural } from './values.js';

/** Terraform's legend order. */
const LEGEND_ORDER: readonly ChangeKind[] = ['create', 'update', 'delete', 'replace'];

export interface TextOptions {
  color?: boolean;
  /** Terminal width for rules; 80 when unknown. */
  width?: number;
}

/** The terminal plan: Terraform's vocabulary and layout, colour only when asked. */
export function renderPlanText(plan: Plan, options: TextOptions = {}): string {
  const p = paletteFor(options.color);
  const out: string[] = [];
  if (hasChanges(plan)) out.push(...legend(plan, p), ...resources(plan, p));
  out.push(...unmanagedSection(plan.unmanaged, p), ...diagnostics(plan, p));
  out.push(summarySection(plan, p));
  // A full-width rule, as Terraform draws, separates what changes from how it is done.
  const rule = p.dim('─'.repeat(Math.max(20, Math.min(options.width ?? 80, 120))));
  if (plan.steps.length > 0) out.push('', rule, ...stepLines(plan.steps, p));
  return `${out.join('\n')}\n`;
}

function legend(plan: Plan, p: Palette): string[] {
  const present = new Set(plan.resource_changes.map(changeKind));
  const kinds = LEGEND_ORDER.filter((k) => present.has(k));
  return [
    'bwsync compared the configuration with the live state. Resource actions are indicated with the',
    'following symbols:',
    ...kinds.map((k) => `${colorSign(SYMBOL[k].padStart(3), p)} ${LEGEND[k]}`),
    '',
    `bwsync will perform the following actions on stack ${p.bold(JSON.stringify(plan.stack))}:`,
    '',
  ];
}

function resources(plan: Plan, p: Palette): string[] {
  const out: string[] = [];
  for (const rc of orderedChanges(plan, { includeNoOp: false })) {
    out.push(...resourceDiff(rc).map((line) => textLine(line, p)), '');
  }
  const noOp = countChanges(plan).noOp;
  if (noOp > 0) out.push(p.dim(`# (${plural(noOp, 'bandwidth package')} unchanged, not shown)`), '');
  return out;
}

/** Terraform's layout: a 3-column sign field, four spaces per nesting level. */
export function textLine(line: DiffLine, p: Palette): string {
  if (line.close === true) return `${' '.repeat(line.depth * 4 + 4)}${line.text}`;
  if (line.note === true) {
    const indent = line.depth === 0 ? '  ' : ' '.repeat(line.depth * 4 + 4);
    return line.depth === 0 ? p.bold(`${indent}${line.text}`) : p.dim(`${indent}${line.text}`);
  }
  const sign = line.sign.padStart(3);
  return `${' '.repeat(line.depth * 4)}${colorSign(sign, p)} ${colorText(line, p)}`;
}

function colorText(line: DiffLine, p: Palette): string {
  const hash = line.text.indexOf(' # ');
  if (hash < 0) return line.text;
  const tail = line.text.slice(hash + 1);
  const styled = tail.startsWith('# forces replacement') ? p.danger(tail) : p.dim(tail);
  return `${line.text.slice(0, hash)} ${styled}`;
}

function colorSign(sign: string, p: Palette): string {
  return sign
    .replace('+', p.add('+'))
    .replace(/-(?!\u001b)/, p.remove('-'))
    .replace('~', p.change('~'));
}

function unmanagedSection(unmanaged: UnmanagedResource[], p: Palette): string[] {
  if (unmanaged.length === 0) return [];
  const head = `${plural(unmanaged.length, 'bandwidth package')} in the account ${unmanaged.length === 1 ? 'is' : 'are'} not managed by this stack (reported, never touched):`;
  const rows = unmanaged.map((u) => `  ${p.dim('?')} ${u.address}  ${u.id}  (${unmanagedReason(u.reason)})`);
  return [p.bold('Unmanaged:'), `  ${head}`, ...rows, ''];
}

export function unmanagedReason(reason: string): string {
  if (reason === 'untagged') return 'no bwsync:stack tag';
  if (reason === 'other-stack') return 'tagged for another stack';
  if (reason === 'undeclared') return 'tagged for this stack but not declared; --prune would delete it';
  return reason;
}

function diagnostics(plan: Plan, p: Palette): string[] {
  const out: string[] = [];
  if (plan.warnings.length > 0)
    out.push(p.warn(p.bold('Warnings:')), ...plan.warnings.map((w) => diagLine(w, p.warn('!'))), '');
  if (plan.errors.length > 0) {
    out.push(
      p.danger('Errors (this plan cannot be applied):'),
      ...plan.errors.map((e) => diagLine(e, p.danger('x'))),
      '',
    );
  }
  return out;
}

function diagLine(d: PlanDiagnostic, mark: string): string {
  const where = d.address === undefined ? '' : `${d.address}: `;
  return `  ${mark} ${where}${d.message} [${d.code}]`;
}

function summarySection(plan: Plan, p: Palette): string {
  if (plan.errors.length > 0) {
    const n = plan.errors.length;
    return p.danger(
      `Plan failed: ${n} ${n === 1 ? 'error' : 'errors'} above must be fixed before anything can be applied.`,
    );
  }
  if (!hasChanges(plan)) return p.ok(NO_CHANGES);
  return p.bold(summaryLine(countChanges(plan)));
}

/** The ordered API calls, numbered, each with the numbers of the steps it waits for. */
export function stepLines(steps: Step[], p: Palette): string[] {
  const index = new Map(steps.map((s, i) => [s.id, i + 1]));
  const width = String(steps.length).length;
  const lines = [p.bold(`Steps (${steps.length}, in order):`)];
  steps.forEach((step, i) => {
    const after = step.depends_on.map((d) => index.get(d) ?? d).join(', ');
    const deps = after === '' ? '' : p.dim(` (after ${after})`);
    const wait = step.wait === undefined ? '' : p.dim(' then wait');
    lines.push(
      `  ${String(i + 1).padStart(width)}. ${step.address}: ${step.description} ${p.dim(`[${step.api.product}:${step.api.action}]`)}${wait}${deps}`,
    );
  });
  return lines;
}
