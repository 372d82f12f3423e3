import type { SeedDocument } from './seed.js';

/** The demo cloud used by `--local` and the quickstart (ids are a public contract). */
export function demoSeed(): SeedDocument {
  const hz = [1, 2, 3, 4, 5, 6].map((n) => ({ id: `eip-bp1demo000000000000${n}`, region: 'cn-hangzhou' }));
  const sh = [1, 2, 3].map((n) => ({ id: `eip-uf6demo000000000000${n}`, region: 'cn-shanghai' }));
  return {
    eips: [...hz, ...sh, { id: 'eip-bp1demoprepaid000001', region: 'cn-hangzhou', chargeType: 'PrePaid' }],
    cens: [
      { id: 'cen-demo00000000000001', name: 'demo-cen-1' },
      { id: 'cen-demo00000000000002', name: 'demo-cen-2' },
    ],
    accelerators: [
      { id: 'ga-bp1demo000000000001', name: 'demo-ga-1' },
      { id: 'ga-bp1demo000000000002', name: 'demo-ga-2' },
    ],
    commonBandwidthPackages: [
      { id: 'cbwp-bp1demohandmade0001', region: 'cn-hangzhou', name: 'hand-made', bandwidth: 20 },
    ],
  };
}
