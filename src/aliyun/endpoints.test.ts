import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { hostFor, originFor, parseEndpointOverride } from './endpoints.js';

describe('endpoints (reference §0)', () => {
  it('maps VPC regions like the SDK endpoint map', () => {
    expect(hostFor('vpc', 'cn-hangzhou')).toBe('vpc.aliyuncs.com');
    expect(hostFor('vpc', 'cn-zhangbei')).toBe('vpc.aliyuncs.com');
    expect(hostFor('vpc', 'cn-shanghai')).toBe('vpc.cn-shanghai.aliyuncs.com');
    expect(hostFor('vpc', 'ap-southeast-1')).toBe('vpc.ap-southeast-1.aliyuncs.com');
  });

  it('sends CBN to its central host and GA to cn-hangzhou whatever the region', () => {
    expect(hostFor('cbn', 'cn-shanghai')).toBe('cbn.aliyuncs.com');
    expect(hostFor('ga', 'cn-beijing')).toBe('ga.cn-hangzhou.aliyuncs.com');
  });

  it('uses https for public hosts and the override for everything when given', () => {
    expect(originFor('vpc', 'cn-beijing').href).toBe('https://vpc.cn-beijing.aliyuncs.com/');
    const o = parseEndpointOverride('http://127.0.0.1:9000/');
    expect(originFor('ga', undefined, o).origin).toBe('http://127.0.0.1:9000');
  });

  it.each([
    'http://127.0.0.1:1',
    'http://127.8.9.10',
    'http://localhost:8080',
    'http://[::1]:80',
    'https://example.com',
  ])('accepts %s', (url) => {
    expect(() => parseEndpointOverride(url)).not.toThrow();
  });

  it.each([
    ['http://10.0.0.1:8080', /plain http:\/\/ to 10\.0\.0\.1/],
    ['http://example.com', /only for loopback/],
    ['ftp://127.0.0.1', /https/],
    ['not a url', /not a valid URL/],
    ['https://example.com/path', /without path/],
    ['https://user:pw@example.com', /user name/],
  ])('refuses %s with a clear error', (url, message) => {
    expect(() => parseEndpointOverride(url)).toThrow(ConfigError);
    expect(() => parseEndpointOverride(url)).toThrow(message);
  });

  it('names where the bad URL came from', () => {
    expect(() => parseEndpointOverride('http://10.1.1.1', 'BWSYNC_ENDPOINT')).toThrow(/^BWSYNC_ENDPOINT/);
  });
});
