// Retry and recovery rules against the sandbox's injected faults.
import { strict as assert } from 'assert';
import { startSandbox, type Sandbox } from '../../sandbox';
import { NotFoundError, RateLimitError, ServerError, TimeoutError } from '../../../src/api/errors';
import { caught, makeClient, type Harness } from './helpers';

describe('TallyfyClient against sandbox faults', () => {
  let sandbox: Sandbox;
  let harness: Harness;
  const guestsPath = (): string => `/organizations/${sandbox.orgId}/guests`;
  before(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  after(() => sandbox.close());
  beforeEach(() => {
    sandbox.reset();
    harness = makeClient(sandbox.baseUrl, { orgId: sandbox.orgId, getToken: async () => sandbox.token, timeoutMs: 300 });
  });

  it('createGuest after dropAfterCommit returns the created guest; the POST was sent exactly once', async () => {
    sandbox.injectFault({ kind: 'dropAfterCommit', match: { method: 'POST', path: guestsPath() } });
    const guest = await harness.client.createGuest({ email: 'dropped@newco.test', first_name: 'Dropped' });
    assert.equal(guest.email, 'dropped@newco.test');
    assert.equal(guest.first_name, 'Dropped');
    assert.equal(sandbox.requests.filter((r) => r.method === 'POST').length, 1);
    assert.deepEqual(sandbox.requests.map((r) => r.method), ['POST', 'GET']);
    assert.equal(sandbox.guests().filter((g) => g.email === 'dropped@newco.test').length, 1);
  });

  it('createGuest after a truncated 201 returns the created guest via lookup', async () => {
    sandbox.injectFault({ kind: 'truncate', match: { method: 'POST' } });
    const guest = await harness.client.createGuest({ email: 'cut@newco.test' });
    assert.equal(guest.email, 'cut@newco.test');
    assert.equal(sandbox.requests.filter((r) => r.method === 'POST').length, 1);
  });

  it('createGuest after a 500 that created nothing throws the ServerError, without a retry', async () => {
    sandbox.injectFault({ kind: 'status', status: 500, match: { method: 'POST' } });
    const error = await caught(() => harness.client.createGuest({ email: 'never@newco.test' }));
    assert.ok(error instanceof ServerError);
    assert.deepEqual(sandbox.requests.map((r) => `${r.method} ${r.status}`), ['POST 500', 'GET 404']);
  });

  it('5xx and resets are retried for GET, PUT and DELETE', async () => {
    sandbox.injectFault({ kind: 'html', status: 503, times: 2 });
    sandbox.injectFault({ kind: 'reset', match: { method: 'PUT' } });
    const email = 'ana+ops@client.test';
    await harness.client.getGuest(email);
    await harness.client.updateGuest(email, { last_name: 'Opsen' });
    sandbox.injectFault({ kind: 'status', status: 502, match: { method: 'DELETE' } });
    await harness.client.deleteGuest(email);
    assert.deepEqual(sandbox.requests.map((r) => `${r.method} ${r.status}`), ['GET 503', 'GET 503', 'GET 200', 'PUT 0', 'PUT 200', 'DELETE 502', 'DELETE 200']);
    assert.equal(harness.sleeps.length, 4);
  });

  it('deleteGuest whose first attempt was committed but dropped: the retry\'s "not found" means done', async () => {
    sandbox.injectFault({ kind: 'dropAfterCommit', match: { method: 'DELETE' } });
    await harness.client.deleteGuest('ana+ops@client.test');
    assert.deepEqual(sandbox.requests.map((r) => `${r.method} ${r.status}`), ['DELETE 0', 'DELETE 422']);
    assert.equal(sandbox.guest('ana+ops@client.test'), undefined);
    // Without an earlier failed attempt, a 422 "invalid email" is still NotFoundError.
    await assert.rejects(harness.client.deleteGuest('ana+ops@client.test'), NotFoundError);
  });

  it('a hang times out (TimeoutError) and a GET retry then succeeds', async () => {
    sandbox.injectFault({ kind: 'hang', match: { method: 'GET' } });
    const guest = await harness.client.getGuest('ana+ops@client.test');
    assert.equal(guest.email, 'ana+ops@client.test');
    assert.equal(sandbox.requests.length, 2);
    sandbox.injectFault({ kind: 'hang', times: Infinity });
    const noRetry = makeClient(sandbox.baseUrl, { orgId: sandbox.orgId, getToken: async () => sandbox.token, timeoutMs: 100, maxRetries: 0 });
    assert.ok((await caught(() => noRetry.client.getMe())) instanceof TimeoutError);
  });

  it('rateLimit faults: Retry-After seconds and HTTP date are honoured, then RateLimitError when they persist', async () => {
    sandbox.injectFault({ kind: 'rateLimit', retryAfter: 7 });
    sandbox.injectFault({ kind: 'rateLimit', retryAfter: new Date(Date.now() + 10_000).toUTCString() });
    const told: number[] = [];
    await harness.client.getMe({ onRateLimitWait: (ms) => told.push(ms) });
    assert.equal(harness.sleeps.length, 2);
    assert.ok(harness.sleeps[0] > 6800 && harness.sleeps[0] <= 7000, String(harness.sleeps[0]));
    assert.ok(harness.sleeps[1] > 8000 && harness.sleeps[1] <= 10_000, String(harness.sleeps[1]));
    assert.deepEqual(told, harness.sleeps);
    sandbox.injectFault({ kind: 'rateLimit', retryAfter: 1, times: Infinity });
    const fresh = makeClient(sandbox.baseUrl, { orgId: sandbox.orgId, getToken: async () => sandbox.token });
    assert.ok((await caught(() => fresh.client.updateGuest('ana+ops@client.test', { first_name: 'x' }))) instanceof RateLimitError);
    assert.equal(sandbox.requests.filter((r) => r.method === 'PUT').length, 5);
  });

  it('with the sandbox token bucket on, concurrent requests back off together and all succeed (real waits)', async function () {
    this.timeout(8000);
    sandbox.setRateLimit({ perSecond: 50, burst: 3 });
    const real = makeClient(sandbox.baseUrl, { orgId: sandbox.orgId, getToken: async () => sandbox.token, sleep: undefined });
    const emails = sandbox.guests().slice(0, 5).map((g) => g.email);
    const guests = await Promise.all(emails.map((e) => real.client.getGuest(e)));
    assert.deepEqual(guests.map((g) => g.email), emails);
    const limited = sandbox.requests.filter((r) => r.status === 429);
    assert.ok(limited.length >= 1, 'the bucket should have refused some requests');
    // Once the first 429 (Retry-After ≥ 1 s) is known, nothing more is sent until the hold ends;
    // the 100 ms margin covers requests that were already on the wire.
    const firstLimitedAt = limited[0].at;
    const sentDuringHold = sandbox.requests.filter((r) => r.at > firstLimitedAt + 100 && r.at < firstLimitedAt + 900);
    assert.deepEqual(sentDuringHold, []);
    assert.ok(sandbox.requests[sandbox.requests.length - 1].at >= firstLimitedAt + 900);
  });
});
