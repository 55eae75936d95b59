import { strict as assert } from 'assert';
import { startSandbox, type Sandbox } from '../../sandbox';
import { api, groupsPath } from './helpers';

describe('sandbox: groups', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ guests: 10, groups: 12 });
  });
  afterEach(() => sandbox.reset());
  after(() => sandbox.close());

  it('lists 10 per page by default with meta', async () => {
    const res = await api(sandbox, 'GET', groupsPath(sandbox));
    assert.equal(res.json.data.length, 10);
    assert.deepEqual(
      [res.json.meta.pagination.total, res.json.meta.pagination.per_page, res.json.meta.pagination.total_pages],
      [12, 10, 2],
    );
    assert.deepEqual(Object.keys(res.json.data[0]).sort(), ['created_at', 'description', 'guests', 'id', 'last_updated', 'logo', 'members', 'name']);
  });

  it('creates (201), requiring a unique name and a description', async () => {
    const body = { name: 'Reviewers', description: 'People who review', members: [1, 2], guests: ['ANA+OPS@client.test'] };
    const created = await api(sandbox, 'POST', groupsPath(sandbox), body);
    assert.equal(created.status, 201);
    assert.deepEqual(created.json.data.guests, ['ana+ops@client.test']);
    const again = await api(sandbox, 'POST', groupsPath(sandbox), { ...body, name: 'reviewers' });
    assert.deepEqual(again.json.errors, { name: ['The name has already been taken.'] });
    const bare = await api(sandbox, 'POST', groupsPath(sandbox), { name: 'No description' });
    assert.deepEqual([bare.status, bare.json.errors], [422, { description: ['The description field is required.'] }]);
  });

  it('updates by replacing members and guests (201, new last_updated) and rejects unknown guests', async () => {
    const group = sandbox.groups()[0];
    const path = groupsPath(sandbox, `/${group.id}`);
    const res = await api(sandbox, 'PUT', path, { description: 'Changed', members: [5], guests: [] });
    assert.equal(res.status, 201);
    assert.deepEqual([res.json.data.members, res.json.data.guests], [[5], []]);
    assert.ok(res.json.data.last_updated > group.last_updated);
    const unknown = await api(sandbox, 'PUT', path, { description: 'Changed', guests: ['nobody@client.test'] });
    assert.deepEqual([unknown.status, Object.keys(unknown.json.errors)], [422, ['guests']]);
  });

  it('deletes with 204, then the group is 404', async () => {
    const path = groupsPath(sandbox, `/${sandbox.groups()[1].id}`);
    const res = await api(sandbox, 'DELETE', path);
    assert.deepEqual([res.status, res.text], [204, '']);
    assert.equal((await api(sandbox, 'GET', path)).json.code, 'RESOURCE_NOT_FOUND');
  });
});
