// The loader against the real client and the sandbox: pages arrive into the store one by one,
// a refresh merges (and sweeps only what did not come back), a newer load cancels an older one.
import { strict as assert } from 'assert';
import fetch from 'node-fetch';
import { TallyfyClient } from '../../../src/api/client';
import { NetworkError } from '../../../src/api/errors';
import type { FetchLike, TallyfyApi } from '../../../src/api/tallyfyApi';
import type { Guest } from '../../../src/api/types';
import { GuestLoader } from '../../../src/session/guestLoader';
import { GuestStore, type GuestStoreChange } from '../../../src/state/guestStore';
import { startSandbox, type Sandbox } from '../../sandbox';

describe('GuestLoader (with the sandbox)', () => {
  let sandbox: Sandbox;
  let client: TallyfyApi;

  before(async () => {
    sandbox = await startSandbox({ guests: 244, maxPerPage: 100 });
  });
  after(() => sandbox.close());
  beforeEach(() => {
    sandbox.reset();
    client = new TallyfyClient({
      baseUrl: sandbox.baseUrl,
      orgId: sandbox.orgId,
      getToken: async () => sandbox.token,
      fetch: fetch as unknown as FetchLike,
      timeoutMs: 2000,
      maxRetries: 0,
    });
  });

  it('adds every guest page by page and reports progress', async () => {
    const store = new GuestStore();
    const loader = new GuestLoader(store);
    const sizes: number[] = [];
    store.onDidChange((c) => c.kind === 'added' && sizes.push(store.size));
    const progress: boolean[] = [];
    loader.onDidChangeProgress((p) => progress.push(p.loading));
    const outcome = await loader.load(client, { perPage: 100 });
    const total = sandbox.guests().length;
    assert.equal(outcome.kind, 'done');
    assert.ok(total > 200 && total <= 300, `seeded ${total}`);
    assert.deepEqual(sizes, [100, 200, total]);
    assert.equal(store.size, total);
    assert.equal(progress[0], true);
    assert.equal(progress.at(-1), false);
    assert.equal(loader.loading, false);
    const pages = sandbox.requests.filter((r) => r.path.endsWith('/guests')).map((r) => r.query.page);
    assert.deepEqual(pages, ['1', '2', '3']);
  });

  it('a refresh merges: guests stay while pages arrive, and only the removed one goes', async () => {
    const store = new GuestStore();
    const loader = new GuestLoader(store);
    await loader.load(client, { perPage: 100 });
    const gone = sandbox.guests()[5].email;
    sandbox.removeGuest(gone);
    const changes: GuestStoreChange['kind'][] = [];
    const minSize: number[] = [];
    store.onDidChange((c) => {
      changes.push(c.kind);
      minSize.push(store.size);
    });
    const before = store.size;
    const outcome = await loader.load(client, { perPage: 100 });
    assert.equal(outcome.kind, 'done');
    assert.ok(!changes.includes('reset'), 'no reset during a refresh');
    assert.ok(Math.min(...minSize) >= before - 1, 'the list never shrank while loading');
    assert.equal(store.get(gone), undefined);
    assert.equal(store.size, before - 1);
  });

  it('keeps a guest created while the load ran, and the local matches given as resetTo', async () => {
    const store = new GuestStore();
    const loader = new GuestLoader(store);
    const local = { ...sandbox.guests()[0], email: 'only-local@nowhere.test' } as unknown as Guest;
    const created = { ...local, email: 'created-meanwhile@client.test' } as Guest;
    const slow: TallyfyApi = Object.create(client);
    slow.listGuests = async function* (options, request) {
      for await (const page of client.listGuests(options, request)) {
        store.upsert(created);
        yield page;
      }
    };
    const outcome = await loader.load(slow, { perPage: 100, q: 'ana', resetTo: [local] });
    assert.equal(outcome.kind, 'done');
    assert.ok(store.get('only-local@nowhere.test'));
    assert.ok(store.get('created-meanwhile@client.test'));
    assert.equal(sandbox.requests.at(-1)?.query.q, 'ana');
    assert.ok(store.all().some((g) => g.email === 'ana+ops@client.test'));
  });

  it('a newer load cancels the older one', async () => {
    const store = new GuestStore();
    const loader = new GuestLoader(store);
    sandbox.setLatency(150);
    const first = loader.load(client, { perPage: 100 });
    await new Promise((r) => setTimeout(r, 20));
    const second = loader.load(client, { perPage: 100, q: 'client.test' });
    assert.deepEqual(await first, { kind: 'cancelled' });
    assert.equal((await second).kind, 'done');
    assert.equal(loader.loading, false);
  });

  it('reports a failure without sweeping what the store shows', async () => {
    const store = new GuestStore();
    const loader = new GuestLoader(store);
    await loader.load(client, { perPage: 100 });
    const before = store.size;
    sandbox.injectFault({ kind: 'reset', match: { path: /\/guests$/ }, times: Infinity });
    const outcome = await loader.load(client, { perPage: 100 });
    assert.equal(outcome.kind, 'failed');
    assert.ok(outcome.kind === 'failed' && outcome.error instanceof NetworkError);
    assert.equal(store.size, before);
    assert.equal(loader.loading, false);
  });
});
