import type { IncomingMessage, ServerResponse } from 'node:http';
import { validateFaultConfig } from './faults.js';
import { isLoopback, readBody, sendJson } from './http-util.js';
import { applySeed, type SeedDocument } from './seed.js';
import type { ApiRuntime } from './server.js';
import { snapshot } from './state.js';
import { settle } from './transitions.js';

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  const text = (await readBody(req)).toString('utf8').trim();
  return text === '' ? {} : JSON.parse(text);
}

/**
 * `/_emulator/*`: JSON, no signature, loopback only. `stats`, `state`, `faults`, `reset` are a
 * public interface; `seed` adds resources from a seed document.
 */
export async function handleControl(
  rt: ApiRuntime,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<void> {
  if (!isLoopback(req.socket.remoteAddress)) {
    sendJson(res, 403, { error: 'the control API answers loopback clients only' });
    return;
  }
  const route = `${req.method} ${path}`;
  try {
    switch (route) {
      case 'GET /_emulator/stats':
        return sendJson(res, 200, rt.stats);
      case 'GET /_emulator/state':
        settle(rt.state, rt.clock());
        return sendJson(res, 200, snapshot(rt.state));
      case 'GET /_emulator/faults':
        return sendJson(res, 200, rt.faults.current);
      case 'POST /_emulator/faults': {
        const config = validateFaultConfig(await jsonBody(req));
        rt.faults.configure(config);
        return sendJson(res, 200, { ok: true, faults: config });
      }
      case 'POST /_emulator/reset':
        rt.state.clear();
        rt.nonces.clear();
        if (rt.persister) await rt.persister.commit();
        return sendJson(res, 200, { ok: true });
      case 'POST /_emulator/seed':
        applySeed(rt.state, (await jsonBody(req)) as SeedDocument, rt.clock());
        if (rt.persister) await rt.persister.commit();
        return sendJson(res, 200, { ok: true });
      default:
        return sendJson(res, 404, {
          error: `no control endpoint ${route}; try GET /_emulator/stats, GET /_emulator/state, POST /_emulator/faults, POST /_emulator/reset`,
        });
    }
  } catch (error: unknown) {
    sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
  }
}
