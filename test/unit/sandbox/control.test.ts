import { strict as assert } from 'assert';
import { startSandbox, type Sandbox } from '../../sandbox';
import { api, guestsPath } from './helpers';

async function control(sandbox: Sandbox, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const origin = sandbox.baseUrl.replace(/\/api$/, '');
  const res = await fetch(`${origin}/__sandbox/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text === '' ? undefined : JSON.parse(text) };
}

describe('sandbox: control API, records and determinism', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ guests: 5 });
  });
  afterEach(() => sandbox.reset());
  after(() => sandbox.close());

  it('records API requests exactly, but not control requests', async () => {
    await api(sandbox, 'PUT', guestsPath(sandbox, '/ana%2Bops%40client.test?with=stats'), { first_name: 'A' });
    const listed = await control(sandbox, 'GET', 'requests');
    assert.equal(listed.json.data.length, 1);
    const [req] = listed.json.data;
    assert.equal(req.rawPath, `/api${guestsPath(sandbox)}/ana%2Bops%40client.test?with=stats`);
    assert.equal(req.path, `/api${guestsPath(sandbox)}/ana+ops@client.test`);
    assert.deepEqual([req.method, req.query, req.body, req.bodyText, req.status], ['PUT', { with: 'stats' }, { first_name: 'A' }, '{"first_name":"A"}', 200]);
    assert.equal(req.headers['x-tallyfy-client'], 'APIClient');
    assert.equal((await control(sandbox, 'DELETE', 'requests')).status, 204);
    assert.equal(sandbox.requests.length, 0);
  });

  it('takes faults (string path, times "Infinity") and options over HTTP, and resets', async () => {
    const fault = { kind: 'status', status: 500, times: 'Infinity', match: { path: guestsPath(sandbox) } };
    assert.equal((await control(sandbox, 'POST', 'faults', fault)).status, 201);
    for (let i = 0; i < 3; i++) assert.equal((await api(sandbox, 'GET', guestsPath(sandbox))).status, 500);
    assert.equal((await control(sandbox, 'DELETE', 'faults')).status, 204);
    assert.equal((await api(sandbox, 'GET', guestsPath(sandbox))).status, 200);
    assert.equal((await control(sandbox, 'POST', 'faults', { kind: 'explode' })).status, 400);

    const options = await control(sandbox, 'POST', 'options', { putMode: 'docs2026', latencyMs: 0, rateLimit: null });
    assert.equal(options.json.data.putMode, 'docs2026');
    assert.equal((await api(sandbox, 'PUT', guestsPath(sandbox, '/ana%2Bops%40client.test'), {})).status, 201);
    assert.equal((await control(sandbox, 'POST', 'options', { putMode: 'v3' })).status, 400);

    await api(sandbox, 'DELETE', guestsPath(sandbox, '/ana%2Bops%40client.test'));
    assert.equal((await control(sandbox, 'GET', 'guests')).json.data.length, 10);
    assert.equal((await control(sandbox, 'POST', 'reset')).status, 204);
    assert.equal((await control(sandbox, 'GET', 'guests')).json.data.length, 11);
    assert.equal((await api(sandbox, 'PUT', guestsPath(sandbox, '/ana%2Bops%40client.test'), {})).status, 200, 'options as started');
    assert.equal(sandbox.requests.length, 1);
  });

  it('mutateGuest changes a guest behind the client and bumps updated_at', async () => {
    const before = sandbox.guest('Mixed.Case@Client.test')!;
    sandbox.mutateGuest('mixed.case@client.test', { company_name: 'Elsewhere Inc' });
    const after = sandbox.guest('mixed.case@client.test')!;
    assert.equal(after.company_name, 'Elsewhere Inc');
    assert.ok(after.updated_at > before.updated_at);
    assert.throws(() => sandbox.mutateGuest('mixed.case@client.test', { nickname: 'x' }), /Not guest fields/);
  });

  it('same seed gives the same data, another seed different data, always with the awkward guests', async () => {
    const [a, b, c] = await Promise.all([startSandbox({ seed: 7 }), startSandbox({ seed: 7 }), startSandbox({ seed: 8 })]);
    try {
      assert.deepEqual(a.guests(), b.guests());
      assert.deepEqual(a.groups(), b.groups());
      assert.notDeepEqual(a.guests(), c.guests());
      const emails = a.guests().map((g) => g.email);
      assert.equal(emails.length, 56);
      assert.equal(new Set(emails.map((e) => e.toLowerCase())).size, 56);
      for (const fixed of ['ana+ops@client.test', 'Mixed.Case@Client.test', 'zoe.muller@client.test']) assert.ok(emails.includes(fixed), fixed);
      const names = a.guests().map((g) => g.first_name);
      for (const name of ['<img src=x onerror=alert(1)>', '[click](https://evil.test)', 'Zoë']) assert.ok(names.includes(name), name);
      assert.ok(a.guests().some((g) => g.first_name === null && g.last_name === null && g.company_name === null));
      const generated = emails.filter((e) => !e.toLowerCase().endsWith('@client.test'));
      assert.ok(generated.every((e) => /^[a-z]+\.[a-z]+\.\d+@[a-z]+\.test$/.test(e)), generated.join(' '));
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });
});
