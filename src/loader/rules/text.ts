import type { Diagnostic } from '../../model/source.js';
import { errorAt } from '../diagnostic.js';
import type { Rule } from './types.js';

const URL_START = /^https?:\/\//i;

/** Every product refuses names and descriptions that start with http:// or https://. */
export const textRules: Rule = ({ built }) => {
  const out: Diagnostic[] = [];
  for (const { resource: r } of built) {
    for (const field of ['name', 'description'] as const) {
      const value = r[field];
      if (value === undefined || !URL_START.test(value)) continue;
      out.push(
        errorAt(
          'text-url',
          `\`${field}\` must not start with http:// or https://.`,
          r.fieldLocs[field] ?? r.loc,
        ),
      );
    }
  }
  return out;
};
