import { spawn, spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { type E2E, packageNames, startE2E } from './apply-helpers.js';

let e: E2E | undefined;
afterEach(async () => {
  await e?.close();
  e = undefined;
});

const YAML = `version: 1
stack: e2e-prompt
defaults: { region: cn-hangzhou }
sharedBandwidth:
  - { name: web, bandwidth: 20 }
`;

/** util-linux `script` gives the CLI a pseudo-terminal, as a person at a terminal would. */
const HAS_SCRIPT = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** Runs `bwsync apply` on a pseudo-terminal and answers the prompt once it appears. */
function applyOnTerminal(
  e2e: E2E,
  file: string,
  answer: string,
): Promise<{ code: number | null; output: string }> {
  const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} apply ${JSON.stringify(file)}`;
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NO_COLOR: '1',
    TERM: 'dumb',
    ...e2e.env,
  };
  const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], {
    cwd: e2e.dir,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  let answered = false;
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    output += d;
    if (!answered && output.includes('Enter a value:')) {
      answered = true;
      child.stdin.write(`${answer}\n`);
    }
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    }),
  );
}

describe.runIf(HAS_SCRIPT)('bwsync apply on a terminal', () => {
  it('asks for the literal yes; anything else cancels with exit 1 and changes nothing', async () => {
    e = await startE2E();
    const file = e.write('bwsync.yaml', YAML);
    const run = await applyOnTerminal(e, file, 'y');
    expect(run.output).toContain("Only 'yes' will be accepted to approve.");
    expect(run.output).toContain('Apply cancelled; nothing was changed.');
    expect(run.code).toBe(1);
    expect(await packageNames(e.emulator)).toEqual(['hand-made']);
  });

  it('applies after yes', async () => {
    e = await startE2E();
    const file = e.write('bwsync.yaml', YAML);
    const run = await applyOnTerminal(e, file, 'yes');
    expect(run.output).toContain('Apply complete!');
    expect(run.code).toBe(0);
    expect(await packageNames(e.emulator)).toEqual(['hand-made', 'web']);
  });
});
