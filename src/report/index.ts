/**
 * Pure renderers: `render(plan | result, options) → string`. Nothing here prints; the CLI
 * decides the stream, the format and whether colour is allowed.
 */
import type { Plan } from '../model/plan.js';
import type { ApplyResult } from '../model/result.js';
import { renderApplyMarkdown, renderApplyText } from './apply.js';
import { renderApplyJson, renderPlanJson } from './json.js';
import { renderPlanMarkdown } from './markdown.js';
import { renderPlanText } from './text.js';

export type ReportFormat = 'text' | 'markdown' | 'json';
export const REPORT_FORMATS: readonly ReportFormat[] = ['text', 'markdown', 'json'];

export interface PlanRenderOptions {
  format: ReportFormat;
  /** ANSI colour; text format only, ignored for markdown and JSON. */
  color?: boolean;
  /** Terminal width for the text format. */
  width?: number;
  /** Character limit for markdown (default 60,000). */
  limit?: number;
}

export function renderPlan(plan: Plan, options: PlanRenderOptions): string {
  switch (options.format) {
    case 'json':
      return renderPlanJson(plan);
    case 'markdown':
      return renderPlanMarkdown(plan, { limit: options.limit });
    case 'text':
      return renderPlanText(plan, { color: options.color, width: options.width });
  }
}

export interface ApplyReportOptions {
  format: ReportFormat;
  /** The plan that was applied, for the "Resources: X added, …" line. */
  plan?: Plan;
  color?: boolean;
  limit?: number;
}

export function renderApplyReport(result: ApplyResult, options: ApplyReportOptions): string {
  switch (options.format) {
    case 'json':
      return renderApplyJson(result);
    case 'markdown':
      return renderApplyMarkdown(result, { plan: options.plan, limit: options.limit });
    case 'text':
      return renderApplyText(result, { plan: options.plan, color: options.color });
  }
}

/** `markdown` for `.md`, `json` otherwise: how `apply --report FILE` picks its format. */
export function reportFormatForPath(path: string): 'markdown' | 'json' {
  return /\.(md|markdown)$/i.test(path) ? 'markdown' : 'json';
}

export { formatDuration } from './apply.js';
export { countChanges, NO_CHANGES, summaryLine } from './changes.js';
export { MARKDOWN_LIMIT } from './markdown.js';
