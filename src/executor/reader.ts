import { providerFor } from '../providers/index.js';
import type { LiveReader } from './waits.js';

/**
 * The default reader for waits and ambiguity checks: the provider's `read`, one listing of
 * the (kind, region) for all the ids asked for at once.
 */
export const providerReader: LiveReader = (client, query) => {
  const scope = {
    regions: [query.region],
    ids: query.ids,
    capsFor: query.capsFor,
    ...(query.signal ? { signal: query.signal } : {}),
  };
  return providerFor(query.kind).read(client, scope);
};
