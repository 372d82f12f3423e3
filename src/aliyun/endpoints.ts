import { ConfigError } from '../errors.js';
import type { Product } from '../model/kinds.js';

/** API version per product (reference §0). */
export const API_VERSIONS = {
  vpc: '2016-04-28',
  cbn: '2017-09-12',
  ga: '2019-11-20',
} as const satisfies Record<Product, string>;

/** GA is served from one region; every GA action carries `RegionId=cn-hangzhou`. */
export const GA_REGION = 'cn-hangzhou';

/**
 * Public regions that the VPC SDK maps to the central host instead of `vpc.<region>…`
 * (`_endpointMap` of @alicloud/vpc20160428; internal and finance-only regions left out).
 */
const VPC_CENTRAL_REGIONS = new Set(['cn-hangzhou', 'cn-fujian', 'cn-wuhan', 'cn-zhangbei']);

/** The HTTPS host for a product and region, per the SDK endpoint rules. */
export function hostFor(product: Product, region: string | undefined): string {
  switch (product) {
    case 'cbn':
      return 'cbn.aliyuncs.com';
    case 'ga':
      return `ga.${GA_REGION}.aliyuncs.com`;
    case 'vpc':
      if (!region || VPC_CENTRAL_REGIONS.has(region)) return 'vpc.aliyuncs.com';
      return `vpc.${region}.aliyuncs.com`;
  }
}

const LOOPBACK_HOST = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\]|::1|localhost)$/i;

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOST.test(hostname);
}

/**
 * Checks an `--endpoint` / `BWSYNC_ENDPOINT` URL: https anywhere, plain http only on loopback,
 * no path, query or credentials. Returns the normalised origin (`http://127.0.0.1:8080`).
 */
export function parseEndpointOverride(raw: string, where = '--endpoint'): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${where} is not a valid URL: "${raw}".`, {
      hint: 'Give a full URL such as http://127.0.0.1:8080 or https://vpc.aliyuncs.com.',
    });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`${where} must use https:// (or http:// on loopback), not ${url.protocol}//.`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new ConfigError(
      `${where} uses plain http:// to ${url.hostname}; plain HTTP is allowed only for loopback hosts (127.0.0.0/8, ::1, localhost).`,
      { hint: 'Use https:// for remote endpoints.' },
    );
  }
  if (url.username || url.password) {
    throw new ConfigError(`${where} must not contain a user name or password.`);
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    throw new ConfigError(`${where} must be an origin without path or query: "${raw}".`, {
      hint: `Use ${url.origin}`,
    });
  }
  return new URL(url.origin);
}

/** The origin a call goes to: the override when given, else the product's public host. */
export function originFor(product: Product, region: string | undefined, override?: URL): URL {
  return override ?? new URL(`https://${hostFor(product, region)}`);
}
