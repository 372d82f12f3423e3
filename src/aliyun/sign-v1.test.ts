import { describe, expect, it } from 'vitest';
import { canonicalQuery, percentEncode } from './encode.js';
import { signV1, stringToSignV1 } from './sign-v1.js';

const officialParams = {
  AccessKeyId: 'testid',
  Action: 'DescribeRegions',
  Format: 'XML',
  SignatureMethod: 'HMAC-SHA1',
  SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
  SignatureVersion: '1.0',
  Timestamp: '2016-02-23T12:46:24Z',
  Version: '2014-05-26',
};

describe('V1 HMAC-SHA1 signature (reference §4.1)', () => {
  it('matches the official ECS documentation vector, string to sign included', () => {
    expect(stringToSignV1('GET', officialParams)).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    );
    expect(signV1('GET', officialParams, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  it('sorts case-sensitively: the older doc key TimeStamp gives its own published signature', () => {
    const { Timestamp, ...rest } = officialParams;
    expect(signV1('GET', { ...rest, TimeStamp: Timestamp }, 'testsecret')).toBe(
      'CT9X0VtwR86fNWSnsc6v8YGOjuE=',
    );
  });

  it('matches the SDK unit vector with an empty method', () => {
    expect(stringToSignV1('', { test: 'ok' })).toBe('&%2F&test%3Dok');
    expect(signV1('', { test: 'ok' }, 'accessKeySecret')).toBe('jHx/oHoHNrbVfhncHEvPdHXZwHU=');
  });

  it('encodes space, star, slash, tilde and UTF-8 like the SDK (own CBWP vector)', () => {
    const params = {
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
    };
    expect(canonicalQuery(params)).toContain(
      '&Tag.1.Key=env&Tag.1.Value=prod%20a%2Ab~c%2F%C3%A9&Timestamp=2024-01-02T03%3A04%3A05Z&Version=2016-04-28',
    );
    expect(signV1('POST', params, 'testsecret')).toBe('GItmye5q6h36kz6MRnlmU8pCA4E=');
  });

  it("percent-encodes !'()* which encodeURIComponent leaves alone", () => {
    expect(percentEncode("a!b'c(d)e*f g~h")).toBe('a%21b%27c%28d%29e%2Af%20g~h');
  });
});
