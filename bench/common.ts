import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDesiredState } from '../src/loader/index.js';
import type { DesiredState } from '../src/model/desired.js';
import { type YamlDoc, yamlText } from './desired.js';
import { LATENCY_MS } from './options.js';

/** Mean of the latency range the benchmark asks for; the emulator adds it to every call. */
export const LATENCY_MEAN_MS = Math.round((LATENCY_MS[0] + LATENCY_MS[1]) / 2);
/** Duration of the emulator's asynchronous transitions (Modifying, BINDING, init…). */
export const ASYNC_MS = 100;

/** Writes the YAML to a temporary directory; the caller removes it with `cleanup`. */
export function writeYaml(doc: YamlDoc): { path: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'bwsync-bench-'));
  const path = join(dir, 'bwsync.yaml');
  writeFileSync(path, yamlText(doc));
  return { path, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Loads YAML through the real loader; a benchmark fixture that does not validate is a bug. */
export async function loadDesired(path: string): Promise<DesiredState> {
  const { state, diagnostics } = await loadDesiredState([path]);
  if (state === undefined) {
    const first = diagnostics.slice(0, 5).map((d) => `${d.code}: ${d.message}`);
    throw new Error(`benchmark YAML does not validate:\n${first.join('\n')}`);
  }
  return state;
}
