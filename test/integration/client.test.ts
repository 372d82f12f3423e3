import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src/aliyun/client.js';
import { staticCredentials } from '../../src/aliyun/credentials.js';
import { AliyunApiError } from '../../src/aliyun/errors.js';
import type { CallLog, RpcClient } from '../../src/aliyun/types.js';
import { type Reply, type ScriptedServer, startScriptedServer } from '../helpers/scripted-server.js';

const KEYS = { accessKeyId: 'LTAItestkey', accessKeySecret: 'test-secret-do-not-print' };
let server: ScriptedServer | undefined;
let client: RpcClient | undefined;

afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

async function setup(replies: Reply[], extra: Partial<Parameters<typeof createClient>[0]> = {}) {
  server = await startScriptedServer({ secret: KEYS.accessKeySecret, replies });
  const logs: CallLog[] = [];
  client = createClient({
    credentials: staticCredentials(KEYS),
    endpoint: server.url,
    baseDelayMs: 10,
    maxDelayMs: 50,
    rateLimits: false,
    log: (l) => logs.push(l),
    random: () => 0.5,
    ...extra,
  });
  return { server, client, logs };
}

async function failure(p: Promise<unknown>): Promise<AliyunApiError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AliyunApiError);
  return error as AliyunApiError;
}

const unavailable: Reply = {
  kind: 'json',
  status: 503,
  body: { Code: 'ServiceUnavailable', Message: 'try later' },
};

describe('client over HTTP on 127.0.0.1', () => {
  it.each(['v3', 'v1'] as const)(
    'sends %s-signed requests the server verifies, with flattened parameters',
    async (signature) => {
      const { server, client } = await setup([], { signature });
      const res = await client.call(
        'vpc',
        'DescribeCommonBandwidthPackages',
        {
          PageSize: 50,
          Tag: [{ Key: 'env', Value: 'prod a*b~c/é' }],
          IncludeReservationData: true,
          Skip: null,
        },
        { region: 'cn-hangzhou' },
      );
      expect(res.status).toBe(200);
      expect(res.attempts).toBe(1);
      const [req] = server.requests;
      expect(req?.version).toBe(signature);
      expect(req?.signatureOk).toBe(true);
      expect(req?.method).toBe(signature === 'v3' ? 'POST' : 'GET');
      expect(req?.action).toBe('DescribeCommonBandwidthPackages');
      expect(req?.params).toEqual({
        PageSize: '50',
        'Tag.1.Key': 'env',
        'Tag.1.Value': 'prod a*b~c/é',
        IncludeReservationData: 'true',
        RegionId: 'cn-hangzhou',
      });
    },
  );

  it('sends the STS token and the server still verifies the signature', async () => {
    server = await startScriptedServer({ secret: KEYS.accessKeySecret });
    client = createClient({
      credentials: staticCredentials({ ...KEYS, securityToken: 'sts-token-xyz' }),
      endpoint: server.url,
    });
    await client.call('cbn', 'DescribeCenBandwidthPackages', {});
    expect(server.requests[0]?.signatureOk).toBe(true);
    expect(server.requests[0]?.headers['x-acs-security-token']).toBe('sts-token-xyz');
  });

  it('adds RegionId=cn-hangzhou to GA calls', async () => {
    const { server, client } = await setup([]);
    await client.call('ga', 'ListBandwidthPackages', {});
    expect(server.requests[0]?.params.RegionId).toBe('cn-hangzhou');
  });

  it('retries a 503 and succeeds, with the same parameters and ClientToken each time', async () => {
    const { server, client, logs } = await setup([unavailable, unavailable]);
    const res = await client.call(
      'vpc',
      'CreateCommonBandwidthPackage',
      { Bandwidth: 10, ClientToken: 'tok-1' },
      { region: 'cn-shanghai' },
    );
    expect(res.attempts).toBe(3);
    expect(res.requestIds).toHaveLength(3);
    expect(server.requests.map((r) => r.params)).toEqual(
      Array(3).fill({ Bandwidth: '10', ClientToken: 'tok-1', RegionId: 'cn-shanghai' }),
    );
    // Each attempt is signed afresh: a new nonce every time.
    const nonces = new Set(server.requests.map((r) => r.headers['x-acs-signature-nonce']));
    expect(nonces.size).toBe(3);
    expect(logs.map((l) => [l.attempt, l.status, l.code])).toEqual([
      [1, 503, 'ServiceUnavailable'],
      [2, 503, 'ServiceUnavailable'],
      [3, 200, undefined],
    ]);
  });

  it('waits at least x-acs-retry-after (milliseconds) after Throttling.User', async () => {
    const throttled: Reply = {
      kind: 'json',
      status: 400,
      body: { Code: 'Throttling.User', Message: 'Request was denied due to user flow control.' },
      headers: { 'x-acs-retry-after': '600' },
    };
    const { server, client } = await setup([throttled]);
    const res = await client.call('vpc', 'DescribeCommonBandwidthPackages', {});
    expect(res.attempts).toBe(2);
    const [first, second] = server.requests;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(600);
  });

  it('does not retry InvalidParameter and reports code, message and RequestId', async () => {
    const { server, client } = await setup([
      {
        kind: 'json',
        status: 400,
        body: { Code: 'InvalidParameter', Message: 'Bandwidth is invalid.', RequestId: 'RID-42' },
      },
    ]);
    const error = await failure(client.call('vpc', 'ModifyCommonBandwidthPackageSpec', { Bandwidth: 0 }));
    expect(server.requests).toHaveLength(1);
    expect(error).toMatchObject({
      code: 'InvalidParameter',
      apiMessage: 'Bandwidth is invalid.',
      requestId: 'RID-42',
      status: 400,
    });
    expect(error.classification).toBe('fatal');
    expect(error.message).toContain('RID-42');
  });

  it('retries a reset connection on an idempotent call', async () => {
    const { server, client } = await setup([{ kind: 'reset' }]);
    const res = await client.call('vpc', 'DescribeCommonBandwidthPackages', {}, { idempotent: true });
    expect(res.attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it('reports a reset connection on a non-idempotent call as ambiguous, without retrying', async () => {
    const { server, client } = await setup([{ kind: 'reset' }]);
    const error = await failure(client.call('vpc', 'AddCommonBandwidthPackageIp', { IpInstanceId: 'eip-1' }));
    expect(error.classification).toBe('ambiguous');
    expect(error.status).toBe(0);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a reset connection on a write carrying a ClientToken, with the same token', async () => {
    const { server, client } = await setup([{ kind: 'reset' }]);
    const res = await client.call('vpc', 'AddCommonBandwidthPackageIp', {
      IpInstanceId: 'eip-1',
      ClientToken: 'tok-7',
    });
    expect(res.attempts).toBe(2);
    expect(server.requests.map((r) => r.params.ClientToken)).toEqual(['tok-7', 'tok-7']);
  });

  it('reports a timed-out write without ClientToken as ambiguous, after one attempt', async () => {
    const { server, client } = await setup([{ kind: 'hang' }], { timeoutMs: 200 });
    const error = await failure(
      client.call('vpc', 'RemoveCommonBandwidthPackageIp', { IpInstanceId: 'eip-1' }),
    );
    expect(error).toMatchObject({ code: 'RequestTimeout', classification: 'ambiguous', attempts: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('spaces calls to one API by the rate limit, as the server sees them', async () => {
    const { server, client } = await setup([], { rateLimits: { default: { perSecond: 10, burst: 1 } } });
    await Promise.all(
      Array.from({ length: 4 }, () => client.call('vpc', 'DescribeCommonBandwidthPackages', {})),
    );
    const times = server.requests.map((r) => r.at).sort((a, b) => a - b);
    // Three waits of 100 ms each at 10/s with no burst; 5 ms slack for timer rounding.
    expect((times[3] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(295);
  });

  it('times out a hung server and retries an idempotent call until the attempts run out', async () => {
    const { server, client } = await setup([{ kind: 'hang' }, { kind: 'hang' }], {
      timeoutMs: 200,
      maxAttempts: 2,
    });
    const error = await failure(
      client.call('vpc', 'DescribeCommonBandwidthPackages', {}, { idempotent: true }),
    );
    expect(error.code).toBe('RequestTimeout');
    expect(error.attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it('stops when the caller aborts, without further attempts', async () => {
    const { server, client } = await setup([{ kind: 'hang' }]);
    const controller = new AbortController();
    const pending = client.call(
      'vpc',
      'DescribeCommonBandwidthPackages',
      {},
      { signal: controller.signal, idempotent: true },
    );
    const until = Date.now() + 5000;
    while (server.requests.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    controller.abort(new Error('interrupted by test'));
    await expect(pending).rejects.toThrow('interrupted by test');
    expect(server.requests).toHaveLength(1);
  });

  it("stops waiting for the next attempt when the caller aborts, with the caller's reason", async () => {
    const { server, client } = await setup([unavailable], {
      baseDelayMs: 60_000,
      maxDelayMs: 60_000,
      random: () => 1,
    });
    const controller = new AbortController();
    const pending = client.call('vpc', 'DescribeCommonBandwidthPackages', {}, { signal: controller.signal });
    const until = Date.now() + 5000;
    while (server.requests.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 50));
    controller.abort(new Error('stop now'));
    await expect(pending).rejects.toThrow('stop now');
    expect(server.requests).toHaveLength(1);
  });

  it('treats a 200 whose body carries an error Code as a failure', async () => {
    const { client } = await setup([
      { kind: 'json', status: 200, body: { Code: 'Forbidden.RAM', Message: 'denied' } },
    ]);
    const error = await failure(client.call('cbn', 'DescribeCens', {}));
    expect(error.code).toBe('Forbidden.RAM');
  });

  it('parses an XML error body', async () => {
    const xml =
      '<?xml version="1.0"?><Error><RequestId>RID-X</RequestId><Code>InvalidParameter.Name</Code><Message>bad name</Message></Error>';
    const { client } = await setup([
      { kind: 'text', status: 400, text: xml, contentType: 'text/xml;charset=utf-8' },
    ]);
    const error = await failure(client.call('vpc', 'CreateCommonBandwidthPackage', {}));
    expect(error).toMatchObject({
      code: 'InvalidParameter.Name',
      apiMessage: 'bad name',
      requestId: 'RID-X',
    });
  });

  it('gives up at the attempt cap with the last error and every RequestId', async () => {
    const { server, client } = await setup([unavailable, unavailable, unavailable], { maxAttempts: 3 });
    const error = await failure(client.call('vpc', 'DescribeCommonBandwidthPackages', {}));
    expect(server.requests).toHaveLength(3);
    expect(error.attempts).toBe(3);
    expect(error.requestIds).toHaveLength(3);
  });

  it('gives up when the next wait would pass the deadline', async () => {
    const throttled: Reply = {
      kind: 'json',
      status: 400,
      body: { Code: 'Throttling.Api', Message: 'slow down' },
      headers: { 'x-acs-retry-after': '5000' },
    };
    const { server, client } = await setup([throttled], { deadlineMs: 1000 });
    const error = await failure(client.call('vpc', 'DescribeCommonBandwidthPackages', {}));
    expect(error.classification).toBe('throttled');
    expect(error.retryAfterMs).toBe(5000);
    expect(server.requests).toHaveLength(1);
  });

  it('reuses keep-alive connections across calls to the same origin', async () => {
    const { server, client } = await setup([]);
    for (let i = 0; i < 6; i++) await client.call('vpc', 'DescribeCommonBandwidthPackages', {});
    const ports = new Set(server.requests.map((r) => r.remotePort));
    expect(server.requests).toHaveLength(6);
    // Sequential calls reuse pooled connections (undici may warm a second one), never one each.
    expect(ports.size).toBeLessThanOrEqual(2);
  });
});
