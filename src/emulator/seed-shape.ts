import type { SeedDocument } from './seed.js';

/** A seed that cannot be loaded; the message names the entry. */
export class SeedError extends Error {
  constructor(where: string, detail: string) {
    super(`seed ${where}: ${detail}`);
    this.name = 'SeedError';
  }
}

const KEYS = [
  'eips',
  'cens',
  'accelerators',
  'commonBandwidthPackages',
  'cenBandwidthPackages',
  'gaBandwidthPackages',
];

/** Shape checks the type system cannot do for a parsed file: lists, ids, numbers. */
export function checkShape(doc: SeedDocument): void {
  for (const key of Object.keys(doc)) {
    if (!KEYS.includes(key)) throw new SeedError(key, `unknown key; expected one of ${KEYS.join(', ')}`);
    const list = (doc as Record<string, unknown>)[key];
    if (!Array.isArray(list)) throw new SeedError(key, 'must be a list');
    list.forEach((entry: unknown, i) => {
      if (typeof entry !== 'object' || entry === null)
        throw new SeedError(`${key}[${i}]`, 'must be a mapping');
      const e = entry as Record<string, unknown>;
      if (e.id !== undefined && typeof e.id !== 'string')
        throw new SeedError(`${key}[${i}]`, '"id" must be a string');
      if (
        e.bandwidth !== undefined &&
        (typeof e.bandwidth !== 'number' || !Number.isInteger(e.bandwidth) || e.bandwidth < 1)
      ) {
        throw new SeedError(`${key}[${i}]`, '"bandwidth" must be a positive whole number');
      }
    });
  }
  const needBandwidth = ['commonBandwidthPackages', 'cenBandwidthPackages', 'gaBandwidthPackages'] as const;
  for (const key of needBandwidth) {
    (doc[key] ?? []).forEach((e, i) => {
      if (e.bandwidth === undefined) throw new SeedError(`${key}[${i}]`, '"bandwidth" is required');
    });
  }
  (doc.cenBandwidthPackages ?? []).forEach((b, i) => {
    if (typeof b.areaA !== 'string' || typeof b.areaB !== 'string')
      throw new SeedError(`cenBandwidthPackages[${i}]`, '"areaA" and "areaB" are required');
  });
}
