import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EmulatorStateError, startEmulator } from '../../src/emulator/index.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { popClient, popError } from '../helpers/emulator-sdk.js';

const HZ = { RegionId: 'cn-hangzhou' };
type Any = Record<string, unknown>;

let emu: TestEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

async function count(e: TestEmulator): Promise<number> {
  const state = (await e.state()) as { cbwps: unknown[] };
  return state.cbwps.length;
}

describe('fault injection', () => {
  it('answers 503 ServiceUnavailable and Throttling.User without performing the call', async () => {
    emu = await startTestEmulator();
    const vpc = popClient(emu, 'vpc');
    await emu.setFaults({ rate: 1, kinds: ['503'], seed: 1 });
    const unavailable = await popError(vpc.request('CreateCommonBandwidthPackage', { ...HZ, Bandwidth: 5 }));
    expect([unavailable.code, unavailable.entry?.response.statusCode]).toEqual(['ServiceUnavailable', 503]);
    await emu.setFaults({ rate: 1, kinds: ['throttle'], seed: 1 });
    const throttled = await popError(vpc.request('CreateCommonBandwidthPackage', { ...HZ, Bandwidth: 5 }));
    expect(throttled.code).toBe('Throttling.User');
    expect(throttled.entry?.response.headers['x-acs-retry-after']).toMatch(/^\d+$/);
    expect(await count(emu)).toBe(0);
    const stats = await emu.stats();
    expect(stats.faults).toEqual({ '503': 1, throttle: 1 });
    expect(stats.errors).toMatchObject({ ServiceUnavailable: 1, 'Throttling.User': 1 });
  });

  it('resets the connection without performing the call', async () => {
    emu = await startTestEmulator();
    await emu.setFaults({ rate: 1, kinds: ['reset'], seed: 1 });
    const err = (await popError(
      popClient(emu, 'vpc').request('CreateCommonBandwidthPackage', { ...HZ, Bandwidth: 5 }),
    )) as unknown as { code: string };
    expect(err.code).toMatch(/ECONNRESET|socket hang up/i);
    await emu.setFaults({ rate: 0, kinds: [] });
    expect(await count(emu)).toBe(0);
  });

  it('performs the write, then drops the connection, for an ambiguous fault', async () => {
    emu = await startTestEmulator();
    await emu.setFaults({ rate: 1, kinds: ['ambiguous'], seed: 1 });
    const err = (await popError(
      popClient(emu, 'vpc').request('CreateCommonBandwidthPackage', {
        ...HZ,
        Bandwidth: 5,
        ClientToken: 'amb-1',
      }),
    )) as unknown as { code: string };
    expect(err.code).toMatch(/ECONNRESET|socket hang up/i);
    await emu.setFaults({ rate: 0, kinds: [] });
    expect(await count(emu)).toBe(1);
    // The retry with the same token returns the package made by the dropped call.
    const retry = await popClient(emu, 'vpc').request('CreateCommonBandwidthPackage', {
      ...HZ,
      Bandwidth: 5,
      ClientToken: 'amb-1',
    });
    expect(await count(emu)).toBe(1);
    expect(retry.BandwidthPackageId).toMatch(/^cbwp-/);
  });

  it('adds latency and still answers', async () => {
    emu = await startTestEmulator();
    await emu.setFaults({ rate: 1, kinds: ['latency'], seed: 1, latencyMs: 5 });
    const r = await popClient(emu, 'vpc').request('DescribeCommonBandwidthPackages', HZ);
    expect(r.TotalCount).toBe(0);
    expect((await emu.stats()).faults).toEqual({ latency: 1 });
  });

  it('draws the same faults for the same seed', async () => {
    emu = await startTestEmulator();
    const vpc = popClient(emu, 'vpc');
    const pattern = async () => {
      await emu!.setFaults({ rate: 0.5, kinds: ['503'], seed: 42 });
      const out: string[] = [];
      for (let i = 0; i < 12; i++) {
        out.push(
          await vpc.request('DescribeCommonBandwidthPackages', HZ).then(
            () => 'ok',
            (e: { code: string }) => e.code,
          ),
        );
      }
      return out;
    };
    const a = await pattern();
    expect(await pattern()).toEqual(a);
    expect(a).toContain('ok');
    expect(a).toContain('ServiceUnavailable');
  });

  it('rejects an invalid fault config on the control API', async () => {
    emu = await startTestEmulator();
    await expect(emu.setFaults({ rate: 2, kinds: ['503'] })).rejects.toThrow(/rate/);
    await expect(emu.setFaults({ rate: 0.1, kinds: ['meteor' as '503'] })).rejects.toThrow(
      /unknown fault kind/,
    );
  });
});

describe('control API', () => {
  it('reset empties the cloud and state lists everything', async () => {
    emu = await startTestEmulator({ seed: { eips: [{ region: 'cn-hangzhou', count: 2 }] } });
    await popClient(emu, 'vpc').request('CreateCommonBandwidthPackage', { ...HZ, Bandwidth: 5 });
    const state = (await emu.state()) as { eips: Any[]; cbwps: Any[] };
    expect([state.eips.length, state.cbwps.length]).toEqual([2, 1]);
    await emu.reset();
    const empty = (await emu.state()) as { eips: Any[]; cbwps: Any[] };
    expect([empty.eips.length, empty.cbwps.length]).toEqual([0, 0]);
  });
});

describe('persistence', () => {
  it('keeps the cloud across a restart with the same state file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bwsync-emu-'));
    const statePath = join(dir, 'cloud.json');
    emu = await startTestEmulator({
      statePath,
      seed: { eips: [{ id: 'eip-bp1keep000000000000001', region: 'cn-hangzhou' }] },
    });
    const id = (
      await popClient(emu, 'vpc').request('CreateCommonBandwidthPackage', {
        ...HZ,
        Bandwidth: 5,
        Name: 'kept',
        ClientToken: 't1',
      })
    ).BandwidthPackageId;
    await emu.close();
    emu = await startTestEmulator({ statePath, seed: { eips: [] } });
    const vpc = popClient(emu, 'vpc');
    const list = await vpc.request('DescribeCommonBandwidthPackages', { ...HZ, BandwidthPackageId: id });
    expect(list.TotalCount).toBe(1);
    expect((await vpc.request('DescribeEipAddresses', HZ)).TotalCount).toBe(1);
    // Client tokens survive too: the retry after a restart creates nothing new.
    const again = await vpc.request('CreateCommonBandwidthPackage', {
      ...HZ,
      Bandwidth: 5,
      Name: 'kept',
      ClientToken: 't1',
    });
    expect(again.BandwidthPackageId).toBe(id);
  });

  it('refuses a corrupt state file and leaves it untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bwsync-emu-'));
    const statePath = join(dir, 'cloud.json');
    writeFileSync(statePath, '{"format":"bwsync-emulator-state", truncated');
    await expect(startEmulator({ statePath })).rejects.toBeInstanceOf(EmulatorStateError);
    await expect(startEmulator({ statePath })).rejects.toThrow(/cloud\.json is not usable: invalid JSON/);
    expect(readFileSync(statePath, 'utf8')).toBe('{"format":"bwsync-emulator-state", truncated');
  });
});
