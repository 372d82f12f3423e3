import { createRequire } from 'node:module';
import type { TestEmulator } from './emulator.js';

const require = createRequire(import.meta.url);

/** The official V1 SDK, `@alicloud/pop-core`, typed for the calls tests make. */
export interface PopClient {
  request(
    action: string,
    params: Record<string, unknown>,
    opts?: Record<string, unknown>,
  ): Promise<Record<string, unknown>>;
}
type PopCtor = new (config: Record<string, unknown>) => PopClient;
const RPCClient = (require('@alicloud/pop-core') as { RPCClient: PopCtor }).RPCClient;

export const VERSIONS = { vpc: '2016-04-28', cbn: '2017-09-12', ga: '2019-11-20' } as const;

export function popClient(
  emu: TestEmulator,
  product: keyof typeof VERSIONS,
  credentials: { accessKeyId: string; accessKeySecret: string } = emu.credentials,
): PopClient {
  return new RPCClient({ ...credentials, endpoint: emu.url, apiVersion: VERSIONS[product] });
}

/** The error pop-core throws for an API error body. */
export interface PopError {
  code: string;
  data: { RequestId: string; HostId: string; Code: string; Message: string };
  entry?: { response: { statusCode: number; headers: Record<string, string> } };
}

export async function popError(promise: Promise<unknown>): Promise<PopError> {
  try {
    await promise;
  } catch (error: unknown) {
    return error as PopError;
  }
  throw new Error('expected the call to fail');
}

/** Polls `read` until `ok` holds; bounded to 200 polls of 10 ms. */
export async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < 200; i++) {
    last = await read();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`condition not reached after 200 polls; last value: ${JSON.stringify(last)}`);
}
