/** The three kinds of bandwidth package bwsync manages, as written in YAML. */
export const KINDS = ['sharedBandwidth', 'cenBandwidth', 'gaBandwidth'] as const;
export type Kind = (typeof KINDS)[number];

/** Alibaba Cloud RPC products behind the kinds. */
export const PRODUCTS = ['vpc', 'cbn', 'ga'] as const;
export type Product = (typeof PRODUCTS)[number];

export const KIND_PRODUCT = {
  sharedBandwidth: 'vpc',
  cenBandwidth: 'cbn',
  gaBandwidth: 'ga',
} as const satisfies Record<Kind, Product>;

/**
 * CEN bandwidth packages and GA bandwidth plans are not regional resources; bwsync files them
 * under this pseudo-region so that every resource has a (kind, region, name) identity.
 */
export const GLOBAL_REGION = 'global';

export function isRegional(kind: Kind): boolean {
  return kind === 'sharedBandwidth';
}

/**
 * A resource address: `sharedBandwidth/cn-hangzhou/web-egress`, `cenBandwidth/hz-sg`,
 * `gaBandwidth/edge`. Stable, human-readable, used by `--target` and in every output.
 */
export function addressOf(kind: Kind, region: string, name: string): string {
  return isRegional(kind) ? `${kind}/${region}/${name}` : `${kind}/${name}`;
}

/** The tag key bwsync sets on everything it creates; its value is the stack name. */
export const STACK_TAG = 'bwsync:stack';
