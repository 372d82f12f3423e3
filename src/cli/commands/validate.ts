import { type Command, Option } from 'commander';
import { loadDesiredState } from '../../loader/index.js';
import type { DesiredState } from '../../model/desired.js';
import { KINDS } from '../../model/kinds.js';
import { countLine, plural, printDiagnostics } from '../diagnostics.js';
import { type CliIO, EXIT } from '../io.js';
import type { CommandState } from '../main.js';

interface ValidateFlags {
  format: 'text' | 'json';
}

export function registerValidate(program: Command, io: CliIO, state: CommandState): void {
  program
    .command('validate')
    .description('Check YAML files against the schema and the product rules; no cloud calls.')
    .argument('[paths...]', 'YAML files or directories (default: ./bwsync.yaml)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (paths: string[], flags: ValidateFlags) => {
      state.exitCode = await runValidate(paths, flags, io);
    });
}

async function runValidate(paths: string[], flags: ValidateFlags, io: CliIO): Promise<number> {
  const result = await loadDesiredState(paths, { cwd: io.cwd });
  const summary = result.state ? summarise(result.state) : undefined;
  if (flags.format === 'json') {
    const extra = summary ? { files: result.state?.files, resources: summary.counts } : {};
    printDiagnostics(result.diagnostics, io, { format: 'json', extra });
  } else {
    printDiagnostics(result.diagnostics, io, { format: 'text', sources: result.sources });
    const counts = countLine(result.diagnostics);
    if (counts) io.stderr.write(`${counts}\n`);
    if (summary) io.stdout.write(`${summary.line}\n`);
  }
  return result.state ? EXIT.ok : EXIT.error;
}

/** `valid: 3 files, 5 resources (2 sharedBandwidth, 1 cenBandwidth, 2 gaBandwidth)`. */
function summarise(state: DesiredState): { line: string; counts: Record<string, number> } {
  const counts: Record<string, number> = { total: state.resources.length };
  for (const kind of KINDS) counts[kind] = 0;
  for (const r of state.resources) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
  const byKind = KINDS.filter((k) => (counts[k] ?? 0) > 0).map((k) => `${counts[k]} ${k}`);
  const detail = byKind.length > 0 ? ` (${byKind.join(', ')})` : '';
  const line = `valid: ${plural(state.files.length, 'file')}, ${plural(state.resources.length, 'resource')}${detail}, stack ${state.stack}`;
  return { line, counts };
}
