// The bulk machinery against the sandbox over real HTTP: its rate limit and latency, faults, both
// PUT modes. A counting fetch wrapper measures how many requests are in flight at once.
import { strict as assert } from 'assert';
import fetch from 'node-fetch';
import { TallyfyClient } from '../../../src/api/client';
import type { FetchLike } from '../../../src/api/tallyfyApi';
import type { Guest } from '../../../src/api/types';
import { operationsJob, runBulkJobs, type BulkJob, type GuestSink } from '../../../src/bulk/bulkEngine';
import { planUndo, retryJobs } from '../../../src/bulk/undo';
import { planBulkChange, type BulkOperation } from '../../../src/model/bulkChange';
import { GuestStore } from '../../../src/state/guestStore';
import { startSandbox, type Sandbox } from '../../sandbox';

interface Counted {
  fetch: FetchLike;
  maxInFlight(): number;
}

function countingFetch(): Counted {
  let inFlight = 0;
  let max = 0;
  const counted: FetchLike = async (url, init) => {
    inFlight++;
    max = Math.max(max, inFlight);
    try {
      const response = await (fetch as unknown as FetchLike)(url, init);
      const text = await response.text();
      return { status: response.status, headers: response.headers, text: async () => text };
    } finally {
      inFlight--;
    }
  };
  return { fetch: counted, maxInFlight: () => max };
}

async function loadGuests(client: TallyfyClient): Promise<Guest[]> {
  const guests: Guest[] = [];
  for await (const page of client.listGuests({ perPage: 100 })) guests.push(...page.guests);
  return guests;
}

function updateJobs(guests: readonly Guest[], operations: BulkOperation[]): BulkJob[] {
  return planBulkChange(guests, operations).changes.map((c) => ({ kind: 'update', guest: c.guest, changes: c.changes }));
}

describe('bulk engine against the sandbox', function () {
  this.timeout(30_000);
  let sandbox: Sandbox;
  let counted: Counted;
  let client: TallyfyClient;
  let store: GuestStore;

  beforeEach(async () => {
    sandbox = await startSandbox({ guests: 60, seed: 7 });
    counted = countingFetch();
    client = new TallyfyClient({ baseUrl: sandbox.baseUrl, orgId: sandbox.orgId, getToken: async () => sandbox.token, fetch: counted.fetch, timeoutMs: 5000 });
    store = new GuestStore();
    store.reset(await loadGuests(client));
    sandbox.clearRequests();
  });

  afterEach(async () => {
    store.dispose();
    await sandbox.close();
  });

  it('under a rate limit: no 429 reaches the results, every guest is right, concurrency stays bounded', async () => {
    sandbox.setRateLimit({ perSecond: 20, burst: 5 });
    const guests = store.all().slice(0, 30);
    const jobs = updateJobs(guests, [{ kind: 'set', field: 'company_name', value: 'Bulk & Co, "Ltd"' }]);
    const started = Date.now();
    const { results, fatal } = await runBulkJobs(client, jobs, store, { concurrency: 4 });
    const elapsed = Date.now() - started;
    assert.equal(fatal, undefined);
    assert.deepEqual([...new Set(results.map((r) => r.status))], ['changed']);
    for (const g of guests) assert.equal(sandbox.guest(g.email)?.company_name, 'Bulk & Co, "Ltd"', g.email);
    for (const g of guests) assert.equal(store.get(g.email)?.company_name, 'Bulk & Co, "Ltd"', 'the store was updated in place');
    // The limit was binding (otherwise this test proves nothing): past the burst of 5, 20 per
    // second means at least 1.25 s, whether the client paced itself or waited out 429s.
    const refused = sandbox.requests.filter((r) => r.status === 429).length;
    assert.ok(elapsed >= ((jobs.length - 5) / 20) * 1000 * 0.9, `took ${elapsed} ms (${refused} refused with 429)`);
    assert.ok(counted.maxInFlight() <= 4, `max in flight ${counted.maxInFlight()}`);
    assert.ok(counted.maxInFlight() >= 2, 'requests did run concurrently');
  });

  it('cancel mid-run: requests in flight finish, none start, and the results say exactly who changed', async () => {
    sandbox.setLatency(40);
    const guests = store.all().slice(0, 40);
    const jobs = updateJobs(guests, [{ kind: 'set', field: 'timezone', value: 'Asia/Tokyo' }]);
    const controller = new AbortController();
    const run = runBulkJobs(client, jobs, store, {
      concurrency: 4,
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 10) controller.abort();
      },
    });
    const { results } = await run;
    const changed = results.filter((r) => r.status === 'changed').map((r) => r.email.toLowerCase()).sort();
    const notSent = results.filter((r) => r.status === 'cancelled');
    assert.ok(changed.length >= 10 && changed.length <= 14, `changed ${changed.length}`);
    assert.equal(changed.length + notSent.length, jobs.length);
    const puts = sandbox.requests.filter((r) => r.method === 'PUT');
    assert.ok(puts.every((r) => r.status === 200), 'every PUT the sandbox saw got a full answer');
    const putEmails = puts.map((r) => decodeURIComponent(r.path.split('/').pop()!).toLowerCase()).sort();
    assert.deepEqual(putEmails, changed, 'exactly the guests reported changed were sent');
    for (const r of notSent) assert.notEqual(sandbox.guest(r.email)?.timezone, 'Asia/Tokyo', r.email);
  });

  it('cancel while waiting for the rate limit ends at once, without sending', async () => {
    sandbox.injectFault({ kind: 'rateLimit', retryAfter: 20, match: { method: 'PUT' }, times: 4 });
    const jobs = updateJobs(store.all().slice(0, 8), [{ kind: 'set', field: 'company_name', value: 'Never' }]);
    const controller = new AbortController();
    const started = Date.now();
    const run = runBulkJobs(client, jobs, store, { concurrency: 4, signal: controller.signal, onRateLimitWait: () => controller.abort() });
    const { results } = await run;
    assert.ok(Date.now() - started < 3000, 'did not wait out the 20 s');
    assert.deepEqual([...new Set(results.map((r) => r.status))], ['cancelled']);
    assert.equal(sandbox.guests().filter((g) => g.company_name === 'Never').length, 0);
  });

  it('adds members to each guest\'s CURRENT list (read fresh), skipping those who have them', async () => {
    const [a, b] = store.all().filter((g) => g.status === 'active').slice(0, 2);
    sandbox.mutateGuest(a.email, { associated_members: [1, 2] });
    sandbox.mutateGuest(b.email, { associated_members: [3] });
    const ops: BulkOperation[] = [{ kind: 'addMembers', members: [3] }];
    const jobs: BulkJob[] = [a, b].map((guest) => operationsJob(guest, ops));
    const { results } = await runBulkJobs(client, jobs, store, { concurrency: 2 });
    assert.deepEqual(results.map((r) => r.status), ['changed', 'skipped']);
    assert.deepEqual(sandbox.guest(a.email)?.associated_members, [1, 2, 3], 'the member added behind our back is kept');
    assert.deepEqual(results[0].previous, { associated_members: [1, 2] });
  });

  it('reports fields Tallyfy did not apply (docs2026 PUT mode) instead of claiming success', async () => {
    sandbox.setPutMode('docs2026');
    const [g] = store.all();
    const { results } = await runBulkJobs(client, updateJobs([g], [{ kind: 'set', field: 'company_name', value: 'Ignored Inc' }]), store, { concurrency: 1 });
    assert.equal(results[0].status, 'notApplied');
    assert.deepEqual(results[0].unapplied, ['company_name']);
    assert.deepEqual(results[0].applied, {});
  });

  it('a failing guest is reported with its reason and can be retried; the others go through', async () => {
    const guests = store.all().slice(0, 5);
    const victim = guests[2];
    sandbox.injectFault({ kind: 'status', status: 422, body: { error: true, message: 'The given data was invalid.', errors: { company_name: ['Nope.'] } }, match: { method: 'PUT', path: `/api/organizations/${sandbox.orgId}/guests/${victim.email}` } });
    const { results } = await runBulkJobs(client, updateJobs(guests, [{ kind: 'set', field: 'company_name', value: 'Retry Co' }]), store, { concurrency: 2 });
    assert.deepEqual(results.map((r) => r.status), ['changed', 'changed', 'failed', 'changed', 'changed']);
    assert.match(results[2].reason ?? '', /company_name: Nope\./);
    const again = await runBulkJobs(client, retryJobs(results, (e) => store.get(e)), store, { concurrency: 2 });
    assert.deepEqual(again.results.map((r) => [r.email, r.status]), [[victim.email, 'changed']]);
    assert.equal(sandbox.guest(victim.email)?.company_name, 'Retry Co');
  });

  it('a 401 stops the run: the rest is not sent', async () => {
    sandbox.injectFault({ kind: 'status', status: 401, body: { error: true, message: 'Unauthenticated.' }, match: { method: 'PUT' }, times: Infinity });
    const jobs = updateJobs(store.all().slice(0, 12), [{ kind: 'set', field: 'company_name', value: 'X' }]);
    const { results, fatal } = await runBulkJobs(client, jobs, store, { concurrency: 3 });
    assert.equal((fatal as Error).name, 'AuthError');
    assert.ok(results.filter((r) => r.status === 'failed').length <= 3);
    assert.ok(sandbox.requests.length <= 3, `sent ${sandbox.requests.length}`);
  });

  it('undo puts back the previous values, except where someone changed the guest since', async () => {
    const guests = store.all().slice(0, 4);
    const before = guests.map((g) => sandbox.guest(g.email)?.company_name);
    const run = await runBulkJobs(client, updateJobs(guests, [{ kind: 'set', field: 'company_name', value: 'Temp Co' }]), store, { concurrency: 2 });
    sandbox.mutateGuest(guests[3].email, { company_name: 'Someone Else' });
    store.upsert(await client.getGuest(guests[3].email));
    // Changed in Tallyfy, but the loaded list does not know yet: the fresh read before the write sees it.
    sandbox.mutateGuest(guests[2].email, { company_name: 'Unseen Change' });
    const undo = planUndo(run.results, (e) => store.get(e));
    assert.equal(undo.jobs.length, 3);
    assert.match(undo.skipped[0].reason, /Changed again since/);
    const { results } = await runBulkJobs(client, undo.jobs, store, { concurrency: 2 });
    assert.deepEqual(results.map((r) => r.status), ['changed', 'changed', 'skipped']);
    assert.match(results[2].reason ?? '', /Left as changed since the bulk update: company_name/);
    assert.equal(sandbox.guest(guests[2].email)?.company_name, 'Unseen Change');
    before[2] = 'Unseen Change';
    assert.deepEqual(guests.slice(0, 3).map((g) => sandbox.guest(g.email)?.company_name ?? null), before.slice(0, 3).map((v) => v ?? null));
    assert.equal(sandbox.guest(guests[3].email)?.company_name, 'Someone Else');
  });

  it('creates guests from create jobs and upserts them', async () => {
    const sink: GuestSink = store;
    const { results } = await runBulkJobs(client, [{ kind: 'create', input: { email: 'new.one@client.test', first_name: 'New' } }], sink, { concurrency: 1 });
    assert.equal(results[0].status, 'created');
    assert.equal(sandbox.guest('new.one@client.test')?.first_name, 'New');
    assert.equal(store.get('new.one@client.test')?.first_name, 'New');
  });
});
