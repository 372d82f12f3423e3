import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Step } from '../model/plan.js';
import { CLIENT_TOKEN_MAX, canonicalJson, clientTokenFor } from './tokens.js';

function create(params: Step['api']['params'], id = 'sharedBandwidth/cn-hangzhou/web:create'): Step {
  return {
    id,
    address: 'sharedBandwidth/cn-hangzhou/web',
    kind: 'sharedBandwidth',
    action: 'create',
    description: 'create',
    api: {
      product: 'vpc',
      action: 'CreateCommonBandwidthPackage',
      region: 'cn-hangzhou',
      params,
      client_token: true,
    },
    depends_on: [],
    locks: [],
  };
}

describe('clientTokenFor', () => {
  it('is the same for the same stack, step and parameters, whatever the key order', () => {
    const a = clientTokenFor('prod', create({ Name: 'web', Bandwidth: 10, Tag: [{ Key: 'a', Value: 'b' }] }));
    const b = clientTokenFor('prod', create({ Tag: [{ Value: 'b', Key: 'a' }], Bandwidth: 10, Name: 'web' }));
    expect(a).toBe(b);
  });

  it('differs when the stack, the step or any parameter differs', () => {
    const base = clientTokenFor('prod', create({ Name: 'web', Bandwidth: 10 }));
    expect(clientTokenFor('staging', create({ Name: 'web', Bandwidth: 10 }))).not.toBe(base);
    expect(clientTokenFor('prod', create({ Name: 'web', Bandwidth: 11 }))).not.toBe(base);
    expect(clientTokenFor('prod', create({ Name: 'web', Bandwidth: 10 }, 'other:create'))).not.toBe(base);
  });

  it('ignores a ClientToken already in the parameters, so that re-deriving is stable', () => {
    const step = create({ Name: 'web', Bandwidth: 10 });
    const token = clientTokenFor('prod', step);
    expect(clientTokenFor('prod', step, { ...step.api.params, ClientToken: token })).toBe(token);
  });

  it('uses the resolved parameters when given (ids of earlier creates)', () => {
    const step = create({ BandwidthPackageId: { ref: 'x', field: 'BandwidthPackageId' } });
    expect(clientTokenFor('prod', step, { BandwidthPackageId: 'cbwp-1' })).not.toBe(
      clientTokenFor('prod', step, { BandwidthPackageId: 'cbwp-2' }),
    );
  });

  it('is at most 64 printable ASCII characters for any input', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer())),
        (stack, id, params) => {
          const token = clientTokenFor(stack, create(params, id));
          expect(token.length).toBeLessThanOrEqual(CLIENT_TOKEN_MAX);
          expect(token).toMatch(/^[\x21-\x7e]+$/);
        },
      ),
    );
  });

  it('canonicalJson sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });
});
