import { STACK_TAG } from '../../model/kinds.js';
import type { Diagnostic, SourceLoc } from '../../model/source.js';
import { errorAt } from '../diagnostic.js';
import type { Rule } from './types.js';

/** The API takes 20 tags; bwsync adds its own `bwsync:stack`. */
export const MAX_USER_TAGS = 19;
/** CEN and GA keys are at most 64 characters; VPC allows 128. */
const KEY_LIMIT = { sharedBandwidth: 128, cenBandwidth: 64, gaBandwidth: 64 } as const;
const RESERVED = [/^aliyun/i, /^acs:/i];
const URL = /https?:\/\//i;

export const tagRules: Rule = ({ built }) => {
  const out: Diagnostic[] = [];
  for (const { resource: r, tagLocs } of built) {
    if (!r.tags) continue;
    const keys = Object.keys(r.tags);
    if (keys.length > MAX_USER_TAGS) {
      out.push(
        errorAt(
          'tag-count',
          `${r.address} has ${keys.length} tags with defaults merged; at most ${MAX_USER_TAGS} (bwsync adds \`${STACK_TAG}\`).`,
          r.fieldLocs.tags ?? r.loc,
        ),
      );
    }
    for (const key of keys) {
      const problem = keyProblem(key, r.kind);
      const loc: SourceLoc = tagLocs[key] ?? r.fieldLocs.tags ?? r.loc;
      if (problem) out.push(errorAt(problem.code, problem.message, loc));
      if (URL.test(r.tags[key] ?? ''))
        out.push(
          errorAt('tag-invalid', `The value of tag \`${key}\` must not contain http:// or https://.`, loc),
        );
    }
  }
  return out;
};

function keyProblem(
  key: string,
  kind: keyof typeof KEY_LIMIT,
): { code: string; message: string } | undefined {
  if (key.startsWith('bwsync:')) {
    return {
      code: 'tag-reserved',
      message: `Tag key \`${key}\` is reserved: bwsync sets \`bwsync:\` tags itself.`,
    };
  }
  if (RESERVED.some((re) => re.test(key))) {
    return {
      code: 'tag-reserved',
      message: `Tag key \`${key}\` is reserved by Alibaba Cloud (keys may not start with aliyun or acs:).`,
    };
  }
  if (URL.test(key))
    return { code: 'tag-invalid', message: `Tag key \`${key}\` must not contain http:// or https://.` };
  if (key.length > KEY_LIMIT[kind]) {
    return {
      code: 'tag-invalid',
      message: `Tag key \`${key.slice(0, 20)}…\` is ${key.length} characters; ${kind} allows at most ${KEY_LIMIT[kind]}.`,
    };
  }
  return undefined;
}
