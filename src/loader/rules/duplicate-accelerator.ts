import type { Diagnostic, SourceLoc } from '../../model/source.js';
import { errorAt } from '../diagnostic.js';
import type { Rule } from './types.js';

/** A GA accelerator is bound to one basic bandwidth plan at a time. */
export const duplicateAccelerator: Rule = ({ built }) => {
  const out: Diagnostic[] = [];
  const owner = new Map<string, { address: string; loc: SourceLoc }>();
  for (const { resource, itemLocs } of built) {
    if (resource.kind !== 'gaBandwidth' || resource.ensure === 'absent') continue;
    const accelerators = resource.accelerators ?? [];
    for (let i = 0; i < accelerators.length; i++) {
      const id = accelerators[i]!;
      const loc = itemLocs.accelerators?.[i] ?? resource.fieldLocs.accelerators ?? resource.loc;
      const first = owner.get(id);
      if (!first) {
        owner.set(id, { address: resource.address, loc });
        continue;
      }
      const where =
        first.address === resource.address
          ? 'listed twice in this plan'
          : `already bound to ${first.address}`;
      out.push(
        errorAt(
          'duplicate-accelerator',
          `Accelerator ${id} is ${where}; an accelerator uses one bandwidth plan.`,
          loc,
          { related: first.loc },
        ),
      );
    }
  }
  return out;
};
