import type { ActionTable } from './context.js';

export const VERSIONS = { vpc: '2016-04-28', cbn: '2017-09-12', ga: '2019-11-20' } as const;
export type Product = keyof typeof VERSIONS;

export const HOSTS: Record<Product, string> = {
  vpc: 'vpc.aliyuncs.com',
  cbn: 'cbn.aliyuncs.com',
  ga: 'ga.cn-hangzhou.aliyuncs.com',
};

export function productOf(version: string): Product | undefined {
  for (const [product, v] of Object.entries(VERSIONS)) if (v === version) return product as Product;
  return undefined;
}

export type Registry = Record<Product, ActionTable>;
