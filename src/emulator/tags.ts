import { type ActionTable, type Ctx, regionOf, tagsMatch } from './context.js';
import { ApiError, invalidParameter } from './errors.js';
import { checkTags, type Tag } from './params.js';

/** How one product finds a taggable resource by id. */
export interface TagTarget {
  /** Name echoed in ListTagResources. */
  echo: string;
  find(ctx: Ctx, id: string): { tags: Tag[] } | undefined;
  /** Every resource of the type (in the request's region), for listing by tag alone. */
  all(ctx: Ctx): Iterable<{ id: string; tags: Tag[] }>;
}

export interface TagSpec {
  /** Lower-case ResourceType → target (matching is case-insensitive). */
  targets: Record<string, TagTarget>;
  untagAction: 'UnTagResources' | 'UntagResources';
  maxIds: number;
  regionRequired: boolean;
  keyMax: number;
}

function resolveTargets(ctx: Ctx, spec: TagSpec): { target: TagTarget; rows: { id: string; tags: Tag[] }[] } {
  if (spec.regionRequired) regionOf(ctx);
  const type = ctx.params.required('ResourceType');
  const target = spec.targets[type.toLowerCase()];
  if (!target)
    throw invalidParameter('ResourceType', `"${type}" is not supported`, 'InvalidParameter.ResourceType');
  const ids = ctx.params.list('ResourceId');
  if (ids.length > spec.maxIds) throw invalidParameter('ResourceId', `at most ${spec.maxIds} ids per call`);
  const rows = ids.map((id) => {
    const found = target.find(ctx, id);
    if (!found)
      throw new ApiError(
        404,
        'InvalidResourceId.NotFound',
        `The specified resource does not exist in our records: ${id}.`,
      );
    return { id, tags: found.tags };
  });
  return { target, rows };
}

function tag(ctx: Ctx, spec: TagSpec): Record<string, unknown> {
  const tags = ctx.params.tags();
  if (tags.length === 0) ctx.params.required('Tag.1.Key');
  checkTags(tags, { keyMax: spec.keyMax, valueMax: 128 });
  const { rows } = resolveTargets(ctx, spec);
  if (rows.length === 0) ctx.params.required('ResourceId.1');
  for (const row of rows) {
    const merged = new Map(row.tags.map((t) => [t.Key, t.Value]));
    for (const t of tags) merged.set(t.Key, t.Value);
    if (merged.size > 20)
      throw new ApiError(
        400,
        'QuotaExceeded.TagNum',
        `A resource can have at most 20 tags (${row.id} would have ${merged.size}).`,
      );
  }
  for (const row of rows) {
    for (const t of tags) {
      const existing = row.tags.find((x) => x.Key === t.Key);
      if (existing) existing.Value = t.Value;
      else row.tags.push({ Key: t.Key, Value: t.Value });
    }
  }
  return {};
}

function untag(ctx: Ctx, spec: TagSpec): Record<string, unknown> {
  const keys = ctx.params.list('TagKey');
  const all = ctx.params.bool('All') ?? false;
  if (keys.length > 20) throw invalidParameter('TagKey', 'at most 20 keys per call');
  const { rows } = resolveTargets(ctx, spec);
  if (rows.length === 0) ctx.params.required('ResourceId.1');
  for (const row of rows) {
    const keep = all && keys.length === 0 ? [] : row.tags.filter((t) => !keys.includes(t.Key));
    row.tags.splice(0, row.tags.length, ...keep);
  }
  return {};
}

function list(ctx: Ctx, spec: TagSpec): Record<string, unknown> {
  const resolved = resolveTargets(ctx, spec);
  const target = resolved.target;
  const filter = ctx.params.tags();
  if (resolved.rows.length === 0 && filter.length === 0) ctx.params.required('ResourceId.1');
  const size =
    ctx.params.int('MaxResults', { min: 1, max: 50 }) ??
    ctx.params.int('PageSize', { min: 1, max: 50 }) ??
    50;
  const token = ctx.params.get('NextToken') || '0';
  const offset = Number(token);
  if (!Number.isInteger(offset) || offset < 0)
    throw invalidParameter('NextToken', `"${token}" was not issued by this service`, 'InvalidNextToken');
  const rows =
    resolved.rows.length > 0 ? resolved.rows : [...target.all(ctx)].filter((r) => tagsMatch(r.tags, filter));
  const pairs = rows.flatMap((r) =>
    r.tags
      .filter(
        (t) =>
          filter.length === 0 ||
          filter.some((f) => f.Key === t.Key && (f.Value === '' || f.Value === t.Value)),
      )
      .map((t) => ({ ResourceId: r.id, ResourceType: target.echo, TagKey: t.Key, TagValue: t.Value })),
  );
  const page = pairs.slice(offset, offset + size);
  const next = offset + size < pairs.length ? String(offset + size) : '';
  return { NextToken: next, TotalCount: pairs.length, TagResources: { TagResource: page } };
}

export function tagActions(spec: TagSpec): ActionTable {
  return {
    TagResources: { write: true, clientToken: true, run: (ctx) => tag(ctx, spec) },
    [spec.untagAction]: { write: true, clientToken: true, run: (ctx) => untag(ctx, spec) },
    ListTagResources: { write: false, run: (ctx) => list(ctx, spec) },
  };
}
