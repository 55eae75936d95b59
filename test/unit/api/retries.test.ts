// Retry rules over a loopback stub, with an injected sleep that records waits instead of waiting.
import { strict as assert } from 'assert';
import { CancelledError, NetworkError, RateLimitError, ServerError, TimeoutError } from '../../../src/api/errors';
import { caught, makeClient } from './helpers';
import { ok, type StubHandler, type StubReply, useStubServer } from './stubServer';

const GUEST = { id: 9, email: 'new@client.test', details: {} };
const tooMany = (retryAfter?: string): StubReply => ({
  status: 429,
  body: { message: 'Too Many Attempts.', code: 'RATE_LIMIT_EXCEEDED' },
  headers: retryAfter === undefined ? {} : { 'Retry-After': retryAfter },
});
/** Answers `first` to the first `times` requests, then `then`. */
const firstThen = (times: number, first: StubReply, then: StubReply): StubHandler => (_request, index) => (index < times ? first : then);

describe('retries', () => {
  const server = useStubServer();

  it('429 with Retry-After in seconds: waits that long (told to the caller), then succeeds', async () => {
    const { client, sleeps } = makeClient(server.stub.baseUrl);
    server.handler = firstThen(1, tooMany('3'), ok(GUEST));
    const told: number[] = [];
    const guest = await client.getGuest('new@client.test', {}, { onRateLimitWait: (ms) => told.push(ms) });
    assert.equal(guest.email, 'new@client.test');
    assert.equal(server.stub.requests.length, 2);
    assert.equal(sleeps.length, 1);
    assert.ok(sleeps[0] > 2900 && sleeps[0] <= 3000, String(sleeps[0]));
    assert.deepEqual(told, sleeps);
  });

  it('429 with an HTTP-date Retry-After waits until that date', async () => {
    const { client, sleeps } = makeClient(server.stub.baseUrl);
    server.handler = firstThen(1, tooMany(new Date(Date.now() + 6000).toUTCString()), ok(GUEST));
    await client.getGuest('new@client.test');
    assert.equal(sleeps.length, 1);
    // HTTP dates have whole seconds, so the wait is between 5 and 6 s.
    assert.ok(sleeps[0] > 4000 && sleeps[0] <= 6000, String(sleeps[0]));
  });

  it('429 without Retry-After backs off exponentially; a long Retry-After is capped', async () => {
    const { client, sleeps } = makeClient(server.stub.baseUrl, { random: () => 0.5, maxRetryAfterMs: 5000 });
    server.handler = firstThen(3, tooMany(), ok(GUEST));
    await client.getGuest('new@client.test');
    assert.equal(sleeps.length, 3);
    assert.ok(Math.abs(sleeps[0] - 500) < 50 && Math.abs(sleeps[1] - 1000) < 50 && Math.abs(sleeps[2] - 2000) < 50, sleeps.join());
    const capped = makeClient(server.stub.baseUrl, { maxRetryAfterMs: 5000 });
    server.stub.requests.length = 0;
    server.handler = firstThen(1, tooMany('3600'), ok(GUEST));
    await capped.client.getGuest('new@client.test');
    assert.ok(capped.sleeps[0] > 4900 && capped.sleeps[0] <= 5000, String(capped.sleeps[0]));
  });

  it('429 is retried for POST too (nothing happened), and gives up after maxRetries with RateLimitError', async () => {
    const { client } = makeClient(server.stub.baseUrl);
    server.handler = firstThen(2, tooMany('1'), ok(GUEST, 201));
    assert.equal((await client.createGuest({ email: 'new@client.test' })).email, 'new@client.test');
    assert.deepEqual(server.stub.requests.map((r) => r.method), ['POST', 'POST', 'POST']);
    server.stub.requests.length = 0;
    const persistent = makeClient(server.stub.baseUrl);
    server.handler = () => tooMany('2');
    const error = await caught(() => persistent.client.getMe());
    assert.ok(error instanceof RateLimitError);
    assert.equal(error.retryAfterMs, 2000);
    assert.equal(server.stub.requests.length, 5);
    assert.equal(persistent.sleeps.length, 4);
  });

  it('5xx is retried for GET, PUT and DELETE with backoff, up to maxRetries', async () => {
    for (const method of ['GET', 'PUT', 'DELETE'] as const) {
      server.stub.requests.length = 0;
      const { client, sleeps } = makeClient(server.stub.baseUrl, { random: () => 0.5 });
      server.handler = firstThen(2, { status: 502, body: { error: true, message: 'Bad Gateway' } }, ok(GUEST));
      if (method === 'GET') await client.getGuest('new@client.test');
      if (method === 'PUT') await client.updateGuest('new@client.test', { associated_members: [] });
      if (method === 'DELETE') await client.deleteGuest('new@client.test');
      assert.deepEqual(server.stub.requests.map((r) => r.method), [method, method, method]);
      assert.deepEqual(sleeps, [500, 1000]);
    }
    server.stub.requests.length = 0;
    const limited = makeClient(server.stub.baseUrl, { maxRetries: 1 });
    server.handler = () => ({ status: 500, body: { error: true, message: 'Server Error' } });
    assert.ok((await caught(() => limited.client.getMe())) instanceof ServerError);
    assert.equal(server.stub.requests.length, 2);
  });

  it('network errors are retried for PUT, not for POST', async () => {
    const { client } = makeClient(server.stub.baseUrl);
    server.handler = firstThen(1, 'reset', ok(GUEST));
    await client.updateGuest('new@client.test', { associated_members: [1] });
    assert.deepEqual(server.stub.requests.map((r) => r.method), ['PUT', 'PUT']);
    server.stub.requests.length = 0;
    // POST: one attempt, then a GET to see whether the guest exists; it does not → the original error.
    server.handler = (request) => (request.method === 'POST' ? 'reset' : { status: 404, body: { error: true, message: 'Resource not found' } });
    const error = await caught(() => client.createGuest({ email: 'new@client.test' }));
    assert.ok(error instanceof NetworkError);
    assert.deepEqual(server.stub.requests.map((r) => r.method), ['POST', 'GET']);
  });

  it('POST is not retried after a 5xx or timeout; it returns the guest when the lookup finds it', async () => {
    const { client } = makeClient(server.stub.baseUrl, { timeoutMs: 100 });
    server.handler = (request) => (request.method === 'POST' ? { status: 500, body: { error: true, message: 'Server Error' } } : ok(GUEST));
    assert.equal((await client.createGuest({ email: 'new@client.test' })).email, 'new@client.test');
    assert.deepEqual(server.stub.requests.map((r) => `${r.method} ${r.rawPath}`), [
      'POST /api/organizations/org_test/guests',
      'GET /api/organizations/org_test/guests/new%40client.test',
    ]);
    server.stub.requests.length = 0;
    server.handler = (request) => (request.method === 'POST' ? 'hang' : { status: 404, body: { error: true, message: 'Resource not found' } });
    assert.ok((await caught(() => client.createGuest({ email: 'new@client.test' }))) instanceof TimeoutError);
    assert.deepEqual(server.stub.requests.map((r) => r.method), ['POST', 'GET']);
  });

  it('a timeout on GET is retried', async () => {
    const { client, sleeps } = makeClient(server.stub.baseUrl, { timeoutMs: 100 });
    server.handler = firstThen(1, 'hang', ok(GUEST));
    await client.getGuest('new@client.test');
    assert.equal(server.stub.requests.length, 2);
    assert.equal(sleeps.length, 1);
  });

  describe('cancellation', () => {
    it('an aborted signal cancels before anything is sent', async () => {
      const { client } = makeClient(server.stub.baseUrl);
      server.handler = () => ok(GUEST);
      const controller = new AbortController();
      controller.abort();
      assert.ok((await caught(() => client.getMe({ signal: controller.signal }))) instanceof CancelledError);
      assert.equal(server.stub.requests.length, 0);
    });

    it('aborting cancels a request in flight', async () => {
      const { client } = makeClient(server.stub.baseUrl, { timeoutMs: 5000 });
      server.handler = () => 'hang';
      const controller = new AbortController();
      const pending = caught(() => client.getMe({ signal: controller.signal }));
      setTimeout(() => controller.abort(), 50);
      assert.ok((await pending) instanceof CancelledError);
      assert.equal(server.stub.requests.length, 1);
    });

    it('aborting cancels a rate-limit wait (real sleep), without another request', async () => {
      const { client } = makeClient(server.stub.baseUrl, { sleep: undefined });
      server.handler = () => tooMany('20');
      const controller = new AbortController();
      const started = Date.now();
      const pending = caught(() => client.getMe({ signal: controller.signal, onRateLimitWait: () => setTimeout(() => controller.abort(), 30) }));
      assert.ok((await pending) instanceof CancelledError);
      assert.ok(Date.now() - started < 2000);
      assert.equal(server.stub.requests.length, 1);
    });
  });
});
