import type { Command } from 'commander';
import type { RpcParams } from '../../aliyun/types.js';
import { ConfigError } from '../../errors.js';
import { PRODUCTS, type Product } from '../../model/kinds.js';
import { addCloudOptions, type CloudFlags, openCloud } from '../cloud.js';
import { type CliIO, EXIT } from '../io.js';
import type { CommandState } from '../main.js';

function parseProduct(raw: string): Product {
  const p = raw.toLowerCase();
  if ((PRODUCTS as readonly string[]).includes(p)) return p as Product;
  const hint = p === 'cen' ? 'CEN is served by the cbn product.' : `Products: ${PRODUCTS.join(', ')}.`;
  throw new ConfigError(`Unknown product "${raw}".`, { hint });
}

/** `Key=Value` pairs, split at the first `=`; lists are written flat (`IpInstanceIds.1=eip-…`). */
export function parseParams(pairs: string[]): RpcParams {
  const params: RpcParams = {};
  for (const [i, pair] of pairs.entries()) {
    const eq = pair.indexOf('=');
    const key = eq > 0 ? pair.slice(0, eq) : '';
    if (!/^[A-Za-z][A-Za-z0-9_.]*$/.test(key)) {
      throw new ConfigError(`Parameter ${i + 1} "${pair}" is not Key=Value.`, {
        hint: 'Write each parameter as Key=Value, lists as Key.1=a Key.2=b, e.g. RegionId=cn-hangzhou.',
      });
    }
    if (key in params) throw new ConfigError(`Parameter ${key} is given twice.`);
    params[key] = pair.slice(eq + 1);
  }
  return params;
}

interface CallFlags extends CloudFlags {
  region?: string;
}

async function runCall(
  io: CliIO,
  state: CommandState,
  args: { product: string; action: string; pairs: string[]; flags: CallFlags },
): Promise<void> {
  const product = parseProduct(args.product);
  if (!/^[A-Z][A-Za-z0-9]*$/.test(args.action)) {
    throw new ConfigError(`"${args.action}" is not an API action name.`, {
      hint: 'Actions are CamelCase, e.g. DescribeCommonBandwidthPackages.',
    });
  }
  const params = parseParams(args.pairs);
  const session = await openCloud(args.flags, io);
  try {
    const res = await session.client.call(product, args.action, params, {
      ...(args.flags.region ? { region: args.flags.region } : {}),
    });
    io.stdout.write(`${JSON.stringify(res.body, null, 2)}\n`);
    state.exitCode = EXIT.ok;
  } finally {
    await session.close();
  }
}

export function registerCall(program: Command, io: CliIO, state: CommandState): void {
  const cmd = program
    .command('call')
    .description('make one signed API call and print the JSON response (debugging, unmanaged actions)')
    .argument('<product>', `API product: ${PRODUCTS.join(', ')}`)
    .argument('<action>', 'API action, e.g. DescribeCommonBandwidthPackages')
    .argument('[params...]', 'Key=Value parameters; lists as Key.1=a Key.2=b')
    .option('--region <id>', 'RegionId parameter and, for VPC, the regional endpoint');
  addCloudOptions(cmd);
  cmd.addHelpText(
    'after',
    '\nExamples:\n  bwsync call vpc DescribeCommonBandwidthPackages --region cn-hangzhou PageSize=50\n' +
      '  bwsync call cbn DescribeCenBandwidthPackages Filter.1.Key=CenId Filter.1.Value.1=cen-xxx --local',
  );
  cmd.action(async (product: string, action: string, pairs: string[], _opts: unknown, self: Command) => {
    await runCall(io, state, { product, action, pairs, flags: self.optsWithGlobals<CallFlags>() });
  });
}
