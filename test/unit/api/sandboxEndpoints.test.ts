// Every endpoint of TallyfyClient against the sandbox (real HTTP on loopback, node-fetch v2).
import { strict as assert } from 'assert';
import { startSandbox, type Sandbox } from '../../sandbox';
import { TallyfyClient } from '../../../src/api/client';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../src/api/errors';
import { caught, collect, nodeFetch } from './helpers';

function clientFor(sandbox: Sandbox): TallyfyClient {
  return new TallyfyClient({
    baseUrl: sandbox.baseUrl,
    orgId: sandbox.orgId,
    getToken: async () => sandbox.token,
    fetch: nodeFetch,
    sleep: async () => undefined,
  });
}

describe('TallyfyClient against the sandbox', () => {
  let sandbox: Sandbox;
  let client: TallyfyClient;
  before(async () => {
    sandbox = await startSandbox({ port: 0, guests: 244 }); // + 6 fixed awkward guests = 250
    client = clientFor(sandbox);
  });
  after(() => sandbox.close());
  beforeEach(() => sandbox.reset());

  it('getMe and listOrganizations', async () => {
    const me = await client.getMe();
    assert.ok(Number.isInteger(me.id));
    assert.match(me.email, /@/);
    const orgs = await client.listOrganizations();
    assert.ok(orgs.some((o) => o.id === sandbox.orgId));
    assert.deepEqual(sandbox.requests.map((r) => r.rawPath), ['/api/me', '/api/me/organizations']);
  });

  it('lists 250 guests in 3 pages of 100, 100 and 50, every guest once', async () => {
    assert.equal(sandbox.guests().length, 250);
    const pages = await collect(client.listGuests());
    assert.deepEqual(pages.map((p) => [p.page, p.guests.length, p.totalPages, p.total]), [[1, 100, 3, 250], [2, 100, 3, 250], [3, 50, 3, 250]]);
    const emails = new Set(pages.flatMap((p) => p.guests.map((g) => g.email.toLowerCase())));
    assert.equal(emails.size, 250);
    assert.deepEqual(sandbox.requests.map((r) => r.query.page), ['1', '2', '3']);
  });

  for (const linksStyle of ['empty-array', 'missing'] as const) {
    it(`lists every guest when the sandbox sends links as ${linksStyle}`, async () => {
      sandbox.configure({ linksStyle });
      const pages = await collect(client.listGuests({ perPage: 100 }));
      assert.equal(pages.reduce((n, p) => n + p.guests.length, 0), 250);
      assert.equal(sandbox.requests.length, 3);
    });
  }

  it('passes q, sort and with=stats through', async () => {
    const [page] = await collect(client.listGuests({ q: 'ana+ops', sort: '-created_at', withStats: true }));
    assert.deepEqual(page.guests.map((g) => g.email), ['ana+ops@client.test']);
    assert.equal(typeof page.guests[0].stats?.assigned_tasks, 'number');
  });

  it('keeps awkward emails inside one encoded path segment', async () => {
    const emails = ['ana+ops@client.test', "100%pure/o'k?x#y@client.test", '..@client.test', 'zoë.müller@exämple.test', 'Mixed.Case@Client.test'];
    for (const email of emails.slice(1, 4)) sandbox.addGuest({ email });
    sandbox.clearRequests();
    for (const email of emails) {
      const guest = await client.getGuest(email);
      assert.equal(guest.email, email);
    }
    // node-fetch v2 (Node's legacy URL parser) additionally escapes the ' that encodeURIComponent leaves.
    assert.deepEqual(
      sandbox.requests.map((r) => r.rawPath),
      emails.map((e) => `/api/organizations/${sandbox.orgId}/guests/${encodeURIComponent(e).replace(/'/g, '%27')}`),
    );
    assert.ok(sandbox.requests[0].rawPath.endsWith('/guests/ana%2Bops%40client.test'));
    assert.ok(sandbox.requests[1].rawPath.endsWith('/guests/100%25pure%2Fo%27k%3Fx%23y%40client.test'));
    assert.ok(sandbox.requests.every((r) => !r.rawPath.includes('?') && r.rawPath.split('/').length === 6));
  });

  it('getGuest with stats; an unknown guest is NotFoundError', async () => {
    const guest = await client.getGuest('ana+ops@client.test', { withStats: true });
    assert.equal(guest.first_name, 'Ana');
    assert.ok(guest.stats && typeof guest.stats.tasks_completed === 'number');
    assert.equal(sandbox.requests[0].query.with, 'stats');
    const error = await caught(() => client.getGuest('nobody@client.test'));
    assert.ok(error instanceof NotFoundError);
    assert.match(error.userMessage, /nobody@client\.test/);
  });

  it('updateGuest in seed mode: sends exactly the changes, reads the 2025 shape (200)', async () => {
    const guest = await client.updateGuest('ana+ops@client.test', { first_name: 'Anna', company_name: null });
    const put = sandbox.requests[0];
    assert.equal(put.method, 'PUT');
    assert.equal(put.status, 200);
    assert.deepEqual(put.body, { first_name: 'Anna', company_name: null });
    assert.equal(guest.first_name, 'Anna');
    assert.equal(guest.company_name, null);
    assert.ok(guest.updated_at);
    assert.match(guest.id, /^guest_code_/);
  });

  it('updateGuest in docs2026 mode: names ignored, members replaced, 201 with the 2026 shape', async () => {
    sandbox.setPutMode('docs2026');
    const guest = await client.updateGuest('ana+ops@client.test', { first_name: 'Anna', associated_members: [2, 1] });
    assert.equal(sandbox.requests[0].status, 201);
    assert.equal(guest.first_name, 'Ana');
    assert.deepEqual([...(guest.associated_members ?? [])].sort(), [1, 2]);
    assert.match(guest.id, /^\d+$/);
    assert.equal(guest.updated_at, null);
    const cleared = await client.updateGuest('ana+ops@client.test', { associated_members: [] });
    assert.deepEqual(cleared.associated_members, []);
  });

  it('updateGuest errors: invalid field → ValidationError, unknown email (404 or 422) → NotFoundError', async () => {
    const invalid = await caught(() => client.updateGuest('ana+ops@client.test', { phone_1: '1'.repeat(40) }));
    assert.ok(invalid instanceof ValidationError);
    assert.ok(Object.keys(invalid.fieldErrors).includes('phone_1'));
    assert.ok((await caught(() => client.updateGuest('nobody@client.test', { first_name: 'x' }))) instanceof NotFoundError);
    sandbox.configure({ unknownEmailOnPut: 422 });
    assert.ok((await caught(() => client.updateGuest('nobody@client.test', { first_name: 'x' }))) instanceof NotFoundError);
  });

  it('createGuest (201) and a duplicate (422 on email stays a ValidationError)', async () => {
    const created = await client.createGuest({ email: 'new.person@newco.test', first_name: 'New', last_name: 'Person' });
    assert.equal(created.email, 'new.person@newco.test');
    assert.equal(sandbox.requests[0].status, 201);
    assert.deepEqual(sandbox.requests[0].body, { email: 'new.person@newco.test', first_name: 'New', last_name: 'Person' });
    assert.ok(sandbox.guest('new.person@newco.test'));
    const duplicate = await caught(() => client.createGuest({ email: 'ana+ops@client.test' }));
    assert.ok(duplicate instanceof ValidationError);
    assert.deepEqual(duplicate.fieldErrors, { email: ['The email has already been taken.'] });
  });

  it('deleteGuest (200); deleting an unknown email (422 "invalid") → NotFoundError', async () => {
    await client.deleteGuest('ana+ops@client.test');
    assert.equal(sandbox.guest('ana+ops@client.test'), undefined);
    assert.equal(sandbox.requests[0].method, 'DELETE');
    assert.ok((await caught(() => client.deleteGuest('ana+ops@client.test'))) instanceof NotFoundError);
    assert.equal(sandbox.requests[1].status, 422);
  });

  it('enable, disable (403 with open tasks → ForbiddenError) and convert to member', async () => {
    const email = 'ana+ops@client.test';
    sandbox.mutateGuest(email, { stats: { assigned_tasks: 2, tasks_completed: 2, last_task_completed_at: null, one_off_tasks_completed: 0, last_one_off_task_completed_at: null } });
    const disabled = await client.disableGuest(email);
    assert.equal(disabled?.status, 'disabled');
    const enabled = await client.enableGuest(email);
    assert.equal(enabled?.status, 'active');
    sandbox.mutateGuest(email, { stats: { assigned_tasks: 5, tasks_completed: 1, last_task_completed_at: null, one_off_tasks_completed: 0, last_one_off_task_completed_at: null } });
    const refused = await caught(() => client.disableGuest(email));
    assert.ok(refused instanceof ForbiddenError);
    assert.ok(refused.userMessage.includes('Cannot disable guest with incomplete tasks'));
    await client.convertGuestToMember(email);
    assert.equal(sandbox.guest(email), undefined);
    assert.deepEqual(
      sandbox.requests.map((r) => `${r.method} ${r.rawPath.replace(`/api/organizations/${sandbox.orgId}/guests/ana%2Bops%40client.test`, '…')}`),
      ['DELETE …/disable', 'PUT …/enable', 'DELETE …/disable', 'POST …/to/member'],
    );
  });

  it('groups: list, get, update with exactly the given changes', async () => {
    const groups = await client.listGroups();
    assert.equal(groups.length, sandbox.groups().length);
    const first = await client.getGroup(groups[0].id);
    assert.deepEqual(first, groups[0]);
    const updated = await client.updateGroup(first.id, { description: first.description ?? 'x', members: [1, 2], guests: ['ana+ops@client.test'] });
    const put = sandbox.requests[sandbox.requests.length - 1];
    assert.equal(put.method, 'PUT');
    assert.deepEqual(put.body, { description: first.description ?? 'x', members: [1, 2], guests: ['ana+ops@client.test'] });
    assert.deepEqual(updated.members, [1, 2]);
    assert.deepEqual(updated.guests.map((e) => e.toLowerCase()), ['ana+ops@client.test']);
    const unknownGuest = await caught(() => client.updateGroup(first.id, { description: 'x', guests: ['nobody@client.test'] }));
    assert.ok(unknownGuest instanceof ValidationError);
    assert.ok((await caught(() => client.getGroup('no-such-group'))) instanceof NotFoundError);
  });
});
