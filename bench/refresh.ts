import pLimit from 'p-limit';
import type { RpcClient } from '../src/aliyun/types.js';
import type { World } from './world.js';

/**
 * A refresh the way Terraform's alicloud provider does it, for comparison with bwsync's plan:
 * every resource in state is read on its own (one provider Read per resource, each 1–2 calls),
 * `-parallelism=10` resources at a time. Call patterns follow the provider's Read functions
 * (reference/iac-anchors.md §1): a package is Describe-by-id plus ListTagResources; an EIP
 * attachment is Describe-by-id of its package plus DescribeEipAddresses of the EIP.
 */
type Read = (client: RpcClient) => Promise<void>;

export const TERRAFORM_PARALLELISM = 10;

function cbwpReads(world: World): Read[] {
  const reads: Read[] = [];
  for (const p of world.cbwps) {
    const describe = (client: RpcClient) =>
      client.call(
        'vpc',
        'DescribeCommonBandwidthPackages',
        { BandwidthPackageId: p.id },
        { region: p.region },
      );
    reads.push(async (client) => {
      await describe(client);
      await client.call(
        'vpc',
        'ListTagResources',
        { ResourceType: 'COMMONBANDWIDTHPACKAGE', ResourceId: [p.id] },
        { region: p.region },
      );
    });
    for (const eip of p.eips) {
      reads.push(async (client) => {
        await describe(client);
        await client.call('vpc', 'DescribeEipAddresses', { AllocationId: eip.id }, { region: p.region });
      });
    }
  }
  return reads;
}

function cenReads(world: World): Read[] {
  const describe = (client: RpcClient, id: string) =>
    client.call('cbn', 'DescribeCenBandwidthPackages', {
      Filter: [{ Key: 'CenBandwidthPackageId', Value: [id] }],
    });
  // The package resource and its attachment resource each read the package once.
  return world.cens.flatMap((c) => [
    async (client: RpcClient) => {
      await describe(client, c.id);
    },
    async (client: RpcClient) => {
      await describe(client, c.id);
    },
  ]);
}

function gaReads(world: World): Read[] {
  const describe = (client: RpcClient, id: string) =>
    client.call('ga', 'DescribeBandwidthPackage', { BandwidthPackageId: id }, { region: 'cn-hangzhou' });
  return world.gas.flatMap((g) => [
    async (client: RpcClient) => {
      await describe(client, g.id);
    },
    async (client: RpcClient) => {
      await describe(client, g.id);
    },
  ]);
}

/** How many Terraform resources (package + attachment resources) the world is. */
export function terraformResourceCount(world: World): number {
  return cbwpReads(world).length + cenReads(world).length + gaReads(world).length;
}

/** Reads every resource one by one; returns the number of Terraform resources refreshed. */
export async function terraformRefresh(client: RpcClient, world: World): Promise<number> {
  const limit = pLimit(TERRAFORM_PARALLELISM);
  const reads = [...cbwpReads(world), ...cenReads(world), ...gaReads(world)];
  await Promise.all(reads.map((read) => limit(() => read(client))));
  return reads.length;
}
