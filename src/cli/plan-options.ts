import type { PlanOptions } from '../planner/index.js';
import { version } from './main.js';

/** The planning flags `plan` and `apply` share. */
export interface PlanFlags {
  prune?: boolean;
  allowReplace?: boolean;
  region?: string[];
  target?: string[];
}

export function planOptionsFrom(flags: PlanFlags): PlanOptions {
  return {
    prune: flags.prune === true,
    allowReplace: flags.allowReplace === true,
    regions: flags.region ?? [],
    targets: flags.target ?? [],
    toolVersion: version(),
  };
}
