import { strict as assert } from 'assert';
import { startSandbox, type Sandbox } from '../../sandbox';
import { api, guestsPath } from './helpers';

const invalid = (errors: Record<string, string[]>): unknown => ({ error: true, message: 'The given data was invalid.', errors });

describe('sandbox: guest endpoints', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ guests: 10 });
  });
  afterEach(() => sandbox.reset());
  after(() => sandbox.close());

  it('finds a guest by %40-encoded or raw email, case-insensitively, with + literal', async () => {
    for (const segment of ['ana%2Bops%40client.test', 'ana+ops@client.test', 'ANA%2BOPS@Client.Test']) {
      const res = await api(sandbox, 'GET', guestsPath(sandbox, `/${segment}`));
      assert.equal(res.status, 200, segment);
      assert.equal(res.json.data.email, 'ana+ops@client.test');
    }
    const asSpace = await api(sandbox, 'GET', guestsPath(sandbox, '/ana%20ops%40client.test'));
    assert.equal(asSpace.status, 404);
    assert.deepEqual(asSpace.json, { error: true, message: 'Resource not found', code: 'RESOURCE_NOT_FOUND' });
    assert.equal(sandbox.requests.at(-1)?.rawPath, `/api${guestsPath(sandbox)}/ana%20ops%40client.test`);
  });

  it('decodes the email segment once, so %2F stays inside the email', async () => {
    sandbox.addGuest({ email: 'a/b%c@client.test', first_name: 'Slash' });
    const res = await api(sandbox, 'GET', guestsPath(sandbox, '/a%2Fb%25c%40client.test'));
    assert.equal(res.status, 200);
    assert.equal(res.json.data.details.first_name, 'Slash');
    assert.equal((await api(sandbox, 'GET', guestsPath(sandbox, '/a/b%25c@client.test'))).status, 404);
  });

  it("PUT in 'seed' mode applies the fields, clears null/\"\" and answers 200 in the 2025 shape", async () => {
    const before = sandbox.guest('ana+ops@client.test')!;
    const res = await api(sandbox, 'PUT', guestsPath(sandbox, '/ana%2Bops%40client.test'), {
      first_name: 'Anna', company_name: null, phone_1: '', timezone: 'America/Chicago', associated_members: [2, 3], image_url: 'https://x.test/i.png',
    });
    assert.equal(res.status, 200);
    const { id, email, details } = res.json.data;
    assert.match(id, /^guest_code_/);
    assert.equal(email, 'ana+ops@client.test');
    assert.equal(res.json.data.first_name, undefined, 'names live in details in the 2025 shape');
    assert.deepEqual(
      [details.first_name, details.last_name, details.company_name, details.phone_1, details.timezone, details.associated_members, details.image_url],
      ['Anna', 'Ops', null, null, 'America/Chicago', [2, 3], null],
    );
    assert.match(details.updated_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.ok(details.updated_at > before.updated_at);
  });

  it("PUT in 'docs2026' mode applies only associated_members and answers 201 in the 2026 shape", async () => {
    sandbox.setPutMode('docs2026');
    const path = guestsPath(sandbox, '/ana%2Bops%40client.test');
    const res = await api(sandbox, 'PUT', path, { first_name: 'Ignored', company_name: 'Ignored', associated_members: [4, 1] });
    assert.equal(res.status, 201);
    const guest = res.json.data;
    assert.equal(typeof guest.id, 'number');
    assert.deepEqual([guest.first_name, guest.last_name, guest.details.company_name], ['Ana', 'Ops', 'Client Ops Ltd']);
    assert.deepEqual(guest.details.associated_members, [4, 1]);
    assert.match(guest.created_at, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    assert.equal(res.text.includes('updated_at'), false);
    const cleared = await api(sandbox, 'PUT', path, { associated_members: [] });
    assert.deepEqual(cleared.json.data.details.associated_members, []);
  });

  it('PUT rejects non-member associated_members and bad fields with a 422 body; unknown email is 404 or 422', async () => {
    const path = guestsPath(sandbox, '/ana%2Bops%40client.test');
    const bad = await api(sandbox, 'PUT', path, { associated_members: [1, 999], phone_1: '1'.repeat(21) });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.json, invalid({
      phone_1: ['The phone 1 must not be greater than 20 characters.'],
      associated_members: ['The selected associated members is invalid.'],
    }));
    assert.equal((await api(sandbox, 'PUT', path, { associated_members: ['1'] })).status, 422);
    const unknown = guestsPath(sandbox, '/nobody%40client.test');
    assert.equal((await api(sandbox, 'PUT', unknown, { first_name: 'X' })).status, 404);
    sandbox.configure({ unknownEmailOnPut: 422 });
    assert.deepEqual((await api(sandbox, 'PUT', unknown, { first_name: 'X' })).json, invalid({ email: ['The selected email is invalid.'] }));
  });

  it('creates with 201, drops undeclared keys, and validates per the doc table', async () => {
    const created = await api(sandbox, 'POST', guestsPath(sandbox), { email: 'new.person@client.test', first_name: 'New', phone: '123' });
    assert.equal(created.status, 201);
    assert.equal(created.json.data.details.first_name, 'New');
    assert.equal(created.text.includes('"phone"'), false);
    assert.equal(sandbox.guest('NEW.PERSON@client.test')?.first_name, 'New');

    const bad = await api(sandbox, 'POST', guestsPath(sandbox), {
      email: 'someone@example.com', last_name: 'x'.repeat(201), timezone: 'Mars/Olympus', company_url: 'not a url', external_sync_source: 'hubspot',
    });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.json, invalid({
      email: ['The email must be a valid email address.'],
      last_name: ['The last name must not be greater than 200 characters.'],
      company_url: ['The company url must be a valid URL.'],
      timezone: ['The timezone must be a valid timezone.'],
      external_sync_source: ['The selected external sync source is invalid.'],
    }));
    assert.deepEqual((await api(sandbox, 'POST', guestsPath(sandbox), {})).json, invalid({ email: ['The email field is required.'] }));
  });

  it('refuses an existing guest (any case) or an org member as a new guest', async () => {
    const dup = await api(sandbox, 'POST', guestsPath(sandbox), { email: 'mixed.case@client.test' });
    assert.deepEqual(dup.json, invalid({ email: ['The email has already been taken.'] }));
    const me = (await api(sandbox, 'GET', '/me')).json.data;
    const member = await api(sandbox, 'POST', guestsPath(sandbox), { email: me.email });
    assert.equal(member.status, 422);
    assert.deepEqual(Object.keys(member.json.errors), ['email']);
  });

  it('caps successful creates per hour with 429 RATE_LIMIT_EXCEEDED and Retry-After', async () => {
    sandbox.configure({ inviteCapPerHour: 2 });
    assert.equal((await api(sandbox, 'POST', guestsPath(sandbox), { email: 'bad' })).status, 422);
    for (const n of [1, 2]) assert.equal((await api(sandbox, 'POST', guestsPath(sandbox), { email: `cap.${n}@client.test` })).status, 201);
    const refused = await api(sandbox, 'POST', guestsPath(sandbox), { email: 'cap.3@client.test' });
    assert.equal(refused.status, 429);
    assert.equal(refused.json.code, 'RATE_LIMIT_EXCEEDED');
    const retryAfter = Number(refused.headers.get('retry-after'));
    assert.ok(retryAfter > 3500 && retryAfter <= 3600, String(retryAfter));
    assert.equal(sandbox.guest('cap.3@client.test'), undefined);
  });

  it('deletes with 200 and the guest; an unknown email is 422', async () => {
    const res = await api(sandbox, 'DELETE', guestsPath(sandbox, '/no.name%40client.test'));
    assert.equal(res.status, 200);
    assert.equal(res.json.data.email, 'no.name@client.test');
    assert.equal(sandbox.guest('no.name@client.test'), undefined);
    const again = await api(sandbox, 'DELETE', guestsPath(sandbox, '/no.name%40client.test'));
    assert.deepEqual([again.status, again.json], [422, invalid({ email: ['The selected email is invalid.'] })]);
  });

  it('disables (403 with incomplete tasks), enables and converts to member', async () => {
    const email = 'zoe.muller@client.test';
    const path = guestsPath(sandbox, `/${encodeURIComponent(email)}`);
    sandbox.mutateGuest(email, { stats: { ...sandbox.guest(email)!.stats, assigned_tasks: 3, tasks_completed: 1 } });
    const refused = await api(sandbox, 'DELETE', `${path}/disable`);
    assert.deepEqual([refused.status, refused.json], [403, { error: true, message: 'Cannot disable guest with incomplete tasks' }]);
    sandbox.mutateGuest(email, { stats: { ...sandbox.guest(email)!.stats, tasks_completed: 3 } });
    assert.equal((await api(sandbox, 'DELETE', `${path}/disable`)).json.data.details.status, 'disabled');
    assert.equal((await api(sandbox, 'PUT', `${path}/enable`)).json.data.details.status, 'active');
    assert.equal((await api(sandbox, 'POST', `${path}/to/member`)).status, 200);
    assert.equal(sandbox.guest(email), undefined);
    assert.equal((await api(sandbox, 'POST', guestsPath(sandbox), { email })).status, 422, 'now a member');
  });
});
