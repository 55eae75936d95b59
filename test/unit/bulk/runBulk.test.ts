import { strict as assert } from 'assert';
import { CancelledError } from '../../../src/api/errors';
import { countResults, runBulk } from '../../../src/bulk/runBulk';
import { deferred, tick } from './fixtures';

describe('runBulk', () => {
  it('runs every item, keeps input order in the results and reports progress', async () => {
    const progress: [number, number][] = [];
    const results = await runBulk([30, 10, 20], async (ms) => {
      await new Promise((r) => setTimeout(r, ms));
      return ms * 2;
    }, { concurrency: 3, onProgress: (d, t) => progress.push([d, t]) });
    assert.deepEqual(results.map((r) => [r.item, r.status, r.value]), [[30, 'ok', 60], [10, 'ok', 20], [20, 'ok', 40]]);
    assert.deepEqual(progress, [[0, 3], [1, 3], [2, 3], [3, 3]]);
  });

  it('never has more than `concurrency` jobs in flight', async () => {
    let inFlight = 0;
    let max = 0;
    const results = await runBulk(Array.from({ length: 40 }, (_, i) => i), async (i) => {
      inFlight++;
      max = Math.max(max, inFlight);
      await new Promise((r) => setTimeout(r, i % 3));
      inFlight--;
    }, { concurrency: 4 });
    assert.equal(max, 4);
    assert.equal(countResults(results).ok, 40);
  });

  it('treats a concurrency below 1 as 1 and handles an empty list', async () => {
    let inFlight = 0;
    let max = 0;
    await runBulk([1, 2, 3], async () => {
      inFlight++;
      max = Math.max(max, inFlight);
      await tick();
      inFlight--;
    }, { concurrency: 0 });
    assert.equal(max, 1);
    assert.deepEqual(await runBulk([], async () => 1, { concurrency: 4 }), []);
  });

  it('records a failure per item and goes on with the others', async () => {
    const boom = new Error('boom');
    const results = await runBulk([1, 2, 3], async (i) => {
      if (i === 2) throw boom;
      return i;
    }, { concurrency: 2 });
    assert.deepEqual(results.map((r) => r.status), ['ok', 'failed', 'ok']);
    assert.equal(results[1].error, boom);
  });

  it('on abort starts nothing new, waits for the jobs in flight, and marks the rest notStarted', async () => {
    const controller = new AbortController();
    const gates = Array.from({ length: 10 }, () => deferred());
    const started: number[] = [];
    let finishedInFlight = 0;
    const run = runBulk(Array.from({ length: 10 }, (_, i) => i), async (i) => {
      started.push(i);
      await gates[i].promise;
      finishedInFlight++;
      return i;
    }, { concurrency: 3, signal: controller.signal });
    await tick();
    assert.deepEqual(started, [0, 1, 2]);
    controller.abort();
    let settled = false;
    void run.then(() => (settled = true));
    await tick();
    assert.equal(settled, false, 'the run waits for the jobs in flight');
    gates[0].resolve();
    gates[1].resolve();
    gates[2].resolve();
    const results = await run;
    assert.deepEqual(started, [0, 1, 2], 'nothing started after the abort');
    assert.equal(finishedInFlight, 3);
    assert.deepEqual(countResults(results), { ok: 3, failed: 0, cancelled: 0, notStarted: 7 });
  });

  it('counts a CancelledError as cancelled, not failed', async () => {
    const results = await runBulk([1, 2], async (i) => {
      if (i === 1) throw new CancelledError();
      return i;
    }, { concurrency: 1 });
    assert.deepEqual(results.map((r) => r.status), ['cancelled', 'ok']);
  });

  it('starts nothing when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    let calls = 0;
    const results = await runBulk([1, 2], async () => ++calls, { concurrency: 2, signal: controller.signal });
    assert.equal(calls, 0);
    assert.deepEqual(results.map((r) => r.status), ['notStarted', 'notStarted']);
  });
});
