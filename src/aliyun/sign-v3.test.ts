import { describe, expect, it } from 'vitest';
import { authorizationV3, canonicalRequestV3, EMPTY_PAYLOAD_SHA256, sha256Hex } from './sign-v3.js';

function docRequest(date: string, nonce: string) {
  return {
    method: 'POST',
    path: '/',
    query: { ImageId: 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd', RegionId: 'cn-shanghai' },
    headers: {
      host: 'ecs.cn-shanghai.aliyuncs.com',
      'x-acs-action': 'RunInstances',
      'x-acs-version': '2014-05-26',
      'x-acs-date': date,
      'x-acs-signature-nonce': nonce,
      'x-acs-content-sha256': EMPTY_PAYLOAD_SHA256,
    },
    payloadHash: EMPTY_PAYLOAD_SHA256,
  };
}
const docKeys = { accessKeyId: 'YourAccessKeyId', accessKeySecret: 'YourAccessKeySecret' };
const signatureOf = (auth: string) => auth.split('Signature=')[1];

describe('V3 ACS3-HMAC-SHA256 signature (reference §4.2)', () => {
  it('hashes an empty body to the documented constant', () => {
    expect(sha256Hex('')).toBe(EMPTY_PAYLOAD_SHA256);
  });

  it('matches the official worked example', () => {
    const auth = authorizationV3(
      docRequest('2023-10-26T10:22:32Z', '3156853299f313e23d1673dc12e1703d'),
      docKeys,
    );
    expect(auth).toBe(
      'ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0',
    );
  });

  it("matches the doc header table's date and nonce variant", () => {
    const auth = authorizationV3(
      docRequest('2023-10-26T09:01:01Z', 'd410180a5abf7fe235dd9b74aca91fc0'),
      docKeys,
    );
    expect(signatureOf(auth)).toBe('e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804');
  });

  it('canonicalises like the SDK unit test: unset method, empty value, duplicate header names', () => {
    const req = {
      method: undefined,
      path: '',
      query: { test: 'ok', empty: '' },
      headers: { 'x-acs-TEST': 'https', 'x-acs-test': 'http' },
      payloadHash: '55e12e91650d2fec56ec74e1d3e4ddbfce2ef3a65890c2a19ecf88a307e76a23',
    };
    expect(canonicalRequestV3(req).canonical).toBe(
      'undefined\n\nempty=&test=ok\nx-acs-test:http,https\n\nx-acs-test\n55e12e91650d2fec56ec74e1d3e4ddbfce2ef3a65890c2a19ecf88a307e76a23',
    );
    expect(authorizationV3(req, { accessKeyId: 'acesskey', accessKeySecret: 'secret' })).toBe(
      'ACS3-HMAC-SHA256 Credential=acesskey,SignedHeaders=x-acs-test,Signature=0f2d549523cf082c83bb8135b5863614f7fe16ca7c2c7fc537e74d67374eeeac',
    );
  });

  it('matches the SDK unit test with no query and no headers', () => {
    const req = {
      method: undefined,
      path: '',
      query: {},
      headers: {},
      payloadHash: '55e12e91650d2fec56ec74e1d3e4ddbfce2ef3a65890c2a19ecf88a307e76a23',
    };
    const auth = authorizationV3(req, { accessKeyId: 'acesskey', accessKeySecret: 'secret' });
    expect(auth).toContain('SignedHeaders=,');
    expect(signatureOf(auth)).toBe('608b887e491f3e88e85276b188a4d24e29230a559464685ccbf2dcc458e1fde8');
  });

  it('matches the own CBWP ModifyCommonBandwidthPackageSpec vector', () => {
    const req = {
      method: 'POST',
      path: '/',
      query: { Bandwidth: '200', BandwidthPackageId: 'cbwp-bp1example0000001', RegionId: 'cn-hangzhou' },
      headers: {
        host: 'vpc.aliyuncs.com',
        'x-acs-action': 'ModifyCommonBandwidthPackageSpec',
        'x-acs-version': '2016-04-28',
        'x-acs-date': '2024-01-02T03:04:05Z',
        'x-acs-signature-nonce': 'd41d8cd98f00b204e9800998ecf8427e',
        'x-acs-content-sha256': EMPTY_PAYLOAD_SHA256,
      },
      payloadHash: EMPTY_PAYLOAD_SHA256,
    };
    expect(sha256Hex(canonicalRequestV3(req).canonical)).toBe(
      'a8716c8449a98c25379ea2de7a59b6d6b4e495d22ed85b87526567bf70ba650c',
    );
    const auth = authorizationV3(req, { accessKeyId: 'testid', accessKeySecret: 'testsecret' });
    expect(signatureOf(auth)).toBe('b60ea230e5af185f06008ad510bbfd1e16f86bf881232cdd25eab53f47bb3beb');
  });

  it('ignores headers outside host, content-type and x-acs-*', () => {
    const base = { method: 'POST', path: '/', query: {}, payloadHash: EMPTY_PAYLOAD_SHA256 };
    const a = canonicalRequestV3({ ...base, headers: { host: 'h', 'user-agent': 'x' } });
    expect(a.signedHeaders).toBe('host');
  });
});
