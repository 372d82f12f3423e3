import type { Kind } from '../model/kinds.js';
import { cenBandwidthProvider } from './cen-bandwidth/index.js';
import { gaBandwidthProvider } from './ga-bandwidth/index.js';
import { sharedBandwidthProvider } from './shared-bandwidth/index.js';
import type { Provider } from './types.js';

export { isOwnTag, NAME_TAG, nameOf } from './common/wire.js';

export type {
  CapChange,
  CreateWork,
  DeleteWork,
  ListScope,
  Provider,
  StepDraft,
  StepTarget,
  UpdateWork,
} from './types.js';

/** One provider per kind, in KINDS order. */
export const PROVIDERS: Record<Kind, Provider> = {
  sharedBandwidth: sharedBandwidthProvider,
  cenBandwidth: cenBandwidthProvider,
  gaBandwidth: gaBandwidthProvider,
};

export function providerFor(kind: Kind): Provider {
  return PROVIDERS[kind];
}
