import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * End-to-end tests spawn bin/bwsync.js, which runs dist/. Build it once before the suite so
 * they never run stale code. Type errors are reported by `npm run typecheck`, not here.
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    process.stderr.write(
      `warning: tsc reported errors while building dist/:\n${result.stdout}${result.stderr}\n`,
    );
  }
}
