import type { Diagnostic } from '../../model/source.js';
import type { Built } from '../build.js';

/** Everything a semantic rule may look at: all declarations of all files, in file order. */
export interface RuleContext {
  built: readonly Built[];
}

/** One semantic check, one concern; returns every problem it finds. */
export type Rule = (ctx: RuleContext) => Diagnostic[];
