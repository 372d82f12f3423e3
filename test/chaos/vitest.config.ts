import { defineConfig } from 'vitest/config';

/** `npm run chaos`: the full chaos run, hundreds of seeded cases (override with BWSYNC_CHAOS_RUNS). */
export default defineConfig({
  test: {
    include: ['test/chaos/**/*.test.ts'],
    setupFiles: ['test/helpers/loopback-guard.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    env: { BWSYNC_CHAOS_RUNS: process.env.BWSYNC_CHAOS_RUNS ?? '300' },
  },
});
