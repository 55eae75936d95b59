// The rate pacer against a simulated token-bucket server on a simulated clock: requests are spaced
// to the server's refill rate without 429s, the rate it infers never exceeds the real one, and it
// never holds requests back when the server sends no rate-limit headers.
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { CancelledError } from '../../../src/api/errors';
import { RatePacer, type PacerClock } from '../../../src/api/ratePacer';

/** A clock whose timers run only when the test advances it. */
class FakeClock implements PacerClock {
  private time = 0;
  private timers: { at: number; seq: number; callback: () => void }[] = [];
  private seq = 0;
  now(): number {
    return this.time;
  }
  setTimeout(callback: () => void, ms: number): unknown {
    const timer = { at: this.time + Math.max(0, ms), seq: this.seq++, callback };
    this.timers.push(timer);
    return timer;
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t !== handle);
  }
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.setTimeout(resolve, ms));
  }
  /** Runs timers in time order, letting promise callbacks settle in between, until `done` or no timers are left. */
  async run(done: () => boolean): Promise<void> {
    for (;;) {
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
      if (done() || this.timers.length === 0) return;
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift() as { at: number; callback: () => void };
      this.time = Math.max(this.time, next.at);
      next.callback();
    }
  }
}

interface ServerOptions { perSecond: number; burst: number; headers: 'bucket' | 'none' | 'always-zero' }

/** The sandbox's token bucket (test/sandbox/rateLimit.ts), on the fake clock. */
class BucketServer {
  private tokens: number;
  private last = 0;
  refused = 0;
  served = 0;
  constructor(private readonly clock: FakeClock, private readonly options: ServerOptions) {
    this.tokens = options.burst;
  }
  handle(): { status: number; remaining: string | null; limit: string | null; retryAfterMs: number } {
    const now = this.clock.now();
    const { perSecond, burst } = this.options;
    this.tokens = Math.min(burst, this.tokens + ((now - this.last) / 1000) * perSecond);
    this.last = now;
    const header = (n: number) => (this.options.headers === 'none' ? null : this.options.headers === 'always-zero' ? '0' : String(n));
    if (this.tokens >= 1) {
      this.tokens -= 1;
      this.served++;
      return { status: 200, remaining: header(Math.floor(this.tokens)), limit: this.options.headers === 'bucket' ? String(burst) : null, retryAfterMs: 0 };
    }
    this.refused++;
    const retryAfterMs = Math.max(1, Math.ceil((1 - this.tokens) / perSecond)) * 1000;
    return { status: 429, remaining: this.options.headers === 'none' ? null : '0', limit: null, retryAfterMs };
  }
}

interface RunResult { ms: number; refused: number; maxBoundPerSecond: number }

/**
 * `requests` requests over `lanes` concurrent lanes, each paced by one shared pacer, with a network
 * delay of `rtt()` ms per request split evenly each way. A 429 holds every lane for its Retry-After
 * (what the client's gate does).
 */
async function simulate(server: ServerOptions, requests: number, lanes: number, rtt: () => number): Promise<RunResult> {
  const clock = new FakeClock();
  const bucket = new BucketServer(clock, server);
  const pacer = new RatePacer(clock);
  let holdUntil = 0;
  let next = 0;
  let finished = 0;
  let maxBound = 0;
  const lane = async (): Promise<void> => {
    while (next < requests) {
      next++;
      for (;;) {
        if (clock.now() < holdUntil) await clock.sleep(holdUntil - clock.now());
        const slot = await pacer.acquire();
        const delay = rtt();
        await clock.sleep(delay / 2);
        const answer = bucket.handle();
        await clock.sleep(delay / 2);
        pacer.settle(slot, answer.status, answer.remaining, answer.limit);
        maxBound = Math.max(maxBound, pacer.rateBoundPerSecond());
        if (answer.status !== 429) break;
        holdUntil = Math.max(holdUntil, clock.now() + answer.retryAfterMs);
      }
      finished++;
    }
  };
  const all = Promise.all(Array.from({ length: lanes }, lane));
  await clock.run(() => finished === requests);
  await all;
  return { ms: clock.now(), refused: bucket.refused, maxBoundPerSecond: maxBound };
}

describe('RatePacer (simulated server and clock)', () => {
  it('keeps 500 requests at 4 lanes to a 50/s bucket (burst 10) within 10 % of the ideal, with no 429', async () => {
    const result = await simulate({ perSecond: 50, burst: 10, headers: 'bucket' }, 500, 4, () => 1);
    const ideal = ((500 - 10) / 50) * 1000;
    assert.equal(result.refused, 0);
    assert.ok(result.ms <= ideal * 1.1, `took ${result.ms} ms, ideal ${ideal} ms`);
    assert.ok(result.ms >= ideal, 'faster than the bucket allows: the simulation is wrong');
  });

  it('never infers a refill rate above the real one, whatever the rate, burst, lanes and (reordering) delays', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 300 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 8 }),
        fc.double({ min: 0.1, max: 40, noNaN: true }),
        fc.integer({ min: 1, max: 1_000_000 }),
        async (perSecond, burst, lanes, maxRtt, seed) => {
          let state = seed;
          const random = () => ((state = (state * 48271) % 2147483647) / 2147483647);
          const result = await simulate({ perSecond, burst, headers: 'bucket' }, 120, lanes, () => 0.1 + random() * maxRtt);
          assert.ok(result.maxBoundPerSecond <= perSecond, `inferred ${result.maxBoundPerSecond}/s for a ${perSecond}/s bucket`);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('with no rate-limit headers nothing waits: 200 requests on 8 lanes take only their network time', async () => {
    const result = await simulate({ perSecond: 1e9, burst: 1e9, headers: 'none' }, 200, 8, () => 2);
    assert.equal(result.ms, (200 / 8) * 2);
  });

  it('a header that never counts down (always 0) is not trusted: nothing waits', async () => {
    const result = await simulate({ perSecond: 1e9, burst: 1e9, headers: 'always-zero' }, 200, 4, () => 2);
    assert.equal(result.ms, (200 / 4) * 2);
  });

  it('a cancelled wait rejects with CancelledError and does not hold up the others', async () => {
    const clock = new FakeClock();
    const pacer = new RatePacer(clock);
    const first = await pacer.acquire();
    pacer.settle(first, 200, '1', '5');
    const second = await pacer.acquire();
    pacer.settle(second, 200, '0', '5'); // counted down to empty, no rate known yet: the next ones wait
    const controller = new AbortController();
    const cancelled = pacer.acquire(controller.signal);
    const waiting = pacer.acquire();
    controller.abort();
    await assert.rejects(cancelled, CancelledError);
    let released = false;
    void waiting.then(() => (released = true));
    await clock.run(() => released);
    assert.equal(released, true);
    assert.ok(clock.now() >= 100, 'the remaining request waited for the probe pause');
  });

  it('a request that got no answer (abandoned) or never went out (released) does not block the pacer', async () => {
    const clock = new FakeClock();
    const pacer = new RatePacer(clock);
    const a = await pacer.acquire();
    pacer.settle(a, 429, '0', '5');
    const b = pacer.acquire();
    const c = pacer.acquire();
    let done = 0;
    void b.then((slot) => {
      done++;
      pacer.abandon(slot);
    });
    void c.then((slot) => {
      done++;
      pacer.release(slot);
    });
    await clock.run(() => done === 2);
    assert.equal(done, 2);
    await pacer.acquire(); // nothing in flight: a probe may go out after the pause at the latest
  });
});
