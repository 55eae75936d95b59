import { strict as assert } from 'assert';
import { guarded, SendGuard } from '../../../src/bulk/sendGuard';

describe('SendGuard', () => {
  it('does not abort a request in flight when the run is cancelled', () => {
    const run = new AbortController();
    const guard = new SendGuard(run.signal, { now: () => 1000 });
    run.abort();
    assert.equal(guard.signal.aborted, false);
  });

  it('aborts a request that is waiting for the rate limit', () => {
    let now = 1000;
    const run = new AbortController();
    const guard = new SendGuard(run.signal, { now: () => now, marginMs: 50 });
    guard.onRateLimitWait(2000);
    now = 2000;
    run.abort();
    assert.equal(guard.signal.aborted, true);
  });

  it('lets a wait that is about to end go out instead of aborting it', () => {
    let now = 1000;
    const run = new AbortController();
    const guard = new SendGuard(run.signal, { now: () => now, marginMs: 50 });
    guard.onRateLimitWait(500);
    now = 1480;
    run.abort();
    assert.equal(guard.signal.aborted, false);
  });

  it('aborts at the next rate-limit wait once the run was cancelled while in flight', () => {
    const run = new AbortController();
    const guard = new SendGuard(run.signal, { now: () => 0 });
    run.abort();
    assert.equal(guard.signal.aborted, false);
    guard.onRateLimitWait(1000);
    assert.equal(guard.signal.aborted, true);
  });

  it('guarded() removes its listener from the run signal afterwards', async () => {
    const run = new AbortController();
    let seen: SendGuard | undefined;
    await guarded(run.signal, async (guard) => {
      seen = guard;
      guard.onRateLimitWait(60_000);
    });
    run.abort();
    assert.equal(seen?.signal.aborted, false, 'a settled call is not aborted later');
  });
});
