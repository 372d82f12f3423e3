import type { EventSink, ExecEvent } from '../model/events.js';
import { formatDuration } from '../report/apply.js';
import { type Palette, paletteFor } from '../report/style.js';
import type { CliIO } from './io.js';

export interface ProgressOptions {
  /** Live redrawn view (stderr is a terminal) or one plain line per event. */
  tty: boolean;
  total: number;
  /** ANSI colour in the live view; defaults to on unless NO_COLOR is set. Never used off a TTY. */
  color?: boolean;
  /** Plain mode: a "Still applying…" line this often (ms). */
  heartbeatMs?: number;
  /** Live mode: at most one redraw this often (ms). */
  redrawMs?: number;
  /** Live mode: terminal width; lines are clipped to it so redraws count rows right. */
  columns?: number;
  now?: () => number;
}

export interface Progress {
  sink: EventSink;
  /** Stops timers and leaves the terminal clean; safe to call twice. */
  stop(): void;
}

interface Running {
  label: string;
  started: number;
  note?: string;
}

interface State {
  total: number;
  done: number;
  failed: number;
  skipped: number;
  started: number;
  running: Map<string, Running>;
  labels: Map<string, string>;
}

const MAX_RUNNING_SHOWN = 6;

/**
 * Whether stderr deserves the live view: a terminal that is not `dumb`, outside CI (CI logs
 * keep every byte, so redraws would only pile up there).
 */
export function wantsLiveProgress(io: CliIO): boolean {
  const ci = io.env.CI;
  return (
    io.stderr.isTTY === true && io.env.TERM !== 'dumb' && (ci === undefined || ci === '' || ci === 'false')
  );
}

/** Apply progress on stderr: Terraform-style lines and heartbeat, or a live view on a TTY. */
export function createProgress(io: CliIO, options: ProgressOptions): Progress {
  const now = options.now ?? Date.now;
  const state: State = {
    total: options.total,
    done: 0,
    failed: 0,
    skipped: 0,
    started: now(),
    running: new Map(),
    labels: new Map(),
  };
  const write = (s: string) => {
    io.stderr.write(s);
  };
  if (!options.tty) return plainProgress(state, write, now, options.heartbeatMs ?? 10_000);
  const color = options.color ?? (io.env.NO_COLOR === undefined || io.env.NO_COLOR === '');
  // A pseudo-terminal without a size reports 0 columns; treat that as unknown.
  const columns =
    options.columns ?? (io.stderr.columns !== undefined && io.stderr.columns > 0 ? io.stderr.columns : 80);
  return liveProgress(state, write, now, {
    palette: paletteFor(color),
    redrawMs: options.redrawMs ?? 100,
    columns,
  });
}

/**
 * Updates counts and the running set; returns the line to log for this event, if any. Times
 * come from our own clock (`at`), so the executor's timestamps may be of any origin.
 */
function apply(state: State, event: ExecEvent, p: Palette, at: number): string | undefined {
  switch (event.type) {
    case 'apply-started':
      state.total = event.total;
      state.started = at;
      return `Applying ${event.total} ${event.total === 1 ? 'step' : 'steps'}…`;
    case 'step-started': {
      const label = `${event.address}: ${event.description}`;
      state.labels.set(event.step, label);
      state.running.set(event.step, { label, started: at });
      return `${label}…`;
    }
    case 'step-retry': {
      const note = `retry ${event.attempt} after ${event.code}, in ${formatDuration(event.delay_ms)}`;
      setNote(state, event.step, note);
      return `${labelOf(state, event.step)}: ${note}`;
    }
    case 'step-waiting':
      setNote(state, event.step, `waiting for ${event.condition}`);
      return `${labelOf(state, event.step)}: waiting for ${event.condition}`;
    case 'step-done':
      state.done += 1;
      state.running.delete(event.step);
      return `${p.add('✓')} ${labelOf(state, event.step)}: done after ${formatDuration(event.duration_ms)} ${counter(state)}`;
    case 'step-failed': {
      state.failed += 1;
      state.running.delete(event.step);
      const rid = event.request_id === undefined ? '' : ` (RequestId ${event.request_id})`;
      return `${p.remove('✗')} ${labelOf(state, event.step)}: failed: ${event.code}: ${event.message}${rid}`;
    }
    case 'step-skipped':
      state.skipped += 1;
      return `${p.dim('-')} ${labelOf(state, event.step)}: skipped, because ${labelOf(state, event.because)} failed`;
    case 'interrupted':
      return `Interrupt received (${event.signal}): starting no new steps, waiting for ${event.in_flight} in flight.`;
    case 'apply-finished':
      return `Finished: ${event.done} done, ${event.failed} failed, ${event.skipped} skipped.`;
  }
}

function setNote(state: State, step: string, note: string): void {
  const running = state.running.get(step);
  if (running !== undefined) running.note = note;
}

function labelOf(state: State, step: string): string {
  return state.labels.get(step) ?? step;
}

function counter(state: State): string {
  return `[${state.done + state.failed + state.skipped}/${state.total}]`;
}

function elapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}m${String(s % 60).padStart(2, '0')}s`;
}

function plainProgress(
  state: State,
  write: (s: string) => void,
  now: () => number,
  heartbeatMs: number,
): Progress {
  const sink: EventSink = (event) => {
    const line = apply(state, event, paletteFor(false), now());
    if (line !== undefined) write(`${line}\n`);
  };
  const heartbeat = setInterval(() => {
    if (state.running.size === 0) return;
    const names = [...state.running.values()].map((r) => r.label.split(':')[0]).slice(0, 3);
    const more = state.running.size > 3 ? `, +${state.running.size - 3} more` : '';
    write(
      `Still applying... [${state.done}/${state.total} done, ${state.running.size} running: ${names.join(', ')}${more}; ${elapsed(now() - state.started)} elapsed]\n`,
    );
  }, heartbeatMs);
  heartbeat.unref();
  return { sink, stop: () => clearInterval(heartbeat) };
}

interface LiveOptions {
  palette: Palette;
  redrawMs: number;
  columns: number;
}

/**
 * Finished steps scroll above; a status block below them is redrawn in place (cursor up,
 * clear to end), at most once per `redrawMs` and once a second for the clock.
 */
function liveProgress(
  state: State,
  write: (s: string) => void,
  now: () => number,
  options: LiveOptions,
): Progress {
  const p = options.palette;
  let drawn = 0;
  let pending: NodeJS.Timeout | undefined;
  let stopped = false;
  const erase = () => (drawn > 0 ? `\r\u001b[${drawn}A\u001b[J` : '');
  const draw = () => {
    pending = undefined;
    const block = statusBlock(state, now(), p).map((l) => clip(l, options.columns));
    write(`${erase()}${block.join('\n')}\n`);
    drawn = block.length;
  };
  const schedule = () => {
    if (pending === undefined && !stopped) pending = setTimeout(draw, options.redrawMs);
  };
  const sink: EventSink = (event) => {
    const line = apply(state, event, p, now());
    const permanent = ['step-done', 'step-failed', 'step-skipped', 'interrupted'].includes(event.type);
    if (permanent && line !== undefined && !stopped) {
      write(`${erase()}${line}\n`);
      drawn = 0;
      draw();
      return;
    }
    schedule();
  };
  const clock = setInterval(draw, 1000);
  clock.unref();
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearInterval(clock);
    if (pending !== undefined) clearTimeout(pending);
    const final = clip(statusBlock(state, now(), p)[0] ?? '', options.columns);
    write(`${erase()}${final}\n`);
    drawn = 0;
  };
  return { sink, stop };
}

function statusBlock(state: State, at: number, p: Palette): string[] {
  const parts = [
    p.add(`${state.done} done`),
    `${state.running.size} running`,
    state.failed > 0 ? p.remove(`${state.failed} failed`) : '',
    state.skipped > 0 ? p.dim(`${state.skipped} skipped`) : '',
  ].filter((s) => s !== '');
  const head = `${p.bold('Applying')} ${state.done + state.failed + state.skipped}/${state.total} · ${parts.join(' · ')} · ${elapsed(at - state.started)} elapsed`;
  const running = [...state.running.values()];
  const rows = running.slice(0, MAX_RUNNING_SHOWN).map((r) => {
    const note = r.note === undefined ? '' : p.dim(` (${r.note})`);
    return `  ${p.change('▸')} ${r.label} ${p.dim(elapsed(at - r.started))}${note}`;
  });
  if (running.length > MAX_RUNNING_SHOWN)
    rows.push(p.dim(`  … and ${running.length - MAX_RUNNING_SHOWN} more`));
  return [head, ...rows];
}

/**
 * Cuts a line to fewer visible characters than the terminal is wide, so it never wraps and
 * "cursor up N" always lands on the block's first row. ANSI sequences are kept and not counted.
 */
export function clip(line: string, columns: number): string {
  const max = Math.max(10, columns - 1);
  let visible = 0;
  let out = '';
  for (let i = 0; i < line.length; ) {
    const sgr = /^\u001b\[[0-9;?]*[A-Za-z]/.exec(line.slice(i));
    if (sgr !== null) {
      out += sgr[0];
      i += sgr[0].length;
      continue;
    }
    const char = String.fromCodePoint(line.codePointAt(i) ?? 32);
    if (visible === max - 1 && i + char.length < line.length) return `${out}…\u001b[0m`;
    out += char;
    visible += 1;
    i += char.length;
  }
  return out;
}
