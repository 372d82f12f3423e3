import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signV1 } from '../../src/aliyun/sign-v1.js';
import { authorizationV3, sha256Hex } from '../../src/aliyun/sign-v3.js';

/** What the server does with one request. */
export type Reply =
  | { kind: 'json'; status?: number; body?: Record<string, unknown>; headers?: Record<string, string> }
  | { kind: 'text'; status: number; text: string; contentType: string }
  | { kind: 'reset' }
  | { kind: 'hang' };

export interface RecordedRequest {
  /** Milliseconds since the server started, taken when the request arrived. */
  at: number;
  method: string;
  action: string;
  version: 'v1' | 'v3' | 'none';
  signatureOk: boolean;
  /** Business parameters (signature bookkeeping removed). */
  params: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  rawUrl: string;
  /** Client port of the TCP connection: equal ports mean a reused keep-alive connection. */
  remotePort: number;
}

export interface ScriptedServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const V1_KEYS = new Set([
  'AccessKeyId',
  'Action',
  'Format',
  'Version',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'Timestamp',
  'Signature',
  'SecurityToken',
]);

function queryOf(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of url.searchParams) out[k] = v;
  return out;
}

/** Re-signs what arrived with the known secret: proves the client's wire format, not only its math. */
function verify(
  req: IncomingMessage,
  query: Record<string, string>,
  secret: string,
): { version: RecordedRequest['version']; ok: boolean } {
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && auth.startsWith('ACS3-HMAC-SHA256 ')) {
    const signed = /SignedHeaders=([^,]*)/.exec(auth)?.[1]?.split(';') ?? [];
    const headers: Record<string, string> = {};
    for (const name of signed) headers[name] = String(req.headers[name] ?? '');
    const payloadHash = String(req.headers['x-acs-content-sha256'] ?? '');
    const keyId = /Credential=([^,]*)/.exec(auth)?.[1] ?? '';
    const expected = authorizationV3(
      { method: req.method, path: '/', query, headers, payloadHash },
      { accessKeyId: keyId, accessKeySecret: secret },
    );
    return { version: 'v3', ok: expected === auth && payloadHash === sha256Hex('') };
  }
  if (query.Signature !== undefined) {
    const { Signature, ...rest } = query;
    return { version: 'v1', ok: signV1(req.method ?? 'GET', rest, secret) === Signature };
  }
  return { version: 'none', ok: false };
}

function send(res: ServerResponse, reply: Reply, action: string): void {
  if (reply.kind === 'text') {
    res.writeHead(reply.status, { 'content-type': reply.contentType }).end(reply.text);
    return;
  }
  if (reply.kind !== 'json') return;
  const body = { RequestId: `rid-${action}-${Math.random().toString(16).slice(2, 10)}`, ...reply.body };
  res
    .writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers })
    .end(JSON.stringify(body));
}

/**
 * A small HTTP server on 127.0.0.1 that checks V1/V3 signatures against one AccessKey pair and
 * answers from a script: `replies[i]` for the i-th request, then `fallback` (success by default).
 * Every request is recorded with its arrival time so tests assert on what the server saw.
 */
export async function startScriptedServer(options: {
  secret: string;
  replies?: Reply[];
  fallback?: (r: RecordedRequest) => Reply;
}): Promise<ScriptedServer> {
  const started = performance.now();
  const requests: RecordedRequest[] = [];
  const hung = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const query = queryOf(url);
      const { version, ok } = verify(req, query, options.secret);
      const action = version === 'v3' ? String(req.headers['x-acs-action'] ?? '') : (query.Action ?? '');
      const params =
        version === 'v1' ? Object.fromEntries(Object.entries(query).filter(([k]) => !V1_KEYS.has(k))) : query;
      const at = performance.now() - started;
      const record: RecordedRequest = {
        at,
        method: req.method ?? '',
        action,
        version,
        signatureOk: ok,
        params,
        headers: req.headers,
        rawUrl: req.url ?? '',
        remotePort: req.socket.remotePort ?? 0,
      };
      requests.push(record);
      if (!ok) {
        send(
          res,
          {
            kind: 'json',
            status: 400,
            body: {
              Code: 'SignatureDoesNotMatch',
              Message: 'Specified signature is not matched with our calculation.',
            },
          },
          action,
        );
        return;
      }
      const reply = options.replies?.[requests.length - 1] ?? options.fallback?.(record) ?? { kind: 'json' };
      if (reply.kind === 'reset') req.socket.destroy();
      else if (reply.kind === 'hang') hung.add(res);
      else send(res, reply, action);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    async close() {
      for (const res of hung) res.socket?.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
