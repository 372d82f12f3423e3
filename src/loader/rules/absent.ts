import type { Diagnostic } from '../../model/source.js';
import { warningAt } from '../diagnostic.js';
import { IDENTITY_FIELDS } from '../fields.js';
import type { Rule } from './types.js';

/**
 * `ensure: absent` needs only the identity. Other fields are ignored; say so, since a reader
 * may think they still matter. A warning: the file still means one clear thing.
 */
export const absentFields: Rule = ({ built }) => {
  const out: Diagnostic[] = [];
  for (const { resource: r } of built) {
    if (r.ensure !== 'absent') continue;
    const ignored = Object.keys(r.fieldLocs).filter((f) => !IDENTITY_FIELDS.has(f));
    if (ignored.length === 0) continue;
    const first = r.fieldLocs[ignored[0]!] ?? r.loc;
    out.push(
      warningAt(
        'absent-ignored',
        `${r.address} is \`ensure: absent\`; ${ignored.map((f) => `\`${f}\``).join(', ')} ${ignored.length === 1 ? 'is' : 'are'} ignored.`,
        first,
        { hint: 'an absent package needs only name (and region) or id' },
      ),
    );
  }
  return out;
};
