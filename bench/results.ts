import { writeFileSync } from 'node:fs';

/** One benchmark row, as written to bench/results.json (issue 8). */
export interface BenchResult {
  name: string;
  readCalls: number;
  minReadCalls: number;
  writeCalls: number;
  minWriteCalls: number;
  wallMs: number;
  lowerBoundMs: number;
  cpuMs: number;
  peakRssMb: number;
  /** Free-form facts that explain the row (scale, what set the bound, sampling). */
  notes?: Record<string, string | number | boolean>;
}

export interface BenchRun {
  startedAt: string;
  quick: boolean;
  machine: { cpus: number; cpuModel: string; node: string; platform: string; totalMemMb: number };
  /** What the scenarios ran with (see docs/performance.md, Settings). */
  settings: {
    latencyMs: number;
    asyncMs: number;
    emulatorQps: { read: number; write: number };
    clientShareOfQuota: number;
    rateLimits: boolean;
    applyConcurrency: number | 'default';
  };
  results: BenchResult[];
}

function ratio(actual: number, minimum: number): string {
  if (minimum <= 0) return actual === 0 ? '1.00' : '—';
  return (actual / minimum).toFixed(2);
}

const COLUMNS = [
  'scenario',
  'reads',
  'min',
  'ratio',
  'writes',
  'min',
  'ratio',
  'wall ms',
  'bound ms',
  'ratio',
  'cpu ms',
  'peak MB',
];

export function tableHeader(): string {
  return formatRow(COLUMNS);
}

export function tableRow(r: BenchResult): string {
  return formatRow([
    r.name,
    String(r.readCalls),
    String(r.minReadCalls),
    ratio(r.readCalls, r.minReadCalls),
    String(r.writeCalls),
    String(r.minWriteCalls),
    ratio(r.writeCalls, r.minWriteCalls),
    String(Math.round(r.wallMs)),
    String(Math.round(r.lowerBoundMs)),
    r.lowerBoundMs > 0 ? ratio(r.wallMs, r.lowerBoundMs) : '—',
    String(Math.round(r.cpuMs)),
    r.peakRssMb.toFixed(0),
  ]);
}

const WIDTHS = [22, 8, 8, 6, 7, 7, 6, 9, 9, 6, 8, 8];

function formatRow(cells: string[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(WIDTHS[i] ?? 8) : c.padStart(WIDTHS[i] ?? 8))).join(' ');
}

/** Markdown table of the same rows, for docs/performance.md. */
export function markdownTable(results: BenchResult[]): string {
  const head = `| ${COLUMNS.join(' | ')} |\n|${COLUMNS.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`;
  const rows = results.map((r) => `| ${tableRow(r).split(/\s+/).join(' | ')} |`);
  return [head, ...rows].join('\n');
}

export function writeResults(path: string, run: BenchRun): void {
  writeFileSync(path, `${JSON.stringify(run, null, 2)}\n`);
}
