import { it } from 'vitest';
import { runChaosCase } from './harness.js';
import { REGRESSIONS } from './regressions.js';

it('debug', async () => {
  for (const r of REGRESSIONS.slice(2)) {
    const t0 = Date.now();
    const o = await runChaosCase(r.case);
    console.log(r.note, Date.now() - t0, JSON.stringify(o).slice(0, 1500));
  }
}, 2_000_000);
