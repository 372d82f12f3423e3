import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { percentEncode, v1Signature, v3Signature, verifyV1, verifyV3 } from './signature.js';

const EMPTY_SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('V1 signatures (reference §4.1 vectors)', () => {
  it('matches the official ECS doc vector', () => {
    const params = new Map(
      Object.entries({
        AccessKeyId: 'testid',
        Action: 'DescribeRegions',
        Format: 'XML',
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
        SignatureVersion: '1.0',
        Timestamp: '2016-02-23T12:46:24Z',
        Version: '2014-05-26',
      }),
    );
    expect(v1Signature('GET', params, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  it('matches the encoding edge-case vector (space, *, ~, /, é)', () => {
    const params = new Map(
      Object.entries({
        AccessKeyId: 'testid',
        Action: 'DescribeCommonBandwidthPackages',
        Format: 'JSON',
        PageNumber: '1',
        PageSize: '50',
        RegionId: 'cn-hangzhou',
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: '0b6c1e8e-7c8a-4d8e-9d2a-000000000001',
        SignatureVersion: '1.0',
        'Tag.1.Key': 'env',
        'Tag.1.Value': 'prod a*b~c/é',
        Timestamp: '2024-01-02T03:04:05Z',
        Version: '2016-04-28',
      }),
    );
    expect(v1Signature('POST', params, 'testsecret')).toBe('GItmye5q6h36kz6MRnlmU8pCA4E=');
    expect(percentEncode('prod a*b~c/é')).toBe('prod%20a%2Ab~c%2F%C3%A9');
  });

  it('reports a signature mismatch, an unknown key and an expired timestamp with the real codes', () => {
    const keys = new Map([['id', 'secret']]);
    const base = { AccessKeyId: 'id', SignatureNonce: 'n', Timestamp: '2024-01-02T03:04:05Z', Action: 'X' };
    const now = Date.parse('2024-01-02T03:05:00Z');
    const signed = new Map(Object.entries(base));
    signed.set('Signature', v1Signature('GET', signed, 'secret'));
    expect(verifyV1('GET', signed, keys, now).accessKeyId).toBe('id');
    expect(() => verifyV1('POST', signed, keys, now)).toThrow(
      expect.objectContaining({ code: 'SignatureDoesNotMatch' }),
    );
    expect(() => verifyV1('GET', new Map([...signed, ['AccessKeyId', 'other']]), keys, now)).toThrow(
      expect.objectContaining({ code: 'InvalidAccessKeyId.NotFound', status: 404 }),
    );
    expect(() => verifyV1('GET', signed, keys, now + 40 * 60_000)).toThrow(
      expect.objectContaining({ code: 'InvalidTimeStamp.Expired' }),
    );
  });
});

describe('V3 signatures (reference §4.2 vectors)', () => {
  const signed = [
    'host',
    'x-acs-action',
    'x-acs-content-sha256',
    'x-acs-date',
    'x-acs-signature-nonce',
    'x-acs-version',
  ];

  it('matches the official doc worked example', () => {
    const headers = {
      host: 'ecs.cn-shanghai.aliyuncs.com',
      'x-acs-action': 'RunInstances',
      'x-acs-version': '2014-05-26',
      'x-acs-date': '2023-10-26T10:22:32Z',
      'x-acs-signature-nonce': '3156853299f313e23d1673dc12e1703d',
      'x-acs-content-sha256': EMPTY_SHA,
    };
    const query = new URLSearchParams({
      ImageId: 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd',
      RegionId: 'cn-shanghai',
    });
    const sig = v3Signature(
      { method: 'POST', query, headers, body: Buffer.alloc(0) },
      signed,
      'YourAccessKeySecret',
    );
    expect(sig).toBe('06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0');
  });

  it('matches the CBWP vector', () => {
    const headers = {
      host: 'vpc.aliyuncs.com',
      'x-acs-action': 'ModifyCommonBandwidthPackageSpec',
      'x-acs-version': '2016-04-28',
      'x-acs-date': '2024-01-02T03:04:05Z',
      'x-acs-signature-nonce': 'd41d8cd98f00b204e9800998ecf8427e',
      'x-acs-content-sha256': createHash('sha256').update('').digest('hex'),
    };
    const query = new URLSearchParams({
      Bandwidth: '200',
      BandwidthPackageId: 'cbwp-bp1example0000001',
      RegionId: 'cn-hangzhou',
    });
    expect(v3Signature({ method: 'POST', query, headers, body: Buffer.alloc(0) }, signed, 'testsecret')).toBe(
      'b60ea230e5af185f06008ad510bbfd1e16f86bf881232cdd25eab53f47bb3beb',
    );
  });
});

describe('independence', () => {
  it('imports nothing from the client, providers, planner or executor', () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(`${dir}/${file}`, 'utf8');
      expect(text, file).not.toMatch(/from '\.\.\/(aliyun|providers|planner|executor)\//);
    }
  });
});

describe('V3 verification', () => {
  const keys = new Map([['id', 'secret']]);
  const now = Date.parse('2024-01-02T03:04:05Z');
  function request(body: string, overrides: Record<string, string> = {}) {
    const headers: Record<string, string> = {
      host: '127.0.0.1:1',
      'x-acs-action': 'DescribeCens',
      'x-acs-version': '2017-09-12',
      'x-acs-date': '2024-01-02T03:04:05Z',
      'x-acs-signature-nonce': 'n1',
      'x-acs-content-sha256': createHash('sha256').update(body).digest('hex'),
    };
    const names = Object.keys(headers).sort();
    const req = {
      method: 'POST',
      query: new URLSearchParams({ PageSize: '10' }),
      headers,
      body: Buffer.from(body),
    };
    const sig = v3Signature(req, names, 'secret');
    headers.authorization = `ACS3-HMAC-SHA256 Credential=id,SignedHeaders=${names.join(';')},Signature=${sig}`;
    Object.assign(headers, overrides);
    return req;
  }

  it('accepts a correct request and names the signer', () => {
    expect(verifyV3(request(''), keys, now)).toMatchObject({ accessKeyId: 'id', nonce: 'n1' });
  });

  it('rejects a body that does not match x-acs-content-sha256, a changed header and a stale date', () => {
    const tampered = request('a=1');
    tampered.body = Buffer.from('a=2');
    expect(() => verifyV3(tampered, keys, now)).toThrow(
      expect.objectContaining({ code: 'ContentSHA256NotMatched' }),
    );
    expect(() => verifyV3(request('', { 'x-acs-action': 'DeleteCen' }), keys, now)).toThrow(
      expect.objectContaining({ code: 'SignatureDoesNotMatch' }),
    );
    expect(() => verifyV3(request(''), keys, now + 16 * 60_000)).toThrow(
      expect.objectContaining({ code: 'InvalidTimeStamp.Expired' }),
    );
    expect(() => verifyV3(request('', { authorization: 'ACS3-HMAC-SHA256 nonsense' }), keys, now)).toThrow(
      expect.objectContaining({ code: 'IncompleteSignature' }),
    );
  });
});
