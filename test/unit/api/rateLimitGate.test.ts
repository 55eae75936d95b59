// The client's one rate-limit state: a 429 from any request holds every request of that client.
import { strict as assert } from 'assert';
import { makeClient } from './helpers';
import { ok, useStubServer } from './stubServer';

const GUEST = { id: 1, email: 'a@client.test', details: {} };

interface PendingSleep {
  ms: number;
  resolve(): void;
}

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 2000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('shared rate-limit gate', () => {
  const server = useStubServer();

  it('after one 429 with Retry-After, concurrent callers wait until that moment and send nothing before', async () => {
    const sleeps: PendingSleep[] = [];
    const sleep = (ms: number): Promise<void> => new Promise((resolve) => sleeps.push({ ms, resolve }));
    const { client } = makeClient(server.stub.baseUrl, { sleep });
    server.handler = (_request, index) =>
      index === 0 ? { status: 429, body: { message: 'Too Many Attempts.' }, headers: { 'Retry-After': '2' } } : ok(GUEST);
    const told: number[][] = [[], [], [], []];
    const first = client.getGuest('a@client.test', {}, { onRateLimitWait: (ms) => told[0].push(ms) });
    await until(() => sleeps.length === 1);
    const others = [1, 2, 3].map((i) => client.getGuest(`g${i}@client.test`, {}, { onRateLimitWait: (ms) => told[i].push(ms) }));
    await until(() => sleeps.length === 4);
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(server.stub.requests.length, 1, 'no request may be sent while the gate holds');
    for (const { ms } of sleeps) assert.ok(ms > 1800 && ms <= 2000, String(ms));
    for (const waits of told) assert.equal(waits.length, 1);
    for (const s of sleeps) s.resolve();
    await Promise.all([first, ...others]);
    assert.equal(server.stub.requests.length, 5);
  });

  it('requests already in flight that also get 429 join the same hold, and the longest hold wins', async () => {
    const sleeps: number[] = [];
    const { client } = makeClient(server.stub.baseUrl, {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    const holds = ['1', '4', '2'];
    server.handler = (_request, index) =>
      index < 3 ? { status: 429, body: { message: 'Too Many Attempts.' }, headers: { 'Retry-After': holds[index] } } : ok(GUEST);
    await Promise.all([1, 2, 3].map((i) => client.getGuest(`g${i}@client.test`)));
    assert.equal(server.stub.requests.length, 6);
    // The 4 s hold is served by whoever is waiting when it arrives; the gate ends at the longest hold.
    assert.ok(sleeps.length >= 3);
    assert.ok(sleeps.some((ms) => ms > 3800), sleeps.join());
    assert.ok(client.rateLimitGate.remainingMs() > 3000);
  });

  it('each client has its own gate', async () => {
    const a = makeClient(server.stub.baseUrl);
    const b = makeClient(server.stub.baseUrl);
    server.handler = (_request, index) => (index === 0 ? { status: 429, body: {}, headers: { 'Retry-After': '5' } } : ok(GUEST));
    await a.client.getGuest('a@client.test');
    await b.client.getGuest('a@client.test');
    assert.equal(a.sleeps.length, 1);
    assert.deepEqual(b.sleeps, []);
    assert.equal(b.client.rateLimitGate.remainingMs(), 0);
  });

  it('no wait at all when not rate limited', async () => {
    const { client, sleeps } = makeClient(server.stub.baseUrl);
    server.handler = () => ok(GUEST);
    await Promise.all([1, 2, 3, 4].map(() => client.getGuest('a@client.test')));
    assert.deepEqual(sleeps, []);
    assert.equal(server.stub.requests.length, 4);
  });
});
