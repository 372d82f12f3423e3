import { type Command, Option } from 'commander';
import { stringify } from 'yaml';
import { ConfigError } from '../../errors.js';
import { isRegional, KINDS, type Kind, STACK_TAG } from '../../model/kinds.js';
import type { LiveResource } from '../../model/live.js';
import type { PlainValue } from '../../model/plan.js';
import { nameOf, providerFor } from '../../providers/index.js';
import { addCloudOptions, type CloudFlags, openCloud } from '../cloud.js';
import { type CliIO, EXIT } from '../io.js';
import type { CommandState } from '../main.js';

interface ExportFlags extends CloudFlags {
  region: string[];
  kind?: Kind[];
  stack?: string;
}

export function registerExport(program: Command, io: CliIO, state: CommandState): void {
  const cmd = program
    .command('export')
    .description('Print live bandwidth packages as bwsync YAML, with id: set so a plan adopts them.')
    .requiredOption('--region <region...>', 'sharedBandwidth regions to read (CEN and GA are global)')
    .addOption(new Option('--kind <kind...>', 'only these kinds').choices([...KINDS]))
    .option('--stack <name>', 'stack to write (default: the stack tag found, else "imported")');
  addCloudOptions(cmd).action(async (flags: ExportFlags) => {
    state.exitCode = await runExport(flags, io);
  });
}

async function runExport(flags: ExportFlags, io: CliIO): Promise<number> {
  const kinds = flags.kind ?? [...KINDS];
  const session = await openCloud(flags, io);
  let live: LiveResource[];
  try {
    // Caps are read for every package so the YAML states them and a plan on it is empty.
    const scope = { regions: flags.region, capsWhere: () => true };
    live = (await Promise.all(kinds.map((k) => providerFor(k).list(session.client, scope)))).flat();
  } finally {
    await session.close();
  }
  const stack = flags.stack ?? commonStack(live) ?? 'imported';
  const kept = live.filter((l) => l.tags[STACK_TAG] === undefined || l.tags[STACK_TAG] === stack);
  const skipped = live.length - kept.length;
  if (skipped > 0)
    io.stderr.write(
      `Skipped ${skipped} package(s) tagged with another stack than "${stack}" (use --stack to export those).\n`,
    );
  io.stdout.write(toYaml(kept, stack, flags.region));
  io.stderr.write(`Exported ${kept.length} package(s) as stack "${stack}".\n`);
  return EXIT.ok;
}

function commonStack(live: LiveResource[]): string | undefined {
  const counts = new Map<string, number>();
  for (const l of live) {
    const s = l.tags[STACK_TAG];
    if (s !== undefined) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const ranked = [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  return ranked[0]?.[0];
}

export function toYaml(live: LiveResource[], stack: string, regions: string[]): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(stack))
    throw new ConfigError(`--stack ${stack} is not a valid stack name.`);
  const doc: Record<string, unknown> = { version: 1, stack };
  for (const kind of KINDS) {
    const items = live
      .filter((l) => l.kind === kind)
      .sort(
        (a, b) =>
          a.region.localeCompare(b.region) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
      )
      .map(entryOf);
    if (items.length > 0) doc[kind] = items;
  }
  const header = [
    `# Exported by bwsync from ${regions.join(', ')} (CEN and GA are global). Each entry has id:`,
    '# set, so a plan adopts it as it is: planning this file right away shows no changes.',
  ].join('\n');
  return `${header}\n${stringify(doc, { lineWidth: 0 })}`;
}

function entryOf(l: LiveResource): Record<string, unknown> {
  const p = providerFor(l.kind);
  const view = p.toView(l);
  const out: Record<string, unknown> = { name: nameOf(l) || l.id, id: l.id };
  if (isRegional(l.kind)) out.region = l.region;
  for (const [k, v] of Object.entries(view)) {
    if (k === 'name' || k === p.memberField || k === 'tags') continue;
    if (v === '' || v === null) continue;
    out[k] = v;
  }
  if (l.kind === 'cenBandwidth') out.areas = [...l.areas];
  const tags = view.tags as Record<string, PlainValue>;
  if (Object.keys(tags).length > 0) out.tags = tags;
  out[p.memberField] = l.members.map((m) =>
    typeof m.bandwidth === 'number' ? { id: m.id, bandwidth: m.bandwidth } : m.id,
  );
  return out;
}
