import { strict as assert } from 'assert';
import { CancelledError } from '../../../src/api/errors';
import { RateLimitGate } from '../../../src/api/rateLimitGate';
import { backoffMs, isIdempotent, parseRetryAfter } from '../../../src/api/retry';
import { sleep } from '../../../src/api/sleep';

describe('retry rules', () => {
  it('backs off 0.5 s × 2^n with ±20 % jitter, capped at 8 s', () => {
    assert.equal(backoffMs(0, () => 0), 400);
    assert.equal(backoffMs(0, () => 0.5), 500);
    assert.equal(backoffMs(0, () => 1), 600);
    assert.equal(backoffMs(1, () => 0.5), 1000);
    assert.equal(backoffMs(3, () => 0.5), 4000);
    assert.equal(backoffMs(4, () => 0.5), 8000);
    assert.equal(backoffMs(4, () => 1), 8000);
    assert.equal(backoffMs(40, () => 1), 8000);
    for (let i = 0; i < 200; i++) {
      const ms = backoffMs(2);
      assert.ok(ms >= 1600 && ms <= 2400, String(ms));
    }
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    assert.equal(parseRetryAfter('3', now), 3000);
    assert.equal(parseRetryAfter(' 0 ', now), 0);
    assert.equal(parseRetryAfter('1.5', now), 1500);
    assert.equal(parseRetryAfter('Sun, 01 Mar 2026 10:00:07 GMT', now), 7000);
    assert.equal(parseRetryAfter('Sun, 01 Mar 2026 09:00:00 GMT', now), 0);
    assert.equal(parseRetryAfter(null, now), undefined);
    assert.equal(parseRetryAfter('', now), undefined);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter('-5', now), undefined);
  });

  it('retries failures only for GET, PUT and DELETE', () => {
    assert.deepEqual(['GET', 'PUT', 'DELETE', 'POST'].map(isIdempotent), [true, true, true, false]);
  });
});

describe('RateLimitGate', () => {
  it('is open until held, then makes a waiter sleep the remaining time once', async () => {
    let now = 1000;
    const gate = new RateLimitGate(() => now);
    const waits: number[] = [];
    const fakeSleep = async (ms: number): Promise<void> => {
      waits.push(ms);
    };
    await gate.pass(fakeSleep);
    assert.deepEqual(waits, []);
    gate.holdFor(2000);
    gate.holdFor(500); // never shortens
    const told: number[] = [];
    await gate.pass(fakeSleep, undefined, (ms) => told.push(ms));
    assert.deepEqual(waits, [2000]);
    assert.deepEqual(told, [2000]);
    now = 3000;
    await gate.pass(fakeSleep);
    assert.deepEqual(waits, [2000]);
  });

  it('makes a waiter wait again when the hold is extended while it sleeps', async () => {
    let now = 0;
    const gate = new RateLimitGate(() => now);
    const waits: number[] = [];
    gate.holdFor(1000);
    await gate.pass(async (ms) => {
      waits.push(ms);
      if (waits.length === 1) {
        now = 1000;
        gate.holdFor(3000);
      }
    });
    assert.deepEqual(waits, [1000, 3000]);
  });

  it('default sleep is cancellable', async () => {
    const controller = new AbortController();
    const pending = sleep(60_000, controller.signal);
    controller.abort();
    await assert.rejects(pending, CancelledError);
    await assert.rejects(sleep(10, controller.signal), CancelledError);
    await sleep(1);
  });
});
