import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../model/source.js';
import { errorAt } from './diagnostic.js';
import type { Locator, Segment } from './positions.js';
import { closest } from './suggest.js';

const GLOBAL_KINDS = new Set(['cenBandwidth', 'gaBandwidth']);

/** Why a value has the shape it must have, for `pattern` errors, by field name. */
const FORMATS: Record<string, string> = {
  stack: 'letters, digits, `.`, `_` and `-`, starting with a letter or digit',
  region: 'a region id such as cn-hangzhou',
  name: '2–128 characters starting with a letter; letters, digits, `.`, `_`, `-`',
  id: 'an id such as eip-bp1demo0000000000001',
  resourceGroupId: 'a resource group id such as rg-acfmxazb4ph6aiy',
  cens: 'a CEN instance id such as cen-demo00000000000001',
  accelerators: 'a GA accelerator id such as ga-bp1demo000000000001',
  ips: 'an EIP allocation id such as eip-bp1demo0000000000001',
};

export function splitPointer(pointer: string): Segment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** The field a value belongs to: `bandwidth`, or `ips` for `ips[3]`. */
function fieldOf(segments: readonly Segment[]): string {
  for (let i = segments.length - 1; i >= 0; i--) {
    const s = segments[i];
    if (typeof s === 'string') return s;
  }
  return 'document';
}

/** `ips[1]` for an item, else the field name. */
function labelOf(segments: readonly Segment[]): string {
  const last = segments[segments.length - 1];
  return typeof last === 'number' ? `${fieldOf(segments)}[${last}]` : fieldOf(segments);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `${typeof value} ${String(value)}`;
}

/**
 * Turns ajv's errors into diagnostics pointing at the offending key or value. Errors on the
 * same place and keyword are reported once.
 */
export function schemaDiagnostics(errors: readonly ErrorObject[], locator: Locator): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of errors) {
    // A propertyNames failure arrives twice: the inner error (with propertyName) and a wrapper.
    if (e.keyword === 'propertyNames') continue;
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}|${e.propertyName ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const segments = splitPointer(e.instancePath);
    out.push(
      e.propertyName === undefined ? toDiagnostic(e, segments, locator) : keyDiagnostic(e, segments, locator),
    );
  }
  return out;
}

function toDiagnostic(e: ErrorObject, segments: Segment[], locator: Locator): Diagnostic {
  const field = fieldOf(segments);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return unknownKey(segments, String(params.additionalProperty), e, locator);
    case 'required':
      return errorAt(
        'missing-key',
        `Missing required key \`${String(params.missingProperty)}\`.`,
        locator.locOf(segments),
      );
    case 'type':
      return wrongType(
        e,
        segments.length === 0 ? 'The document' : `\`${labelOf(segments)}\``,
        locator.locOf(segments),
      );
    case 'enum':
    case 'const':
      return badValue(e, field, locator.locOf(segments));
    case 'minimum':
    case 'maximum':
      return errorAt(
        'out-of-range',
        `\`${field}\` is ${String(e.data)}; it must be ${e.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params.limit)}.`,
        locator.locOf(segments),
      );
    case 'pattern':
      return errorAt(
        'bad-format',
        `\`${labelOf(segments)}\`: ${describe(e.data)} is not valid; expected ${FORMATS[field] ?? `a value matching ${String(params.pattern)}`}.`,
        locator.locOf(segments),
      );
    case 'minLength':
    case 'maxLength':
      return errorAt(
        'bad-length',
        e.keyword === 'minLength' && params.limit === 1
          ? `\`${field}\` must not be empty; leave the field out if you do not want to set it.`
          : `\`${field}\` must be ${e.keyword === 'minLength' ? 'at least' : 'at most'} ${String(params.limit)} characters long.`,
        locator.locOf(segments),
      );
    case 'minItems':
    case 'maxItems':
    case 'maxProperties':
      return badCount(e, field, locator.locOf(segments));
    default:
      return errorAt('schema', `\`${field}\` ${e.message ?? 'is not valid'}.`, locator.locOf(segments));
  }
}

/** A key that breaks the rules for keys (tag keys: length). */
function keyDiagnostic(e: ErrorObject, segments: Segment[], locator: Locator): Diagnostic {
  const name = e.propertyName ?? '';
  const loc = locator.keyLocOf(segments, name);
  const shown = name.length > 24 ? `${name.slice(0, 24)}…` : name;
  const limit = String((e.params as { limit?: unknown }).limit);
  const rule =
    e.keyword === 'minLength'
      ? 'must not be empty'
      : `must be at most ${limit} characters long (it has ${name.length})`;
  return errorAt('bad-length', `Key \`${shown}\` in \`${fieldOf(segments)}\` ${rule}.`, loc);
}

function unknownKey(segments: Segment[], key: string, e: ErrorObject, locator: Locator): Diagnostic {
  const loc = locator.keyLocOf(segments, key);
  const kind = segments[0];
  if (key === 'region' && typeof kind === 'string' && GLOBAL_KINDS.has(kind) && segments.length === 2) {
    return errorAt(
      'region-not-allowed',
      `\`region\` is not a field of ${kind}: these packages are global, not regional.`,
      loc,
      {
        hint: 'remove `region`; bwsync manages them through the central endpoint',
      },
    );
  }
  const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
  const suggestion = closest(key, allowed);
  const where =
    segments.length === 0 ? 'at the top level' : `in ${typeof kind === 'string' ? kind : 'this mapping'}`;
  return errorAt('unknown-key', `Unknown key \`${key}\` ${where}.`, loc, {
    hint: suggestion ? `did you mean \`${suggestion}\`?` : `allowed keys: ${allowed.join(', ')}`,
  });
}

function wrongType(e: ErrorObject, subject: string, loc: Diagnostic['loc']): Diagnostic {
  // YAML words for JSON Schema types: a mapping, a list.
  const expected = String((e.params as { type?: unknown }).type)
    .replace(',', ' or ')
    .replace('object', 'mapping')
    .replace('array', 'list');
  const unit = typeof e.data === 'string' && /^\d+\s*[A-Za-z/]+$/.test(e.data.trim());
  return errorAt(
    'wrong-type',
    `${subject} must be ${article(expected)}, found ${describe(e.data)}.`,
    loc,
    unit ? { hint: 'write the number of Mbit/s without a unit, e.g. 200' } : {},
  );
}

function badValue(e: ErrorObject, field: string, loc: Diagnostic['loc']): Diagnostic {
  const params = e.params as { allowedValues?: unknown[]; allowedValue?: unknown };
  const allowed = params.allowedValues ?? [params.allowedValue];
  const list = allowed.map((v) => String(v)).join(', ');
  const suggestion = typeof e.data === 'string' ? closest(e.data, allowed.map(String)) : undefined;
  const message = `\`${field}\` must be ${allowed.length === 1 ? list : `one of ${list}`}; found ${describe(e.data)}.`;
  return errorAt('bad-value', message, loc, suggestion ? { hint: `did you mean "${suggestion}"?` } : {});
}

function badCount(e: ErrorObject, field: string, loc: Diagnostic['loc']): Diagnostic {
  const limit = Number((e.params as { limit?: unknown }).limit);
  if (field === 'areas')
    return errorAt('bad-count', '`areas` must list exactly two areas, e.g. [China, Asia-Pacific].', loc);
  if (field === 'cens') {
    return errorAt(
      'bad-count',
      '`cens` lists at most one CEN: a CEN bandwidth package serves one CEN instance at a time.',
      loc,
    );
  }
  if (e.keyword === 'maxProperties') {
    return errorAt(
      'bad-count',
      `\`${field}\` has more than ${limit} entries; bwsync adds \`bwsync:stack\` and the API allows 20 tags.`,
      loc,
    );
  }
  return errorAt(
    'bad-count',
    `\`${field}\` must have ${e.keyword === 'minItems' ? 'at least' : 'at most'} ${limit} ${limit === 1 ? 'item' : 'items'}.`,
    loc,
  );
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
