import type { ActionTable } from './context.js';
import { tagActions } from './tags.js';
import { CBWP_ACTIONS } from './vpc-cbwp.js';
import { CBWP_READ_ACTIONS } from './vpc-cbwp-read.js';
import { EIP_ACTIONS } from './vpc-eip.js';
import { IP_ACTIONS } from './vpc-ips.js';

/** VPC 2016-04-28: shared bandwidth, its EIPs, deletion protection and tags. */
export const VPC_ACTIONS: ActionTable = {
  ...CBWP_ACTIONS,
  ...CBWP_READ_ACTIONS,
  ...IP_ACTIONS,
  ...EIP_ACTIONS,
  ...tagActions({
    // VPC spells the unbind action with a capital T (reference §1.8).
    untagAction: 'UnTagResources',
    maxIds: 50,
    regionRequired: true,
    keyMax: 128,
    targets: {
      commonbandwidthpackage: {
        echo: 'COMMONBANDWIDTHPACKAGE',
        find: (ctx, id) => {
          const row = ctx.state.cbwps.get(id);
          return row && row.regionId === ctx.params.get('RegionId') ? row : undefined;
        },
        all: (ctx) => ctx.state.cbwps.inRegion(ctx.params.get('RegionId') ?? '').values(),
      },
      eip: {
        echo: 'EIP',
        find: (ctx, id) => {
          const row = ctx.state.eips.get(id);
          return row && row.regionId === ctx.params.get('RegionId') ? row : undefined;
        },
        all: (ctx) => ctx.state.eips.inRegion(ctx.params.get('RegionId') ?? '').values(),
      },
    },
  }),
};
