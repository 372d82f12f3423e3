import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { runChaosCase } from './harness.js';

it('replay', async () => {
  const want = new Set((process.env.IDS ?? '').split(',').map(Number));
  const rows = readFileSync(process.env.IN ?? '/tmp/explore.jsonl', 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  const grep = new RegExp(process.env.GREP ?? '.');
  for (const r of rows.filter((x) => want.has(x.i))) {
    const t0 = Date.now();
    const o = await runChaosCase(r.c, (l) => {
      if (grep.test(l)) console.log(Date.now() - t0, l.slice(0, 400));
    });
    console.log(
      `CASE ${r.i}`,
      JSON.stringify(r.c.gas),
      JSON.stringify(r.c.gaAccelerators),
      JSON.stringify(r.c.interrupt),
      JSON.stringify(o.violations),
    );
  }
}, 600_000);
