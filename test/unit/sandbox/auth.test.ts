import { strict as assert } from 'assert';
import { startSandbox, type Sandbox } from '../../sandbox';
import { api, authHeaders, guestsPath } from './helpers';

describe('sandbox: authentication and routing', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ guests: 5 });
  });
  after(() => sandbox.close());

  const unauthenticated = { error: true, message: 'Unauthenticated.' };

  it('answers 401 without a token, with a wrong token, or without X-Tallyfy-Client', async () => {
    const { Authorization: _a, ...noToken } = authHeaders(sandbox);
    const { 'X-Tallyfy-Client': _c, ...noClient } = authHeaders(sandbox);
    const wrongToken = { ...authHeaders(sandbox), Authorization: 'Bearer not-the-token' };
    const emptyClient = { ...authHeaders(sandbox), 'X-Tallyfy-Client': ' ' };
    for (const headers of [noToken, noClient, wrongToken, emptyClient]) {
      const res = await api(sandbox, 'GET', guestsPath(sandbox), undefined, headers);
      assert.equal(res.status, 401);
      assert.deepEqual(res.json, unauthenticated);
    }
    const ok = await api(sandbox, 'GET', guestsPath(sandbox));
    assert.equal(ok.status, 200);
  });

  it('answers 403 for another organization and 404 for unknown routes', async () => {
    const other = await api(sandbox, 'GET', '/organizations/org_other_no_access/guests');
    assert.equal(other.status, 403);
    assert.deepEqual(other.json, { error: true, message: 'You do not have access to this organization.' });
    for (const path of ['/nope', `/organizations/${sandbox.orgId}/widgets`, guestsPath(sandbox, '/a@b.test/explode')]) {
      const res = await api(sandbox, 'GET', path);
      assert.equal(res.status, 404, path);
      assert.deepEqual(res.json, { error: true, message: 'API endpoint not found', code: 'ENDPOINT_NOT_FOUND' });
    }
  });

  it('serves /me and /me/organizations', async () => {
    const me = await api(sandbox, 'GET', '/me');
    assert.equal(me.status, 200);
    assert.deepEqual(Object.keys(me.json.data).sort(), ['email', 'first_name', 'id', 'last_name', 'timezone', 'username']);
    assert.equal(typeof me.json.data.id, 'number');
    const orgs = await api(sandbox, 'GET', '/me/organizations');
    assert.deepEqual(orgs.json.data.map((o: { id: string }) => o.id), [sandbox.orgId, 'org_other_no_access']);
  });

  it('answers 400 to a malformed JSON body', async () => {
    const res = await api(sandbox, 'POST', guestsPath(sandbox), '{"email": ');
    assert.equal(res.status, 400);
    assert.deepEqual(res.json, { error: true, message: 'Malformed JSON.' });
  });
});
