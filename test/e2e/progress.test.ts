import { PassThrough, Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { clip, createProgress, wantsLiveProgress } from '../../src/cli/progress.js';
import type { ExecEvent } from '../../src/model/events.js';
import { ANSI_PATTERN, stripAnsi } from '../../src/report/style.js';

/** A stderr that records what was written; `isTTY` makes it look like a terminal. */
function capture(tty: boolean): { io: CliIO; text: () => string } {
  let out = '';
  const stderr = Object.assign(
    new Writable({
      write(chunk: Buffer | string, _enc, done) {
        out += chunk.toString();
        done();
      },
    }),
    { isTTY: tty, columns: 100 },
  );
  const io: CliIO = { stdout: new PassThrough(), stderr, stdin: new PassThrough(), env: {}, cwd: '/' };
  return { io, text: () => out };
}

const A = 'sharedBandwidth/cn-hangzhou/web:create:1';
const B = 'sharedBandwidth/cn-hangzhou/web:add-ips:1';
const C = 'cenBandwidth/hz-sg:create:1';
const D = 'cenBandwidth/hz-sg:associate:1';

/** An apply of four steps: one retried and done, one waited on and done, one failed, one skipped. */
function script(): ExecEvent[] {
  return [
    { type: 'apply-started', total: 4, at: 0 },
    {
      type: 'step-started',
      step: A,
      address: 'sharedBandwidth/cn-hangzhou/web',
      description: 'Create package',
      at: 1,
    },
    {
      type: 'step-started',
      step: C,
      address: 'cenBandwidth/hz-sg',
      description: 'Create CEN package',
      at: 2,
    },
    { type: 'step-retry', step: A, attempt: 2, code: 'Throttling.User', delay_ms: 400, at: 3 },
    { type: 'step-waiting', step: A, condition: 'status Available', at: 4 },
    { type: 'step-done', step: A, duration_ms: 1500, at: 5 },
    {
      type: 'step-started',
      step: B,
      address: 'sharedBandwidth/cn-hangzhou/web',
      description: 'Add 2 EIPs',
      at: 6,
    },
    {
      type: 'step-failed',
      step: C,
      code: 'Forbidden.RAM',
      message: 'not authorized',
      request_id: 'REQ-1',
      at: 7,
    },
    { type: 'step-skipped', step: D, because: C, at: 8 },
    { type: 'step-done', step: B, duration_ms: 700, at: 9 },
    { type: 'apply-finished', done: 2, failed: 1, skipped: 1, at: 10 },
  ];
}

describe('apply progress', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('without a TTY writes one plain line per event and no ANSI codes', () => {
    const { io, text } = capture(false);
    const progress = createProgress(io, { tty: false, total: 4 });
    for (const event of script()) progress.sink(event);
    progress.stop();
    const out = text();
    expect(out).not.toMatch(ANSI_PATTERN);
    expect(out).not.toContain('\u001b');
    expect(out.split('\n')).toEqual([
      'Applying 4 steps…',
      'sharedBandwidth/cn-hangzhou/web: Create package…',
      'cenBandwidth/hz-sg: Create CEN package…',
      'sharedBandwidth/cn-hangzhou/web: Create package: retry 2 after Throttling.User, in 400ms',
      'sharedBandwidth/cn-hangzhou/web: Create package: waiting for status Available',
      '✓ sharedBandwidth/cn-hangzhou/web: Create package: done after 1.5s [1/4]',
      'sharedBandwidth/cn-hangzhou/web: Add 2 EIPs…',
      '✗ cenBandwidth/hz-sg: Create CEN package: failed: Forbidden.RAM: not authorized (RequestId REQ-1)',
      `- ${D}: skipped, because cenBandwidth/hz-sg: Create CEN package failed`,
      '✓ sharedBandwidth/cn-hangzhou/web: Add 2 EIPs: done after 700ms [4/4]',
      'Finished: 2 done, 1 failed, 1 skipped.',
      '',
    ]);
  });

  it('without a TTY prints a heartbeat every 10 s while steps run, and none after stop', () => {
    const { io, text } = capture(false);
    const progress = createProgress(io, { tty: false, total: 4 });
    const events = script();
    for (const event of events.slice(0, 3)) progress.sink(event);
    vi.advanceTimersByTime(9_999);
    expect(text()).not.toContain('Still applying');
    vi.advanceTimersByTime(1);
    expect(text()).toContain(
      'Still applying... [0/4 done, 2 running: sharedBandwidth/cn-hangzhou/web, cenBandwidth/hz-sg; 00m10s elapsed]',
    );
    vi.advanceTimersByTime(10_000);
    expect(text().match(/Still applying/g)?.length).toBe(2);
    expect(text()).toContain('00m20s elapsed');
    progress.stop();
    vi.advanceTimersByTime(60_000);
    expect(text().match(/Still applying/g)?.length).toBe(2);
  });

  it('on a TTY redraws a live status block in place, in colour, throttled', () => {
    const { io, text } = capture(true);
    const progress = createProgress(io, { tty: true, total: 4 });
    const events = script();
    for (const event of events.slice(0, 3)) progress.sink(event);
    // Three events within the throttle window: nothing drawn yet, then one redraw.
    expect(text()).toBe('');
    vi.advanceTimersByTime(100);
    const first = text();
    expect(first).toContain('\u001b[');
    expect(stripAnsi(first)).toContain('Applying 0/4 · 0 done · 2 running · 00m00s elapsed');
    expect(stripAnsi(first)).toContain('▸ sharedBandwidth/cn-hangzhou/web: Create package 00m00s');
    for (const event of events.slice(3, 5)) progress.sink(event);
    vi.advanceTimersByTime(2_000);
    const later = text().slice(first.length);
    // Redraws move the cursor up over the old block and clear it.
    expect(later).toMatch(/\r\u001b\[3A\u001b\[J/);
    expect(stripAnsi(later)).toContain('(waiting for status Available)');
    expect(stripAnsi(later)).toContain('00m02s elapsed');
    for (const event of events.slice(5)) progress.sink(event);
    progress.stop();
    const plain = stripAnsi(text());
    expect(plain).toContain('✓ sharedBandwidth/cn-hangzhou/web: Create package: done after 1.5s [1/4]');
    expect(plain).toContain(
      '✗ cenBandwidth/hz-sg: Create CEN package: failed: Forbidden.RAM: not authorized (RequestId REQ-1)',
    );
    expect(text()).toContain('\u001b[32m✓\u001b[39m');
    expect(text()).toContain('\u001b[31m✗\u001b[39m');
    // The last thing on screen is the final status line.
    expect(plain.replace(/\r/g, '').trimEnd().split('\n').at(-1)).toBe(
      'Applying 4/4 · 2 done · 0 running · 1 failed · 1 skipped · 00m02s elapsed',
    );
  });

  it('on a TTY with NO_COLOR still redraws but without colour', () => {
    const { io, text } = capture(true);
    io.env.NO_COLOR = '1';
    const progress = createProgress(io, { tty: true, total: 4 });
    for (const event of script()) progress.sink(event);
    progress.stop();
    expect(text()).not.toMatch(/\u001b\[\d+m/);
    expect(text()).toMatch(/\u001b\[J/);
  });
});

describe('clip', () => {
  it('keeps lines shorter than the terminal so redraws never wrap', () => {
    expect(clip('short', 80)).toBe('short');
    const long = `\u001b[32m${'x'.repeat(200)}\u001b[39m`;
    const cut = clip(long, 40);
    expect(stripAnsi(cut)).toHaveLength(39);
    expect(stripAnsi(cut).endsWith('…')).toBe(true);
    expect(cut.startsWith('\u001b[32m')).toBe(true);
    expect(cut.endsWith('\u001b[0m')).toBe(true);
  });

  it('clips the live block to the width of stderr', () => {
    vi.useFakeTimers();
    const { io, text } = capture(true);
    const progress = createProgress(io, { tty: true, total: 1, columns: 30 });
    progress.sink({
      type: 'step-started',
      step: A,
      address: 'sharedBandwidth/cn-hangzhou/web',
      description: 'x'.repeat(100),
      at: 0,
    });
    vi.advanceTimersByTime(100);
    progress.stop();
    vi.useRealTimers();
    for (const line of stripAnsi(text()).replace(/\r/g, '').split('\n')) expect(line.length).toBeLessThan(30);
  });
});

describe('wantsLiveProgress', () => {
  it('wants a live view only on a real terminal outside CI', () => {
    expect(wantsLiveProgress(capture(true).io)).toBe(true);
    expect(wantsLiveProgress(capture(false).io)).toBe(false);
    const ci = capture(true).io;
    ci.env.CI = 'true';
    expect(wantsLiveProgress(ci)).toBe(false);
    const dumb = capture(true).io;
    dumb.env.TERM = 'dumb';
    expect(wantsLiveProgress(dumb)).toBe(false);
  });
});
