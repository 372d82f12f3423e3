import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src/aliyun/client.js';
import { staticCredentials } from '../../src/aliyun/credentials.js';
import { AliyunApiError } from '../../src/aliyun/errors.js';
import { list, num, str } from '../../src/aliyun/parse.js';
import type { RpcClient } from '../../src/aliyun/types.js';
import { demoSeed } from '../../src/emulator/index.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

/** The client against the independent emulator: both sides of the wire protocol must agree. */
let emulator: TestEmulator | undefined;
let client: RpcClient | undefined;

afterEach(async () => {
  await client?.close();
  await emulator?.close();
  client = undefined;
  emulator = undefined;
});

describe('client against the emulator', () => {
  it.each(['v3', 'v1'] as const)(
    'creates, reads and deletes a package with %s signatures',
    async (signature) => {
      emulator = await startTestEmulator({ seed: demoSeed() });
      client = createClient({
        credentials: staticCredentials(emulator.credentials),
        endpoint: emulator.url,
        signature,
      });
      const created = await client.call(
        'vpc',
        'CreateCommonBandwidthPackage',
        {
          Bandwidth: 10,
          Name: 'it-pkg',
          ISP: 'BGP',
          InternetChargeType: 'PayByBandwidth',
          ClientToken: `tok-${signature}`,
        },
        { region: 'cn-hangzhou' },
      );
      const id = str(created.body.BandwidthPackageId);
      expect(id).toMatch(/^cbwp-/);
      const read = await client.call(
        'vpc',
        'DescribeCommonBandwidthPackages',
        { BandwidthPackageId: id },
        { region: 'cn-hangzhou' },
      );
      const [pkg] = list(read.body, 'CommonBandwidthPackages', 'CommonBandwidthPackage');
      expect(str(pkg?.Name)).toBe('it-pkg');
      expect(num(pkg?.Bandwidth)).toBe(10);
      await client.call(
        'vpc',
        'DeleteCommonBandwidthPackage',
        { BandwidthPackageId: id },
        { region: 'cn-hangzhou' },
      );
    },
  );

  it('gets a repeated ClientToken answered with the same resource', async () => {
    emulator = await startTestEmulator({ seed: demoSeed() });
    client = createClient({ credentials: staticCredentials(emulator.credentials), endpoint: emulator.url });
    const params = {
      Bandwidth: 10,
      ISP: 'BGP',
      InternetChargeType: 'PayByBandwidth',
      ClientToken: 'same-token',
    };
    const a = await client.call('vpc', 'CreateCommonBandwidthPackage', params, { region: 'cn-hangzhou' });
    const b = await client.call('vpc', 'CreateCommonBandwidthPackage', params, { region: 'cn-hangzhou' });
    expect(b.body.BandwidthPackageId).toBe(a.body.BandwidthPackageId);
  });

  it('surfaces the emulator signature check as a fatal SignatureDoesNotMatch or InvalidAccessKeyId', async () => {
    emulator = await startTestEmulator();
    const wrong = { accessKeyId: emulator.credentials.accessKeyId, accessKeySecret: 'not-the-secret' };
    client = createClient({ credentials: staticCredentials(wrong), endpoint: emulator.url });
    const error = await client.call('cbn', 'DescribeCenBandwidthPackages', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AliyunApiError);
    expect((error as AliyunApiError).code).toMatch(/^(SignatureDoesNotMatch|IncompleteSignature)/);
    expect((error as AliyunApiError).classification).toBe('fatal');
    expect((error as AliyunApiError).attempts).toBe(1);
  });

  it('rides out injected 503s and throttling on reads', async () => {
    emulator = await startTestEmulator({
      seed: demoSeed(),
      faults: { rate: 0.5, kinds: ['503', 'throttle'], seed: 7 },
    });
    client = createClient({
      credentials: staticCredentials(emulator.credentials),
      endpoint: emulator.url,
      baseDelayMs: 5,
      maxDelayMs: 20,
      maxAttempts: 12,
      rateLimits: false,
    });
    for (let i = 0; i < 10; i++) {
      const res = await client.call('ga', 'ListBandwidthPackages', {});
      expect(res.status).toBe(200);
    }
    const stats = await emulator.stats();
    expect(Object.values(stats.faults).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});
