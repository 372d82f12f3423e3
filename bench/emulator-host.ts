import {
  DEMO_CREDENTIALS,
  type EmulatorHandle,
  type SeedDocument,
  startEmulator,
} from '../src/emulator/index.js';

/**
 * Runs the emulator in a process of its own, so that the scenario process measures bwsync's
 * CPU and memory alone and the emulator's work does not share bwsync's event loop.
 * Protocol (IPC): receives one `HostRequest`, answers `{ url }` or `{ error }`, and closes the
 * emulator when the parent disconnects.
 */
export interface HostRequest {
  seed: SeedDocument;
  latencyMs: number;
  asyncMs: number;
  rateLimits: Record<string, number> | false;
}

let handle: EmulatorHandle | undefined;

process.once('message', (message) => {
  const req = message as HostRequest;
  startEmulator({
    seed: req.seed,
    latencyMs: req.latencyMs,
    asyncMs: req.asyncMs,
    rateLimits: req.rateLimits,
    credentials: [DEMO_CREDENTIALS],
  }).then(
    (h) => {
      handle = h;
      process.send?.({ url: h.url });
    },
    (err: unknown) => {
      process.send?.({ error: err instanceof Error ? err.message : String(err) });
      process.exitCode = 1;
      process.disconnect();
    },
  );
});

process.once('disconnect', () => {
  void handle?.close();
});
