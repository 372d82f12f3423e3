import type { Diagnostic } from '../../model/source.js';
import type { Built } from '../build.js';
import { errorAt } from '../diagnostic.js';
import type { Rule } from './types.js';

/** Two declarations of one package, by address or by adopted id, in any files. */
export const duplicateIdentity: Rule = ({ built }) => {
  const out: Diagnostic[] = [];
  const byAddress = new Map<string, Built>();
  const byId = new Map<string, Built>();
  for (const b of built) {
    const r = b.resource;
    const first = byAddress.get(r.address);
    if (first) {
      out.push(
        errorAt('duplicate-identity', `${r.address} is declared twice (first at ${at(first)}).`, r.loc, {
          related: first.resource.loc,
        }),
      );
    } else byAddress.set(r.address, b);
    if (r.id === undefined) continue;
    const key = `${r.kind}/${r.id}`;
    const sameId = byId.get(key);
    if (sameId && sameId !== first) {
      out.push(
        errorAt(
          'duplicate-identity',
          `${r.kind} id ${r.id} is adopted twice (first by ${sameId.resource.address} at ${at(sameId)}).`,
          r.fieldLocs.id ?? r.loc,
          { related: sameId.resource.loc },
        ),
      );
    } else if (!sameId) byId.set(key, b);
  }
  return out;
};

function at(b: Built): string {
  return `${b.resource.loc.file}:${b.resource.loc.line}:${b.resource.loc.col}`;
}
