import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

const require = createRequire(import.meta.url);

interface PopClient {
  request(
    action: string,
    params: Record<string, unknown>,
    opts?: Record<string, unknown>,
  ): Promise<Record<string, unknown>>;
}
type PopCtor = new (config: Record<string, unknown>) => PopClient;
const RPCClient = require('@alicloud/pop-core').RPCClient as PopCtor;

function pop(emu: TestEmulator, apiVersion: string): PopClient {
  return new RPCClient({ ...emu.credentials, endpoint: emu.url, apiVersion });
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const v = await read();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('condition not reached in 100 polls');
}

describe('pop-core (V1) drives a CBWP lifecycle', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator({
      seed: { eips: [{ id: 'eip-bp1test0000000000001', region: 'cn-hangzhou' }] },
    });
  });
  afterAll(() => emu.close());

  it('creates, describes, resizes, joins an EIP and deletes a package', async () => {
    const vpc = pop(emu, '2016-04-28');
    const created = await vpc.request(
      'CreateCommonBandwidthPackage',
      { RegionId: 'cn-hangzhou', Bandwidth: 10, Name: 'web' },
      { method: 'POST' },
    );
    const id = created.BandwidthPackageId as string;
    expect(id).toMatch(/^cbwp-/);
    const list = await until(
      () =>
        vpc.request('DescribeCommonBandwidthPackages', { RegionId: 'cn-hangzhou', BandwidthPackageId: id }),
      (r) => JSON.stringify(r).includes('"Available"'),
    );
    expect(list.TotalCount).toBe(1);
    await vpc.request('ModifyCommonBandwidthPackageSpec', {
      RegionId: 'cn-hangzhou',
      BandwidthPackageId: id,
      Bandwidth: '50',
    });
    await vpc
      .request('DeleteCommonBandwidthPackage', { RegionId: 'cn-hangzhou', BandwidthPackageId: id })
      .catch((e: { code: string }) => {
        expect(e.code).toBe('IncorrectStatus.CbwpModifying');
      });
  });
});
