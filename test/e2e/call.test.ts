import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { type Reply, type ScriptedServer, startScriptedServer } from '../helpers/scripted-server.js';

const SECRET = 'e2e-Secret-Value-0123456789abcdef';
const TOKEN = 'e2e-STS-Token-ZYXWVUTSRQPONMLK';
const KEY_ID = 'LTAIe2eKeyId0001';

let home: string;
let server: ScriptedServer | undefined;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'bwsync-call-'));
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(home, { recursive: true, force: true });
});

const withKeys = (extra: Record<string, string> = {}) => ({
  HOME: home,
  ALIBABA_CLOUD_ACCESS_KEY_ID: KEY_ID,
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET,
  ALIBABA_CLOUD_SECURITY_TOKEN: TOKEN,
  ...extra,
});

/** Every signature the server received, V3 hex and V1 base64 alike. */
function signaturesSeen(s: ScriptedServer): string[] {
  return s.requests.flatMap((r) => {
    const auth = r.headers.authorization;
    const v3 = typeof auth === 'string' ? /Signature=([0-9a-f]+)/.exec(auth)?.[1] : undefined;
    const v1 = new URL(r.rawUrl, 'http://x').searchParams.get('Signature') ?? undefined;
    return [v3, v1].filter((x): x is string => Boolean(x));
  });
}

describe('bwsync call', () => {
  it('without credentials prints one clear message naming the variables and exits 1', async () => {
    const run = await runCli(['call', 'vpc', 'DescribeCommonBandwidthPackages', '--region', 'cn-hangzhou'], {
      env: { HOME: home },
      cwd: home,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it.each(['v3', 'v1'])(
    'with --debug never prints the secret, the %s signature or the STS token',
    async (signature) => {
      const unavailable: Reply = {
        kind: 'json',
        status: 503,
        body: { Code: 'ServiceUnavailable', Message: 'busy' },
      };
      const invalid: Reply = {
        kind: 'json',
        status: 400,
        body: { Code: 'InvalidParameter', Message: 'bad' },
      };
      server = await startScriptedServer({
        secret: SECRET,
        replies: [unavailable, { kind: 'json' }, invalid],
      });
      const args = [
        'call',
        'vpc',
        'DescribeCommonBandwidthPackages',
        'PageSize=10',
        '--debug',
        '--signature',
        signature,
      ];
      const ok = await runCli([...args, '--endpoint', server.url], { env: withKeys(), cwd: home });
      const fail = await runCli(
        ['call', 'vpc', 'CreateCommonBandwidthPackage', 'Bandwidth=0', '--debug', '--signature', signature],
        {
          env: withKeys({ BWSYNC_ENDPOINT: server.url }),
          cwd: home,
        },
      );
      expect(ok.code).toBe(0);
      // The failing call prints its error and, with --debug, a stack trace: still nothing secret.
      expect(fail.code).toBe(1);
      expect(fail.stderr).toMatch(/\n\s+at /);
      expect(server.requests.every((r) => r.signatureOk)).toBe(true);
      expect(ok.stderr).toMatch(
        /debug: vpc DescribeCommonBandwidthPackages http:\/\/127\.0\.0\.1:\d+ attempt=1 status=503/,
      );
      expect(ok.stderr).toMatch(/attempt=2 status=200 \d+ms RequestId=rid-/);
      expect(ok.stderr).toContain('debug: credentials from env\n');
      const signatures = signaturesSeen(server);
      expect(signatures.length).toBe(server.requests.length);
      for (const output of [ok.stdout, ok.stderr, fail.stdout, fail.stderr]) {
        expect(output).not.toContain(SECRET);
        expect(output).not.toContain(TOKEN);
        for (const sig of signatures) expect(output).not.toContain(sig);
      }
    },
  );

  it('prints the JSON response on stdout, pretty, and sends Key=Value parameters as given', async () => {
    server = await startScriptedServer({
      secret: SECRET,
      replies: [{ kind: 'json', body: { RequestId: 'RID-OK', TotalCount: 0, Items: { Item: [] } } }],
    });
    const run = await runCli(
      [
        'call',
        'cbn',
        'DescribeCenBandwidthPackages',
        'Filter.1.Key=CenId',
        'Filter.1.Value.1=cen-x',
        'Note=a=b',
        '--endpoint',
        server.url,
      ],
      { env: withKeys(), cwd: home },
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ RequestId: 'RID-OK', TotalCount: 0, Items: { Item: [] } });
    expect(run.stdout).toContain('\n  "RequestId": "RID-OK"');
    expect(server.requests[0]?.params).toEqual({
      'Filter.1.Key': 'CenId',
      'Filter.1.Value.1': 'cen-x',
      Note: 'a=b',
    });
  });

  it('prints Code, Message and RequestId of an API error on stderr and exits 1', async () => {
    server = await startScriptedServer({
      secret: SECRET,
      replies: [
        {
          kind: 'json',
          status: 400,
          body: { Code: 'InvalidParameter', Message: 'Bandwidth is out of range.', RequestId: 'RID-BAD' },
        },
      ],
    });
    const run = await runCli(
      ['call', 'vpc', 'ModifyCommonBandwidthPackageSpec', 'Bandwidth=0', '--endpoint', server.url],
      {
        env: withKeys(),
        cwd: home,
      },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Code: InvalidParameter');
    expect(run.stderr).toContain('Message: Bandwidth is out of range.');
    expect(run.stderr).toContain('RequestId: RID-BAD');
    expect(server.requests).toHaveLength(1);
  });

  it('uses the emulator demo pair on a loopback endpoint when no credentials exist', async () => {
    const { DEMO_CREDENTIALS } = await import('../../src/emulator/index.js');
    server = await startScriptedServer({ secret: DEMO_CREDENTIALS.accessKeySecret });
    const run = await runCli(['call', 'ga', 'ListBandwidthPackages', '--endpoint', server.url, '--debug'], {
      env: { HOME: home },
      cwd: home,
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('using the emulator demo pair');
    expect(server.requests[0]?.signatureOk).toBe(true);
    expect(server.requests[0]?.params.RegionId).toBe('cn-hangzhou');
  });

  it('runs against the embedded emulator with --local, keeping its state under .bwsync/', async () => {
    const run = await runCli(
      ['call', 'vpc', 'DescribeEipAddresses', '--local', '--region', 'cn-hangzhou', 'PageSize=50'],
      {
        env: { HOME: home },
        cwd: home,
      },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('eip-bp1demo0000000000001');
    expect(existsSync(join(home, '.bwsync', 'local-cloud.json'))).toBe(true);
  });

  it.each([
    [['call', 'vpc', 'DescribeX', 'PageSize'], /Parameter 1 "PageSize" is not Key=Value/],
    [['call', 'vpc', 'DescribeX', 'A=1', 'A=2'], /Parameter A is given twice/],
    [['call', 'cen', 'DescribeX'], /Unknown product "cen".*\n.*cbn/],
    [['call', 'vpc', 'describe-x'], /not an API action name/],
    [['call', 'vpc', 'DescribeX', '--endpoint', 'http://192.0.2.1:80'], /only for loopback hosts/],
    [['call', 'vpc', 'DescribeX', '--signature', 'v2'], /argument 'v2' is invalid/],
  ])('refuses %j with a clear error before any call', async (args, message) => {
    const run = await runCli(args, { env: withKeys(), cwd: home });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
