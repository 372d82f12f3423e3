import { diffArrays } from 'diff';
import type { AttributeChange, PlainObject, PlainValue, ResourceChange } from '../model/plan.js';
import { changeKind, HEADER_PHRASE, reasonText, SYMBOL } from './changes.js';
import {
  elementLines,
  inlineValue,
  isMultiLine,
  isObjectValue,
  plural,
  quoteKey,
  sortedKeys,
} from './values.js';

/**
 * One line of a resource's diff, before any colour or layout: the text renderer indents it
 * Terraform-style, the markdown renderer puts the sign at column 0 for GitHub's diff fence.
 */
export interface DiffLine {
  sign: '+' | '-' | '~' | '-/+' | ' ';
  depth: number;
  text: string;
  /** `#` notes: hidden counts, reasons, headers. */
  note?: boolean;
  /** A closing bracket: no sign column, aligned with the attribute name. */
  close?: boolean;
}

type Sign = DiffLine['sign'];

export function resourceDiff(rc: ResourceChange): DiffLine[] {
  const kind = changeKind(rc);
  const lines: DiffLine[] = [
    { sign: ' ', depth: 0, text: `# ${rc.address} ${HEADER_PHRASE[kind]}`, note: true },
  ];
  const reason = reasonText(rc);
  if (reason !== undefined) lines.push({ sign: ' ', depth: 0, text: `# (because ${reason})`, note: true });
  lines.push({ sign: SYMBOL[kind] as Sign, depth: 0, text: `${rc.kind} "${rc.name}" {` });
  if (kind === 'create') lines.push(...wholeObject('+', rc.change.after));
  else if (kind === 'delete') lines.push(...wholeObject('-', rc.change.before));
  else lines.push(...attributeLines(rc));
  lines.push({ sign: ' ', depth: 0, text: '}' });
  return lines;
}

/** Every attribute of a created or destroyed resource. */
function wholeObject(sign: '+' | '-', obj: PlainObject | null): DiffLine[] {
  if (obj === null) return [];
  const keys = Object.keys(obj);
  const width = keyWidth(keys.filter((k) => !isMultiLine(obj[k])));
  const lines: DiffLine[] = [];
  for (const key of keys) {
    const value = obj[key];
    if (isMultiLine(value)) lines.push(...wholeCollection(sign, key, value));
    else lines.push({ sign, depth: 1, text: `${key.padEnd(width)} = ${inlineValue(value)}` });
  }
  return lines;
}

function wholeCollection(sign: '+' | '-', key: string, value: PlainValue[] | PlainObject): DiffLine[] {
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  const inner: DiffLine[] = Array.isArray(value)
    ? value.map((v) => ({ sign, depth: 2, text: `${inlineValue(v)},` }))
    : mapEntries(value).map((text) => ({ sign, depth: 2, text }));
  if (inner.length === 0) return [{ sign, depth: 1, text: `${key} = ${open}${close}` }];
  return [{ sign, depth: 1, text: `${key} = ${open}` }, ...inner, closing(close)];
}

/** `key = value` lines of a map, keys aligned as Terraform does. */
function mapEntries(value: PlainObject): string[] {
  const keys = sortedKeys(value);
  const width = keyWidth(keys.map(quoteKey));
  return keys.map((k) => `${quoteKey(k).padEnd(width)} = ${inlineValue(value[k])}`);
}

/** The closing bracket sits under the attribute name, as in Terraform. */
function closing(bracket: string): DiffLine {
  return { sign: ' ', depth: 1, text: bracket, close: true };
}

/** An update or replacement: the id for orientation, each changed attribute, a hidden count. */
function attributeLines(rc: ResourceChange): DiffLine[] {
  const changed = new Set(rc.change.attributes.map((a) => a.field));
  const all = new Set([...Object.keys(rc.change.before ?? {}), ...Object.keys(rc.change.after ?? {})]);
  const lines: DiffLine[] = [];
  const scalarKeys = rc.change.attributes.filter((a) => !isCollectionChange(a)).map((a) => a.field);
  const width = keyWidth(rc.id === null ? scalarKeys : [...scalarKeys, 'id']);
  if (rc.id !== null)
    lines.push({ sign: ' ', depth: 1, text: `${'id'.padEnd(width)} = ${inlineValue(rc.id)}` });
  for (const attr of rc.change.attributes) {
    lines.push(...(isCollectionChange(attr) ? collectionChange(attr) : [scalarChange(attr, width)]));
  }
  const hidden = [...all].filter((k) => !changed.has(k) && k !== 'id').length;
  if (hidden > 0) {
    lines.push({
      sign: ' ',
      depth: 1,
      text: `# (${plural(hidden, 'unchanged attribute')} hidden)`,
      note: true,
    });
  }
  return lines;
}

function isCollectionChange(attr: AttributeChange): boolean {
  return isMultiLine(attr.before) || isMultiLine(attr.after);
}

function scalarChange(attr: AttributeChange, width: number): DiffLine {
  const key = attr.field.padEnd(width);
  const note = annotation(attr);
  if (attr.before === null)
    return { sign: '+', depth: 1, text: `${key} = ${inlineValue(attr.after)}${note}` };
  const text = `${key} = ${inlineValue(attr.before)} -> ${inlineValue(attr.after)}${note}`;
  return { sign: attr.after === null ? '-' : '~', depth: 1, text };
}

function annotation(attr: AttributeChange): string {
  if (attr.forces_replacement === true) return ' # forces replacement';
  if (attr.class === 'mutable-with-wait') return ' # applied, then waited for';
  return '';
}

function collectionChange(attr: AttributeChange): DiffLine[] {
  const objects = isObjectValue(attr.before) || isObjectValue(attr.after);
  const inner = objects ? mapChange(attr) : listChange(attr);
  const [open, close] = objects ? ['{', '}'] : ['[', ']'];
  return [
    { sign: '~', depth: 1, text: `${attr.field} = ${open}${annotation(attr)}` },
    ...inner,
    closing(close),
  ];
}

/** Lists (EIPs, CENs, accelerators) diffed element by element with the `diff` package. */
function listChange(attr: AttributeChange): DiffLine[] {
  const lines: DiffLine[] = [];
  let unchanged = 0;
  for (const part of diffArrays(elementLines(attr.before), elementLines(attr.after))) {
    if (!part.added && !part.removed) {
      unchanged += part.value.length;
      continue;
    }
    const sign = part.added ? '+' : '-';
    for (const element of part.value) lines.push({ sign, depth: 2, text: `${element},` });
  }
  return withHidden(lines, unchanged, 'element');
}

/** Maps (tags) diffed key by key: a changed value is one `~` line, not a remove and an add. */
function mapChange(attr: AttributeChange): DiffLine[] {
  const before = isObjectValue(attr.before) ? attr.before : {};
  const after = isObjectValue(attr.after) ? attr.after : {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const lines: DiffLine[] = [];
  let unchanged = 0;
  const width = keyWidth(keys.filter((k) => inlineValue(before[k]) !== inlineValue(after[k])).map(quoteKey));
  for (const key of keys) {
    const [b, a] = [before[key], after[key]];
    const name = quoteKey(key).padEnd(width);
    if (b === undefined) lines.push({ sign: '+', depth: 2, text: `${name} = ${inlineValue(a)}` });
    else if (a === undefined)
      lines.push({ sign: '-', depth: 2, text: `${name} = ${inlineValue(b)} -> null` });
    else if (inlineValue(a) !== inlineValue(b)) {
      lines.push({ sign: '~', depth: 2, text: `${name} = ${inlineValue(b)} -> ${inlineValue(a)}` });
    } else unchanged += 1;
  }
  return withHidden(lines, unchanged, 'element');
}

function withHidden(lines: DiffLine[], hidden: number, what: string): DiffLine[] {
  if (hidden === 0) return lines;
  return [
    ...lines,
    { sign: ' ', depth: 2, text: `# (${plural(hidden, `unchanged ${what}`)} hidden)`, note: true },
  ];
}

function keyWidth(keys: string[]): number {
  return keys.reduce((max, k) => Math.max(max, k.length), 0);
}
