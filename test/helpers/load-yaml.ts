import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LoadResult, loadDesiredState } from '../../src/loader/index.js';
import type { Diagnostic } from '../../src/model/source.js';

/** Writes the given files into a fresh temporary directory and returns its path. */
export function tempStack(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bwsync-loader-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** Loads one YAML text as `stack.yaml` in a temporary directory. */
export async function loadYaml(text: string): Promise<LoadResult> {
  const cwd = tempStack({ 'stack.yaml': text });
  return loadDesiredState(['stack.yaml'], { cwd });
}

/** `code@line:col` for compact assertions. */
export function where(diags: readonly Diagnostic[]): string[] {
  return diags.map((d) => `${d.code}@${d.loc?.line}:${d.loc?.col}`);
}

export function errors(result: LoadResult): Diagnostic[] {
  return result.diagnostics.filter((d) => d.severity === 'error');
}
