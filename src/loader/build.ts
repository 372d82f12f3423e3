import type { DesiredIp, DesiredResource } from '../model/desired.js';
import { addressOf, GLOBAL_REGION, isRegional, KINDS, type Kind } from '../model/kinds.js';
import type { Diagnostic, SourceLoc } from '../model/source.js';
import { errorAt } from './diagnostic.js';
import { FIELDS_BY_KIND } from './fields.js';
import type { Locator } from './positions.js';
import type { PosMap, PosNode } from './tree.js';

/** A declaration plus the places of its tag keys (for the tag rules). */
export interface Built {
  resource: DesiredResource;
  tagLocs: Record<string, SourceLoc>;
  /** Places of each item of the id lists (`cens`, `accelerators`), by field. */
  itemLocs: Record<string, SourceLoc[]>;
}

type Raw = Record<string, unknown>;

interface FileDefaults {
  region?: string;
  tags?: Record<string, string>;
  tagLocs: Record<string, SourceLoc>;
}

/**
 * Fields of a declaration that failed the schema, by `kind/index`; `all` when the declaration
 * itself or its identity is broken. Other fields still build, so the semantic rules can report
 * their problems in the same run.
 */
export type SchemaFailures = ReadonlyMap<string, ReadonlySet<string> | 'all'>;

const IDENTITY = ['name', 'region', 'id', 'ensure'];

/** Builds the typed declarations of one file whose top level passed the schema. */
export function buildFile(
  data: Raw,
  locator: Locator,
  failures: SchemaFailures,
): { built: Built[]; diagnostics: Diagnostic[] } {
  const defaults = readDefaults(data, locator);
  const built: Built[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const kind of KINDS) {
    const list = data[kind];
    if (!Array.isArray(list)) continue;
    const seq = locator.nodeAt([kind]);
    for (let i = 0; i < list.length; i++) {
      const failed = failures.get(`${kind}/${i}`);
      if (failed === 'all' || IDENTITY.some((f) => failed?.has(f))) continue;
      const node = seq?.kind === 'seq' ? seq.items[i] : undefined;
      const raw = failed ? withoutFields(list[i] as Raw, failed) : (list[i] as Raw);
      const one = buildOne({ kind, index: i, raw, node, locator, defaults });
      if ('diagnostic' in one) diagnostics.push(one.diagnostic);
      else built.push(one);
    }
  }
  return { built, diagnostics };
}

function withoutFields(raw: Raw, fields: ReadonlySet<string>): Raw {
  const copy = { ...raw };
  for (const f of fields) delete copy[f];
  return copy;
}

function readDefaults(data: Raw, locator: Locator): FileDefaults {
  const raw = (data.defaults ?? {}) as { region?: string; tags?: Record<string, string> };
  const tagLocs = raw.tags ? keyLocs(locator.nodeAt(['defaults', 'tags']), locator, 'defaults.tags') : {};
  return { ...raw, tagLocs };
}

interface OneInput {
  kind: Kind;
  index: number;
  raw: Raw;
  node: PosNode | undefined;
  locator: Locator;
  defaults: FileDefaults;
}

function buildOne(input: OneInput): Built | { diagnostic: Diagnostic } {
  const { kind, index, raw, locator, defaults } = input;
  const base = `${kind}[${index}]`;
  const map = input.node?.kind === 'map' ? input.node : undefined;
  const loc = locator.locOfNode(input.node, base);
  const fieldLocs = valueLocs(map, locator, base);
  const ensure = (raw.ensure as 'present' | 'absent' | undefined) ?? 'present';
  const region = isRegional(kind) ? ((raw.region as string | undefined) ?? defaults.region) : GLOBAL_REGION;
  if (region === undefined) {
    const message = `${kind} \`${String(raw.name ?? raw.id ?? index)}\` has no region, and this file sets no defaults.region.`;
    return {
      diagnostic: errorAt('missing-region', message, loc, {
        hint: 'add `region: cn-hangzhou` (for example) here or under defaults',
      }),
    };
  }
  // `ensure: absent` may name the package by id alone; the id then stands in for the name.
  const name =
    (raw.name as string | undefined) ?? (ensure === 'absent' ? (raw.id as string | undefined) : undefined);
  if (name === undefined) {
    const hint =
      raw.id === undefined
        ? 'every declaration needs a `name` (or, with `ensure: absent`, an `id`)'
        : 'an adopted package still needs the `name` it should have';
    return { diagnostic: errorAt('missing-key', `Missing required key \`name\` in ${kind}.`, loc, { hint }) };
  }
  const resource: Raw = {
    kind,
    address: addressOf(kind, region, name),
    name,
    region,
    ensure,
    protect: raw.protect === true,
    loc,
    fieldLocs,
  };
  for (const field of FIELDS_BY_KIND[kind]) {
    if (field === 'name' || field === 'region' || field === 'ensure' || field === 'protect') continue;
    const value = raw[field];
    if (value !== undefined) resource[field] = value;
  }
  if (Array.isArray(raw.ips)) resource.ips = buildIps(raw.ips, map, locator, base);
  const ownTagLocs = raw.tags ? keyLocs(map?.pairs.get('tags')?.value, locator, `${base}.tags`) : {};
  const tagLocs = { ...defaults.tagLocs, ...ownTagLocs };
  if (defaults.tags || raw.tags)
    resource.tags = { ...defaults.tags, ...(raw.tags as Record<string, string> | undefined) };
  const itemLocs: Record<string, SourceLoc[]> = {};
  for (const field of ['cens', 'accelerators']) {
    if (Array.isArray(raw[field]))
      itemLocs[field] = listLocs(map?.pairs.get(field)?.value, locator, `${base}.${field}`);
  }
  // The schema has checked every field's type; this is the one place the shape is asserted.
  return { resource: resource as unknown as DesiredResource, tagLocs, itemLocs };
}

function buildIps(list: unknown[], map: PosMap | undefined, locator: Locator, base: string): DesiredIp[] {
  const seq = map?.pairs.get('ips')?.value;
  const items = seq?.kind === 'seq' ? seq.items : [];
  const out: DesiredIp[] = [];
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const loc = locator.startOf(items[i], `${base}.ips[${i}]`);
    if (typeof item === 'string') {
      out.push({ id: item, loc });
      continue;
    }
    const obj = item as { id: string; bandwidth?: number | null };
    out.push(
      obj.bandwidth === undefined ? { id: obj.id, loc } : { id: obj.id, bandwidth: obj.bandwidth, loc },
    );
  }
  return out;
}

/** Where each key's value is, by key. */
function valueLocs(map: PosMap | undefined, locator: Locator, base: string): Record<string, SourceLoc> {
  const out: Record<string, SourceLoc> = {};
  for (const [key, pair] of map?.pairs ?? []) out[key] = locator.startOf(pair.value, `${base}.${key}`);
  return out;
}

function listLocs(node: PosNode | undefined, locator: Locator, base: string): SourceLoc[] {
  if (node?.kind !== 'seq') return [];
  return node.items.map((item, i) => locator.startOf(item, `${base}[${i}]`));
}

/** Where each key of a map is (tag keys), by key. */
function keyLocs(node: PosNode | undefined, locator: Locator, base: string): Record<string, SourceLoc> {
  const out: Record<string, SourceLoc> = {};
  if (node?.kind !== 'map') return out;
  for (const [key, pair] of node.pairs) out[key] = locator.startOf(pair.key, `${base}.${key}`);
  return out;
}
