import { ApiError, invalidParameter, missingParameter } from './errors.js';

export interface IntRule {
  min: number;
  max: number;
  /** Error code for an out-of-range or malformed value (default `InvalidParameter`). */
  code?: string;
}

export interface Tag {
  Key: string;
  Value: string;
}

/** Request parameters that do not describe the business request (ignored for idempotency). */
const COMMON = new Set([
  'Action',
  'Version',
  'Format',
  'AccessKeyId',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'SignatureType',
  'Timestamp',
  'Signature',
  'SecurityToken',
  'ClientToken',
  'OwnerId',
  'OwnerAccount',
  'ResourceOwnerId',
  'ResourceOwnerAccount',
  'RegionId',
]);

const INDEXED = /^(.+)\.(\d+)$/;

/** Flattened RPC parameters (`Tag.1.Key`, `Filter.1.Value.1`) with typed, validating readers. */
export class Params {
  readonly raw: Map<string, string>;
  constructor(raw: Map<string, string>) {
    this.raw = raw;
  }

  get(name: string): string | undefined {
    const v = this.raw.get(name);
    return v === undefined ? undefined : v;
  }

  has(name: string): boolean {
    return this.raw.has(name) && this.raw.get(name) !== '';
  }

  required(name: string): string {
    const v = this.raw.get(name);
    if (v === undefined || v === '') throw missingParameter(name);
    return v;
  }

  int(name: string, rule: IntRule): number | undefined {
    const v = this.raw.get(name);
    if (v === undefined || v === '') return undefined;
    const n = Number(v);
    if (!/^-?\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n < rule.min || n > rule.max) {
      throw new ApiError(
        400,
        rule.code ?? 'InvalidParameter',
        `The specified parameter "${name}" (${v}) is not valid: it must be an integer from ${rule.min} to ${rule.max}.`,
      );
    }
    return n;
  }

  requiredInt(name: string, rule: IntRule): number {
    this.required(name);
    return this.int(name, rule)!;
  }

  bool(name: string): boolean | undefined {
    const v = this.raw.get(name);
    if (v === undefined || v === '') return undefined;
    const lower = v.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    throw invalidParameter(name, `"${v}" is not true or false`);
  }

  oneOf<T extends string>(
    name: string,
    allowed: readonly T[],
    options: { code?: string } = {},
  ): T | undefined {
    const v = this.raw.get(name);
    if (v === undefined || v === '') return undefined;
    if (!(allowed as readonly string[]).includes(v)) {
      throw new ApiError(
        400,
        options.code ?? 'InvalidParameter',
        `The specified parameter "${name}" (${v}) is not valid: allowed values are ${allowed.join(', ')}.`,
      );
    }
    return v as T;
  }

  /** `Prefix.1`, `Prefix.2`, … in index order. */
  list(prefix: string): string[] {
    const found: [number, string][] = [];
    for (const [k, v] of this.raw) {
      const m = INDEXED.exec(k);
      if (m && m[1] === prefix) found.push([Number(m[2]), v]);
    }
    return found.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
  }

  /** `Tag.N.Key` / `Tag.N.Value` pairs; a value without key is an error. */
  tags(prefix = 'Tag'): Tag[] {
    const byIndex = new Map<number, { key?: string; value?: string }>();
    const re = new RegExp(`^${prefix}\\.(\\d+)\\.(Key|Value)$`);
    for (const [k, v] of this.raw) {
      const m = re.exec(k);
      if (!m) continue;
      const i = Number(m[1]);
      const entry = byIndex.get(i) ?? {};
      if (m[2] === 'Key') entry.key = v;
      else entry.value = v;
      byIndex.set(i, entry);
    }
    const out: Tag[] = [];
    for (const i of [...byIndex.keys()].sort((a, b) => a - b)) {
      const e = byIndex.get(i)!;
      if (e.key === undefined || e.key === '') throw missingParameter(`${prefix}.${i}.Key`);
      out.push({ Key: e.key, Value: e.value ?? '' });
    }
    return out;
  }

  /** CBN `Filter.N.Key` + `Filter.N.Value.M`. */
  filters(): { key: string; values: string[] }[] {
    const keys = new Map<number, string>();
    const values = new Map<number, [number, string][]>();
    for (const [k, v] of this.raw) {
      const mk = /^Filter\.(\d+)\.Key$/.exec(k);
      if (mk) keys.set(Number(mk[1]), v);
      const mv = /^Filter\.(\d+)\.Value\.(\d+)$/.exec(k);
      if (mv) {
        const list = values.get(Number(mv[1])) ?? [];
        list.push([Number(mv[2]), v]);
        values.set(Number(mv[1]), list);
      }
    }
    return [...keys.keys()]
      .sort((a, b) => a - b)
      .map((i) => ({
        key: keys.get(i)!,
        values: (values.get(i) ?? []).sort((a, b) => a[0] - b[0]).map(([, v]) => v),
      }));
  }

  /** A stable string of the business parameters, for ClientToken comparison. */
  fingerprint(): string {
    const entries = [...this.raw].filter(([k]) => !COMMON.has(k) || k === 'RegionId');
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return JSON.stringify(entries);
  }
}

/** Name/description rule shared by VPC and CBN: length cap, no leading http(s)://. */
export function checkText(
  params: Params,
  name: string,
  options: { max: number; min?: number; code: string },
): string | undefined {
  const v = params.get(name);
  if (v === undefined) return undefined;
  const tooShort = options.min !== undefined && v.length < options.min;
  if (v.length > options.max || tooShort || /^https?:\/\//i.test(v)) {
    throw new ApiError(
      400,
      options.code,
      `The specified ${name} is malformed: ${options.min ?? 0}-${options.max} characters, not starting with http:// or https://.`,
    );
  }
  return v;
}

/** Tag rules: ≤20 per request, key non-empty ≤ keyMax, no `aliyun`/`acs:` prefix. */
export function checkTags(tags: Tag[], options: { keyMax: number; valueMax: number }): void {
  if (tags.length > 20)
    throw invalidParameter('Tag', 'at most 20 tags are allowed', 'InvalidParameter.TagSize');
  for (const t of tags) {
    const bad = (s: string) => /^(aliyun|acs:)/i.test(s) || /https?:\/\//i.test(s);
    if (t.Key.length > options.keyMax || bad(t.Key))
      throw invalidParameter('Tag.N.Key', `"${t.Key}"`, 'InvalidTagKey');
    if (t.Value.length > options.valueMax || /https?:\/\//i.test(t.Value)) {
      throw invalidParameter('Tag.N.Value', `"${t.Value}"`, 'InvalidTagValue');
    }
  }
}
