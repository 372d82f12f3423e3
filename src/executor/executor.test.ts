import { describe, expect, it } from 'vitest';
import { FakeCloud, planOf, steps } from '../../test/integration/apply-fakes.js';
import { PlanError, UnsafePlanError } from '../errors.js';
import type { ExecEvent } from '../model/events.js';
import { type ExecuteOptions, executePlan } from './index.js';

const REF = { ref: 'create', field: 'BandwidthPackageId' };

function options(
  cloud: FakeCloud,
  extra: Partial<ExecuteOptions> = {},
): ExecuteOptions & { events: ExecEvent[] } {
  const events: ExecEvent[] = [];
  return {
    client: cloud.client,
    read: cloud.read,
    concurrency: 8,
    stack: 'test',
    pollIntervalMs: 2,
    maxPollIntervalMs: 10,
    retry: { baseMs: 1, maxDelayMs: 5, maxAttempts: 6 },
    sink: (e) => events.push(e),
    events,
    ...extra,
  };
}

function createChain() {
  return [
    steps.create('create', 'web', 10),
    steps.addIp('add-1', REF, 'eip-1', { depends_on: ['create'], locks: ['addr:web'] }),
    steps.addIp('add-2', REF, 'eip-2', { depends_on: ['add-1'], locks: ['addr:web'] }),
    steps.modifySpec('spec', 'placeholder', 20, { depends_on: ['add-2'] }),
  ];
}

describe('executePlan', () => {
  it('creates a package, attaches EIPs through the create reference and waits for each state', async () => {
    const cloud = new FakeCloud();
    const chain = createChain();
    chain[3]!.api.params.BandwidthPackageId = REF;
    chain[3]!.wait!.resource = REF;
    const opts = options(cloud);
    const result = await executePlan(planOf(chain), opts);
    expect(result.steps.map((s) => s.status)).toEqual(['done', 'done', 'done', 'done']);
    expect(result.converged).toBe(true);
    const [pkg] = [...cloud.packages.values()];
    expect(pkg).toMatchObject({ bandwidth: 20, status: 'Available' });
    expect(pkg!.members).toEqual([
      { id: 'eip-1', status: 'BINDED' },
      { id: 'eip-2', status: 'BINDED' },
    ]);
    expect(result.steps[0]!.outputs).toEqual({ BandwidthPackageId: pkg!.id });
    const create = cloud.calls.find((c) => c.action === 'CreateCommonBandwidthPackage')!;
    expect(create.params.ClientToken).toMatch(/^bwsync-[0-9a-f]+$/);
    expect(
      cloud.calls.find((c) => c.action === 'AddCommonBandwidthPackageIp')!.params.BandwidthPackageId,
    ).toBe(pkg!.id);
    expect(opts.events.map((e) => e.type)).toContain('step-waiting');
    expect(opts.events.at(-1)).toMatchObject({ type: 'apply-finished', done: 4, failed: 0 });
  });

  it('re-sends an ambiguous create with the same ClientToken and makes one package', async () => {
    const cloud = new FakeCloud();
    cloud.fail('CreateCommonBandwidthPackage', 'ambiguous');
    const result = await executePlan(planOf([steps.create('create', 'web', 10)]), options(cloud));
    expect(result.steps[0]!.status).toBe('done');
    expect(cloud.packages.size).toBe(1);
    const tokens = cloud.calls
      .filter((c) => c.action === 'CreateCommonBandwidthPackage')
      .map((c) => c.params.ClientToken);
    expect(tokens).toHaveLength(2);
    expect(new Set(tokens).size).toBe(1);
    expect(result.steps[0]!.outputs?.BandwidthPackageId).toBe([...cloud.packages.keys()][0]);
  });

  it('decides an ambiguous attach by re-reading: the EIP is there, so it is not sent again', async () => {
    const cloud = new FakeCloud();
    cloud.seed('cbwp-1', 10);
    cloud.fail('AddCommonBandwidthPackageIp', 'ambiguous');
    const result = await executePlan(
      planOf([steps.addIp('add', 'cbwp-1', 'eip-1', { locks: ['cbwp-1'] })]),
      options(cloud),
    );
    expect(result.steps[0]!.status).toBe('done');
    expect(cloud.count('AddCommonBandwidthPackageIp')).toBe(1);
    expect(cloud.packages.get('cbwp-1')!.members).toEqual([{ id: 'eip-1', status: 'BINDED' }]);
  });

  it('re-sends an ambiguous write that never landed, without waiting for the state it brings about', async () => {
    const cloud = new FakeCloud();
    cloud.seed('cbwp-1', 10);
    cloud.statusAfterAdd = 'InUse';
    cloud.fail('AddCommonBandwidthPackageIp', 'lost');
    const add = steps.addIp('add', 'cbwp-1', 'eip-1', { locks: ['cbwp-1'] });
    // Like a CEN associate: the status the step brings about (never, if it did not land).
    add.wait!.until.unshift({ type: 'status', in: ['InUse'] });
    add.wait!.timeout_ms = 600_000;
    const result = await executePlan(planOf([add]), options(cloud));
    expect(result.steps[0]!.status).toBe('done');
    expect(cloud.count('AddCommonBandwidthPackageIp')).toBe(2);
  }, 5_000);

  it('decides an ambiguous resize and delete by re-reading', async () => {
    const cloud = new FakeCloud();
    cloud.seed('cbwp-1', 10);
    cloud.seed('cbwp-2', 10);
    cloud.fail('ModifyCommonBandwidthPackageSpec', 'ambiguous');
    cloud.fail('DeleteCommonBandwidthPackage', 'ambiguous');
    const plan = planOf([steps.modifySpec('spec', 'cbwp-1', 50), steps.delete('del', 'cbwp-2')]);
    const result = await executePlan(plan, options(cloud));
    expect(result.steps.map((s) => s.status)).toEqual(['done', 'done']);
    expect(cloud.count('ModifyCommonBandwidthPackageSpec')).toBe(1);
    expect(cloud.count('DeleteCommonBandwidthPackage')).toBe(1);
    expect(cloud.packages.has('cbwp-2')).toBe(false);
  });

  it('accepts a refused re-send after a lost response when the resource shows the change', async () => {
    // The re-read comes during the transition, the re-send after it: refused as "not changed".
    const cloud = new FakeCloud(15);
    cloud.latencyMs = 20;
    cloud.lagSpec = true;
    cloud.seed('cbwp-1', 10);
    cloud.fail('ModifyCommonBandwidthPackageSpec', 'ambiguous');
    const spec = steps.modifySpec('spec', 'cbwp-1', 50);
    spec.busy_codes = ['OperationFailed.OperationIsProcessing'];
    const result = await executePlan(
      planOf([spec]),
      options(cloud, { retry: { baseMs: 20, maxDelayMs: 20, maxAttempts: 6 } }),
    );
    expect(result.steps[0]!.status).toBe('done');
    expect(cloud.packages.get('cbwp-1')!.bandwidth).toBe(50);
  });

  it('treats a done code after a lost response as success (remove already removed)', async () => {
    const cloud = new FakeCloud();
    cloud.seed('cbwp-1', 10, ['eip-1']);
    const remove = steps.removeIp('rm', 'cbwp-1', 'eip-1');
    delete remove.wait; // no re-read evidence: the re-sent call's done code decides
    cloud.fail('RemoveCommonBandwidthPackageIp', 'ambiguous');
    const result = await executePlan(planOf([remove]), options(cloud));
    expect(result.steps[0]!.status).toBe('done');
    expect(cloud.count('RemoveCommonBandwidthPackageIp')).toBe(2);
  });

  it('waits and retries on busy codes, reporting each retry', async () => {
    const cloud = new FakeCloud();
    cloud.seed('cbwp-1', 10);
    cloud.fail('ModifyCommonBandwidthPackageSpec', 'busy', 2);
    const opts = options(cloud);
    const result = await executePlan(planOf([steps.modifySpec('spec', 'cbwp-1', 30)]), opts);
    expect(result.steps[0]).toMatchObject({ status: 'done', attempts: 3 });
    expect(result.steps[0]!.request_ids).toHaveLength(3);
    expect(
      opts.events.filter((e) => e.type === 'step-retry').map((e) => (e as { code: string }).code),
    ).toEqual(['OperationConflict', 'OperationConflict']);
  });

  it('gives up on a busy resource after the attempt cap with the last error', async () => {
    const cloud = new FakeCloud();
    cloud.seed('cbwp-1', 10);
    cloud.fail('ModifyCommonBandwidthPackageSpec', 'busy', 100);
    const result = await executePlan(planOf([steps.modifySpec('spec', 'cbwp-1', 30)]), options(cloud));
    expect(result.steps[0]).toMatchObject({
      status: 'failed',
      attempts: 6,
      error: { code: 'OperationConflict' },
    });
    expect(result.converged).toBe(false);
  });

  it('skips only the dependents of a failed step; independent steps go on', async () => {
    const cloud = new FakeCloud();
    cloud.seed('cbwp-2', 10);
    cloud.fail('CreateCommonBandwidthPackage', 'fatal');
    const chain = createChain();
    chain[3]!.api.params.BandwidthPackageId = REF;
    chain[3]!.wait!.resource = REF;
    const plan = planOf([...chain, steps.modifySpec('other', 'cbwp-2', 40)]);
    const result = await executePlan(plan, options(cloud));
    expect(result.steps.map((s) => [s.id, s.status, s.skipped_because])).toEqual([
      ['create', 'failed', undefined],
      ['add-1', 'skipped', 'create'],
      ['add-2', 'skipped', 'create'],
      ['spec', 'skipped', 'create'],
      ['other', 'done', undefined],
    ]);
    expect(result.steps[0]!.error).toMatchObject({
      code: 'InvalidParameter',
      request_id: expect.stringMatching(/^req-/),
    });
    expect(result.totals).toMatchObject({ done: 1, failed: 1, skipped: 3 });
    expect(result.remaining).toEqual(['sharedBandwidth/cn-hangzhou/web']);
    expect(cloud.packages.get('cbwp-2')!.bandwidth).toBe(40);
  });

  it('fails a step whose target state never comes, with the condition in the message', async () => {
    const cloud = new FakeCloud(10_000);
    cloud.seed('cbwp-1', 10);
    const spec = steps.modifySpec('spec', 'cbwp-1', 30);
    spec.wait!.timeout_ms = 30;
    const result = await executePlan(planOf([spec]), options(cloud));
    expect(result.steps[0]!.status).toBe('failed');
    expect(result.steps[0]!.error?.code).toBe('WaitTimeout');
    expect(result.steps[0]!.error?.message).toMatch(/cbwp-1 did not reach status Available and bandwidth 30/);
  });

  it('bounds calls in flight by the concurrency option', async () => {
    const cloud = new FakeCloud();
    cloud.latencyMs = 5;
    const many = Array.from({ length: 12 }, (_, i) => {
      cloud.seed(`cbwp-${i}`, 10);
      return steps.modifySpec(`spec-${i}`, `cbwp-${i}`, 20);
    });
    const result = await executePlan(planOf(many), options(cloud, { concurrency: 3 }));
    expect(result.totals.done).toBe(12);
    expect(cloud.maxInFlight).toBeLessThanOrEqual(3);
    expect(cloud.maxInFlight).toBeGreaterThan(1);
  });

  it('batches the waits of many steps on one region into shared listings', async () => {
    const cloud = new FakeCloud(20);
    const many = Array.from({ length: 10 }, (_, i) => {
      cloud.seed(`cbwp-${i}`, 10);
      return steps.modifySpec(`spec-${i}`, `cbwp-${i}`, 20);
    });
    const result = await executePlan(
      planOf(many),
      options(cloud, { pollIntervalMs: 10, maxPollIntervalMs: 10 }),
    );
    expect(result.totals.done).toBe(10);
    expect(cloud.reads.length).toBeLessThan(10);
    expect(Math.max(...cloud.reads.map((ids) => ids.length))).toBeGreaterThan(1);
  });

  it('stops starting steps when interrupted and reports the rest as not started', async () => {
    const cloud = new FakeCloud();
    cloud.latencyMs = 5;
    const chain = Array.from({ length: 5 }, (_, i) =>
      steps.modifySpec(`spec-${i}`, 'cbwp-1', 20 + i, { depends_on: i === 0 ? [] : [`spec-${i - 1}`] }),
    );
    cloud.seed('cbwp-1', 10);
    const stop = new AbortController();
    const opts = options(cloud, { signal: stop.signal });
    opts.sink = (e) => {
      opts.events.push(e);
      if (e.type === 'step-done' && e.step === 'spec-1') stop.abort('SIGINT');
    };
    const result = await executePlan(planOf(chain), opts);
    expect(result.interrupted).toBe(true);
    expect(result.converged).toBe(false);
    expect(result.steps.map((s) => s.status)).toEqual([
      'done',
      'done',
      'not-started',
      'not-started',
      'not-started',
    ]);
    expect(opts.events.find((e) => e.type === 'interrupted')).toMatchObject({ signal: 'SIGINT' });
    expect(cloud.count('ModifyCommonBandwidthPackageSpec')).toBe(2);
  });

  it('abandons waits once the grace period is over, reporting the step as interrupted', async () => {
    const cloud = new FakeCloud(60_000);
    cloud.seed('cbwp-1', 10);
    const stop = new AbortController();
    const abort = new AbortController();
    const opts = options(cloud, { signal: stop.signal, abort: abort.signal });
    opts.sink = (e) => {
      if (e.type !== 'step-waiting') return;
      stop.abort('SIGTERM');
      setTimeout(() => abort.abort('grace period over'), 20);
    };
    const result = await executePlan(planOf([steps.modifySpec('spec', 'cbwp-1', 30)]), opts);
    expect(result.interrupted).toBe(true);
    expect(result.steps[0]).toMatchObject({ status: 'failed', error: { code: 'Interrupted' } });
  }, 5_000);

  it('refuses to run a delete of a protected resource, before any call', async () => {
    const cloud = new FakeCloud();
    cloud.seed('cbwp-1', 10);
    const plan = planOf(
      [steps.delete('del', 'cbwp-1')],
      [
        {
          address: 'sharedBandwidth/cn-hangzhou/web',
          kind: 'sharedBandwidth',
          region: 'cn-hangzhou',
          name: 'web',
          id: 'cbwp-1',
          change: { actions: ['no-op'], before: null, after: null, attributes: [] },
          protect: true,
        },
      ],
    );
    await expect(executePlan(plan, options(cloud))).rejects.toBeInstanceOf(UnsafePlanError);
    expect(cloud.calls).toEqual([]);
  });

  it('refuses a plan that carries errors', async () => {
    const cloud = new FakeCloud();
    const plan = planOf([steps.create('create', 'web', 10)]);
    plan.errors.push({ code: 'immutable-change', message: 'isp cannot change' });
    await expect(executePlan(plan, options(cloud))).rejects.toBeInstanceOf(PlanError);
    expect(cloud.calls).toEqual([]);
  });
});
