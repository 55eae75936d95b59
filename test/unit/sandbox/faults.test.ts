import { strict as assert } from 'assert';
import { startSandbox, type Sandbox } from '../../sandbox';
import { api, guestsPath } from './helpers';

describe('sandbox: faults', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ guests: 5 });
  });
  afterEach(() => sandbox.reset());
  after(() => sandbox.close());

  const getPath = (s: Sandbox): string => guestsPath(s, '/ana%2Bops%40client.test');

  it('status: answers the status with a JSON body, for `times` matching requests, in order', async () => {
    sandbox.injectFault({ kind: 'status', status: 503, times: 2, match: { method: 'GET', path: guestsPath(sandbox) } });
    sandbox.injectFault({ kind: 'status', status: 409, body: { error: { code: 'X' } }, match: { path: `/api${guestsPath(sandbox)}` } });
    const first = await api(sandbox, 'GET', guestsPath(sandbox));
    assert.deepEqual([first.status, first.json], [503, { error: true, message: 'Server Error' }]);
    const post = await api(sandbox, 'POST', guestsPath(sandbox), { email: 'x@client.test' });
    assert.deepEqual([post.status, post.json], [409, { error: { code: 'X' } }], 'the GET-only fault skips a POST');
    assert.equal(sandbox.guest('x@client.test'), undefined, 'a status fault does no work');
    assert.equal((await api(sandbox, 'GET', guestsPath(sandbox))).status, 503);
    assert.equal((await api(sandbox, 'GET', guestsPath(sandbox))).status, 200);
  });

  it('html: sends a text/html error page', async () => {
    sandbox.injectFault({ kind: 'html', status: 502, match: { path: /\/guests\// } });
    const res = await api(sandbox, 'GET', getPath(sandbox));
    assert.equal(res.status, 502);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(res.text, /<html>/);
  });

  it('rateLimit: 429 with Retry-After in seconds or as an HTTP date', async () => {
    const date = 'Wed, 21 Oct 2015 07:28:00 GMT';
    sandbox.injectFault({ kind: 'rateLimit', retryAfter: 7 });
    sandbox.injectFault({ kind: 'rateLimit', retryAfter: date });
    const seconds = await api(sandbox, 'GET', getPath(sandbox));
    assert.deepEqual([seconds.status, seconds.headers.get('retry-after'), seconds.json.code], [429, '7', 'RATE_LIMIT_EXCEEDED']);
    assert.equal((await api(sandbox, 'GET', getPath(sandbox))).headers.get('retry-after'), date);
  });

  it('reset: destroys the socket without an answer, recorded with status 0', async () => {
    sandbox.injectFault({ kind: 'reset' });
    await assert.rejects(api(sandbox, 'GET', getPath(sandbox)));
    assert.equal(sandbox.requests.at(-1)?.status, 0);
  });

  it('hang: never answers, and close() still finishes', async () => {
    const hung = await startSandbox({ guests: 1 });
    hung.injectFault({ kind: 'hang' });
    const pending = api(hung, 'GET', guestsPath(hung));
    const outcome = pending.then(() => 'answered', () => 'failed');
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(hung.requests.length, 1);
    await hung.close();
    assert.equal(await outcome, 'failed');
    assert.equal(hung.requests[0].status, 0);
  });

  it('truncate: does the work and sends 2xx with the first half of the JSON', async () => {
    const full = (await api(sandbox, 'GET', getPath(sandbox))).text;
    sandbox.injectFault({ kind: 'truncate' });
    const cut = await api(sandbox, 'GET', getPath(sandbox));
    assert.equal(cut.status, 200);
    assert.equal(cut.text, full.slice(0, Math.floor(full.length / 2)));
    assert.equal(cut.json, undefined, 'not parseable');
  });

  it('delay: answers for real after ms', async () => {
    sandbox.injectFault({ kind: 'delay', ms: 150 });
    const started = Date.now();
    const res = await api(sandbox, 'GET', getPath(sandbox));
    assert.equal(res.status, 200);
    assert.ok(Date.now() - started >= 140, `${Date.now() - started} ms`);
  });

  it('dropAfterCommit: creates the guest, then drops the connection', async () => {
    sandbox.injectFault({ kind: 'dropAfterCommit', match: { method: 'POST' } });
    await assert.rejects(api(sandbox, 'POST', guestsPath(sandbox), { email: 'dropped@client.test' }));
    assert.equal(sandbox.guest('dropped@client.test')?.email, 'dropped@client.test');
    assert.equal(sandbox.requests.at(-1)?.status, 0);
  });

  it('latency: delays every answer', async () => {
    sandbox.setLatency(120);
    const started = Date.now();
    await api(sandbox, 'GET', getPath(sandbox));
    assert.ok(Date.now() - started >= 110);
  });
});
