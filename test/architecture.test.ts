import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

/**
 * Layers point one way: cli → loader | planner | executor | report → providers → aliyun,
 * with model at the bottom. The emulator is an independent implementation of the cloud and
 * imports none of bwsync's own cloud code.
 */
const SRC = join(ROOT, 'src');
const LAYERS = [
  'cli',
  'loader',
  'planner',
  'executor',
  'report',
  'providers',
  'aliyun',
  'emulator',
  'model',
  'bench',
];

const FORBIDDEN: Record<string, string[]> = {
  model: ['cli', 'loader', 'planner', 'executor', 'report', 'providers', 'aliyun', 'emulator'],
  aliyun: ['cli', 'loader', 'planner', 'executor', 'report', 'providers', 'emulator'],
  providers: ['cli', 'loader', 'planner', 'executor', 'report', 'emulator'],
  loader: ['cli', 'planner', 'executor', 'report', 'providers', 'aliyun', 'emulator'],
  planner: ['cli', 'executor', 'report', 'loader', 'emulator'],
  executor: ['cli', 'report', 'loader', 'emulator'],
  report: ['cli', 'loader', 'planner', 'executor', 'providers', 'aliyun', 'emulator'],
  emulator: ['cli', 'loader', 'planner', 'executor', 'report', 'providers', 'aliyun'],
};

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (path.endsWith('.ts') && !path.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

function layerOf(file: string): string {
  const top = relative(SRC, file).split('/')[0] ?? '';
  return LAYERS.includes(top) ? top : 'root';
}

function importsOf(text: string): string[] {
  const specs: string[] = [];
  const pattern = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(pattern)) specs.push((m[1] ?? m[2]) as string);
  return specs;
}

const files = sourceFiles(SRC);

describe('architecture', () => {
  it('keeps dependencies pointing one way between layers', () => {
    const violations: string[] = [];
    for (const file of files) {
      const layer = layerOf(file);
      const forbidden = FORBIDDEN[layer] ?? [];
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const target = layerOf(join(file, '..', spec));
        if (forbidden.includes(target))
          violations.push(`${relative(ROOT, file)} imports ${spec} (${layer} → ${target})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('lets only the aliyun client import undici', () => {
    const offenders = files.filter(
      (f) => layerOf(f) !== 'aliyun' && importsOf(readFileSync(f, 'utf8')).some((s) => s === 'undici'),
    );
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('lets only the CLI write to the terminal', () => {
    const offenders = files.filter((f) => {
      const layer = layerOf(f);
      if (layer === 'cli' || layer === 'bench') return false;
      return /process\.(stdout|stderr)\.write|console\.(log|error|warn|info)\(/.test(readFileSync(f, 'utf8'));
    });
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
