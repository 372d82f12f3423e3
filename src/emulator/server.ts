import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ActionDef } from './context.js';
import { ApiError } from './errors.js';
import type { FaultInjector, FaultKind } from './faults.js';
import { collectParams, readBody, sendJson, sleep } from './http-util.js';
import { Params } from './params.js';
import type { Persister } from './persist.js';
import { HOSTS, type Product, productOf, type Registry } from './products.js';
import { type Signer, verifyV1, verifyV3 } from './signature.js';
import type { CloudState } from './state.js';
import type { RateLimiter } from './throttle.js';
import { settle } from './transitions.js';

export interface Stats {
  calls: Record<string, number>;
  errors: Record<string, number>;
  faults: Record<string, number>;
}

/** Everything the API pipeline needs; one per emulator instance. */
export interface ApiRuntime {
  state: CloudState;
  registry: Registry;
  keys: ReadonlyMap<string, string>;
  stats: Stats;
  faults: FaultInjector;
  limiter: RateLimiter | undefined;
  persister: Persister | undefined;
  latencyMs: number;
  asyncMs: number;
  nonces: Map<string, number>;
  clock: () => number;
}

interface Resolved {
  action: string;
  product: Product;
  def: ActionDef;
  params: Params;
  signer: Signer;
}

const NONCE_TTL_MS = 31 * 60_000;

function bump(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

function requestId(): string {
  return randomUUID().toUpperCase();
}

function sendError(rt: ApiRuntime, res: ServerResponse, error: ApiError, product: Product | undefined): void {
  bump(rt.stats.errors, error.code);
  const id = requestId();
  const host = product ? HOSTS[product] : 'aliyuncs.com';
  sendJson(
    res,
    error.status,
    {
      RequestId: id,
      HostId: host,
      Code: error.code,
      Message: error.message,
      Recommend: `https://api.alibabacloud.com/troubleshoot?q=${encodeURIComponent(error.code)}&requestId=${id}`,
    },
    error.headers,
  );
}

function authenticate(
  rt: ApiRuntime,
  req: IncomingMessage,
  url: URL,
  body: Buffer,
  params: Map<string, string>,
): Signer {
  const now = rt.clock();
  const auth = String(req.headers.authorization ?? '');
  const signer = auth.startsWith('ACS3-')
    ? verifyV3(
        { method: req.method ?? 'GET', query: url.searchParams, headers: req.headers, body },
        rt.keys,
        now,
      )
    : verifyV1(req.method ?? 'GET', params, rt.keys, now);
  const key = `${signer.accessKeyId}\n${signer.nonce}`;
  if (rt.nonces.has(key))
    throw new ApiError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
  pruneNonces(rt.nonces, now);
  rt.nonces.set(key, now);
  return signer;
}

/** Nonces are kept in arrival order, so expired ones are always at the front: amortised O(1). */
function pruneNonces(nonces: Map<string, number>, now: number): void {
  for (const [k, t] of nonces) {
    if (now - t <= NONCE_TTL_MS) return;
    nonces.delete(k);
  }
}

function resolve(
  rt: ApiRuntime,
  req: IncomingMessage,
  params: Map<string, string>,
): Omit<Resolved, 'signer'> {
  const action = String(req.headers['x-acs-action'] ?? params.get('Action') ?? '');
  const version = String(req.headers['x-acs-version'] ?? params.get('Version') ?? '');
  if (action === '')
    throw new ApiError(
      400,
      'MissingParameter',
      'The input parameter "Action" that is mandatory for processing this request is not supplied.',
    );
  if (version === '')
    throw new ApiError(
      400,
      'MissingParameter',
      'The input parameter "Version" that is mandatory for processing this request is not supplied.',
    );
  const product = productOf(version);
  if (!product)
    throw new ApiError(400, 'InvalidVersion', `Specified parameter Version "${version}" is not valid.`);
  const def = rt.registry[product][action];
  if (!def) {
    throw new ApiError(
      404,
      'InvalidAction.NotFound',
      `Specified api "${action}" is not found for version ${version}, please check your url and method.`,
    );
  }
  return { action, product, def, params: new Params(params) };
}

/** Runs the handler, honouring ClientToken: same token + params → first answer; other params → mismatch. */
function perform(rt: ApiRuntime, r: Resolved): Record<string, unknown> {
  const token = r.def.clientToken ? r.params.get('ClientToken') : undefined;
  const ctx = { params: r.params, state: rt.state, now: rt.clock(), asyncMs: rt.asyncMs };
  if (!token) return r.def.run(ctx);
  if (!/^[\x20-\x7e]{1,64}$/.test(token)) {
    throw new ApiError(400, 'InvalidClientToken.Malformed', 'ClientToken must be 1-64 ASCII characters.');
  }
  const key = `${r.signer.accessKeyId}\n${r.product}\n${r.action}\n${token}`;
  const fingerprint = r.params.fingerprint();
  const seen = rt.state.tokens.get(key);
  if (seen) {
    if (seen.fingerprint !== fingerprint) {
      throw new ApiError(
        400,
        'IdempotentParameterMismatch',
        'The request uses the same client token as a previous, but non-identical request.',
      );
    }
    return seen.body;
  }
  const body = r.def.run(ctx);
  rt.state.tokens.set(key, { fingerprint, body });
  return body;
}

async function applyFault(
  rt: ApiRuntime,
  req: IncomingMessage,
  kind: FaultKind | undefined,
): Promise<'reset' | 'ambiguous' | undefined> {
  if (kind === undefined) return undefined;
  bump(rt.stats.faults, kind);
  switch (kind) {
    case 'latency':
      await sleep(rt.faults.current.latencyMs ?? 200);
      return undefined;
    case '503':
      throw new ApiError(
        503,
        'ServiceUnavailable',
        'The request has failed due to a temporary failure of the server.',
      );
    case 'throttle':
      throw new ApiError(400, 'Throttling.User', 'Request was denied due to user flow control.', {
        'x-acs-retry-after': '100',
      });
    case 'reset':
      req.socket.destroy();
      return 'reset';
    case 'ambiguous':
      return 'ambiguous';
  }
}

export async function handleApi(
  rt: ApiRuntime,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  let product: Product | undefined;
  try {
    const body = await readBody(req);
    const raw = collectParams(url, req, body);
    const action = String(req.headers['x-acs-action'] ?? raw.get('Action') ?? '(none)');
    bump(rt.stats.calls, action);
    if (rt.latencyMs > 0) await sleep(rt.latencyMs);
    const base = resolve(rt, req, raw);
    product = base.product;
    const signer = authenticate(rt, req, url, body, raw);
    const wait = rt.limiter?.take(base.action, base.def.write, rt.clock()) ?? 0;
    if (wait > 0) {
      throw new ApiError(400, 'Throttling.User', 'Request was denied due to user flow control.', {
        'x-acs-retry-after': String(wait),
      });
    }
    const fault = await applyFault(rt, req, rt.faults.next(base.def.write));
    if (fault === 'reset') return;
    settle(rt.state, rt.clock());
    const result = perform(rt, { ...base, signer });
    if (base.def.write && rt.persister) await rt.persister.commit();
    if (fault === 'ambiguous') {
      req.socket.destroy();
      return;
    }
    sendJson(res, 200, { RequestId: requestId(), ...result });
  } catch (error: unknown) {
    if (error instanceof ApiError) return sendError(rt, res, error, product);
    const message = error instanceof Error ? error.message : String(error);
    sendError(
      rt,
      res,
      new ApiError(
        500,
        'InternalError',
        `The request processing has failed due to some unknown error: ${message}`,
      ),
      product,
    );
  }
}
