import type { Plan } from '../model/plan.js';
import type { ApplyResult, StepResult, StepStatus } from '../model/result.js';
import { countChanges } from './changes.js';
import { commentJson, escapeMarkdown } from './escape.js';
import { MARKDOWN_LIMIT } from './markdown.js';
import { type Palette, paletteFor } from './style.js';
import { cutLines, sizeOf } from './truncate.js';
import { plural } from './values.js';

export interface ApplyRenderOptions {
  plan?: Plan;
  color?: boolean;
}

const MARK: Record<StepStatus, string> = { done: '✓', failed: '✗', skipped: '-', 'not-started': '·' };
const MD_STATUS: Record<StepStatus, string> = {
  done: '✅ done',
  failed: '❌ failed',
  skipped: '⏭️ skipped',
  'not-started': '⏸️ not started',
};

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)}s`;
  const m = Math.floor(s / 60);
  return `${m}m${String(Math.round(s - m * 60)).padStart(2, '0')}s`;
}

/** "Apply complete! …" (Terraform's grammar) when converged, else what failed and what is left. */
export function outcomeLine(result: ApplyResult, plan?: Plan): string {
  if (result.converged) {
    if (plan === undefined) return `Apply complete! ${plural(result.totals.done, 'step')} done.`;
    const c = countChanges(plan);
    return `Apply complete! Resources: ${c.add} added, ${c.change} changed, ${c.destroy} destroyed.`;
  }
  const t = result.totals;
  const head = result.interrupted ? 'Apply interrupted' : 'Apply failed';
  return `${head}: ${t.done} done, ${t.failed} failed, ${t.skipped} skipped, ${t.not_started} not started.`;
}

function totalsLine(result: ApplyResult): string {
  return `${plural(result.steps.length, 'step')} in ${formatDuration(result.duration_ms)}, ${plural(result.totals.api_calls, 'API call')}.`;
}

function stepNumbers(result: ApplyResult): Map<string, number> {
  return new Map(result.steps.map((s, i) => [s.id, i + 1]));
}

function detail(step: StepResult, numbers: Map<string, number>): string {
  if (step.status === 'skipped') {
    const because = step.skipped_because;
    return because === undefined ? 'skipped' : `skipped: step ${numbers.get(because) ?? because} failed`;
  }
  if (step.status === 'not-started') return 'not started';
  const parts = [plural(step.attempts, 'attempt'), formatDuration(step.duration_ms)];
  if (step.error !== undefined) parts.push(`${step.error.code}: ${step.error.message}`);
  const ids = step.error?.request_id !== undefined ? [step.error.request_id] : step.request_ids;
  if (ids.length > 0) parts.push(`RequestId ${[...new Set(ids)].join(', ')}`);
  return parts.join(' · ');
}

export function renderApplyText(result: ApplyResult, options: ApplyRenderOptions = {}): string {
  const p = paletteFor(options.color);
  const numbers = stepNumbers(result);
  const width = String(result.steps.length).length;
  const lines = result.steps.map(
    (s, i) =>
      `  ${statusMark(s.status, p)} ${String(i + 1).padStart(width)}. ${s.address}: ${s.description}  ${p.dim(detail(s, numbers))}`,
  );
  const outcome = result.converged
    ? p.ok(outcomeLine(result, options.plan))
    : p.danger(outcomeLine(result, options.plan));
  const out = [...lines, '', outcome, totalsLine(result), ...remainingText(result)];
  return `${out.join('\n')}\n`;
}

function statusMark(status: StepStatus, p: Palette): string {
  if (status === 'done') return p.add(MARK.done);
  if (status === 'failed') return p.remove(MARK.failed);
  return p.dim(MARK[status]);
}

function remainingText(result: ApplyResult): string[] {
  if (result.converged) return [];
  const rows = result.remaining.map((a) => `  ${a}`);
  return [
    '',
    `Still to converge (${result.remaining.length}):`,
    ...rows,
    '',
    'Fix the cause and run `bwsync apply` again; it continues from the live state.',
  ];
}

export function renderApplyMarkdown(
  result: ApplyResult,
  options: ApplyRenderOptions & { limit?: number } = {},
): string {
  const numbers = stepNumbers(result);
  const marker = `<!-- bwsync: ${commentJson({ v: 1, kind: 'apply', stack: result.stack, plan_hash: result.plan_hash })} -->`;
  const head = [marker, `## bwsync apply · ${escapeMarkdown(result.stack)}`, ''];
  if (result.totals.failed > 0 || result.interrupted) {
    head.push(...cautionLines(result, numbers), '');
  }
  head.push(
    `**${escapeMarkdown(outcomeLine(result, options.plan))}** ${escapeMarkdown(totalsLine(result))}`,
    '',
  );
  const tableHead = ['| # | status | step | attempts | duration | details |', '|---|---|---|---|---|---|'];
  const rows = result.steps.map((s, i) => stepRow(s, i + 1, numbers));
  const tail = [
    ...remainingMarkdown(result),
    `<sub>plan ${escapeMarkdown(result.plan_hash)} · started ${escapeMarkdown(result.started_at)}</sub>`,
  ];
  const budget = (options.limit ?? MARKDOWN_LIMIT) - sizeOf(head) - sizeOf(tableHead) - sizeOf(tail) - 200;
  const body = cutLines(
    { lines: rows, keep: 'both', what: 'rows' },
    budget,
    (cut) => `| | | … ${cut} steps not listed here; see the JSON report | | | |`,
  );
  return `${[...head, ...tableHead, ...body, '', ...tail].join('\n')}\n`;
}

/** Failed steps on top, each with its code and RequestId, so nobody has to scan the table. */
function cautionLines(result: ApplyResult, numbers: Map<string, number>): string[] {
  const failed = result.steps.filter((s) => s.status === 'failed');
  const head = result.interrupted ? 'The apply was interrupted' : `${plural(failed.length, 'step')} failed`;
  const items = failed.slice(0, 10).map((s) => {
    const n = numbers.get(s.id) ?? '?';
    return `> - step ${n}, ${escapeMarkdown(s.address)}: ${escapeMarkdown(mdDetail(s, numbers))}`;
  });
  const more = failed.length > 10 ? [`> - … and ${failed.length - 10} more`] : [];
  return [
    '> [!CAUTION]',
    `> **${head}.** ${escapeMarkdown(`${result.totals.skipped} dependent steps were skipped.`)}`,
    ...items,
    ...more,
  ];
}

function stepRow(s: StepResult, n: number, numbers: Map<string, number>): string {
  const step = `${escapeMarkdown(s.address)}: ${escapeMarkdown(s.description)}`;
  const attempts = s.status === 'done' || s.status === 'failed' ? String(s.attempts) : '';
  const duration = attempts === '' ? '' : formatDuration(s.duration_ms);
  return `| ${n} | ${MD_STATUS[s.status]} | ${step} | ${attempts} | ${duration} | ${escapeMarkdown(mdDetail(s, numbers))} |`;
}

function mdDetail(s: StepResult, numbers: Map<string, number>): string {
  if (s.status === 'skipped' || s.status === 'not-started') return detail(s, numbers);
  const parts: string[] = [];
  if (s.error !== undefined) parts.push(`${s.error.code}: ${s.error.message}`);
  const ids = s.error?.request_id !== undefined ? [s.error.request_id] : s.request_ids;
  if (ids.length > 0) parts.push(`RequestId ${[...new Set(ids)].join(', ')}`);
  return parts.join(' · ');
}

function remainingMarkdown(result: ApplyResult): string[] {
  if (result.converged) return ['A fresh plan would show no changes.', ''];
  const shown = result.remaining.slice(0, 50).map((a) => `- ${escapeMarkdown(a)}`);
  const more = result.remaining.length > 50 ? [`- … and ${result.remaining.length - 50} more`] : [];
  return [
    `**Still to converge (${result.remaining.length}):**`,
    '',
    ...shown,
    ...more,
    '',
    'Run `bwsync apply` again after fixing the cause; it continues from the live state.',
    '',
  ];
}
