import { strict as assert } from 'assert';
import { startSandbox, type Sandbox } from '../../sandbox';
import { api, guestsPath } from './helpers';

describe('sandbox: guest list', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox(); // 50 generated + 6 fixed guests
  });
  afterEach(() => sandbox.reset());
  after(() => sandbox.close());

  it('pages with a full meta.pagination envelope and absolute links', async () => {
    const page2 = await api(sandbox, 'GET', guestsPath(sandbox, '?per_page=20&page=2&sort=email'));
    assert.equal(page2.status, 200);
    assert.equal(page2.json.data.length, 20);
    const { links, ...counts } = page2.json.meta.pagination;
    assert.deepEqual(counts, { total: 56, count: 20, per_page: 20, current_page: 2, total_pages: 3 });
    const base = `${sandbox.baseUrl}${guestsPath(sandbox)}`;
    assert.deepEqual(links, { previous: `${base}?per_page=20&page=1&sort=email`, next: `${base}?per_page=20&page=3&sort=email` });

    const page3 = await api(sandbox, 'GET', guestsPath(sandbox, '?per_page=20&page=3'));
    assert.equal(page3.json.meta.pagination.count, 16);
    assert.deepEqual(Object.keys(page3.json.meta.pagination.links), ['previous']);
  });

  it('defaults per_page to 999 and silently clamps it to maxPerPage', async () => {
    const defaulted = await api(sandbox, 'GET', guestsPath(sandbox));
    assert.equal(defaulted.json.meta.pagination.per_page, 100);
    assert.equal(defaulted.json.data.length, 56);
    const small = await startSandbox({ guests: 30, maxPerPage: 10 });
    try {
      const res = await api(small, 'GET', guestsPath(small, '?per_page=500'));
      assert.equal(res.json.meta.pagination.per_page, 10);
      assert.equal(res.json.meta.pagination.total_pages, 4);
      assert.equal(res.json.data.length, 10);
    } finally {
      await small.close();
    }
  });

  it('emits links as {} or [] or not at all, per linksStyle', async () => {
    const single = guestsPath(sandbox, '?per_page=100');
    assert.deepEqual((await api(sandbox, 'GET', single)).json.meta.pagination.links, {});
    sandbox.configure({ linksStyle: 'empty-array' });
    assert.deepEqual((await api(sandbox, 'GET', single)).json.meta.pagination.links, []);
    assert.ok((await api(sandbox, 'GET', guestsPath(sandbox, '?per_page=10'))).json.meta.pagination.links.next);
    sandbox.configure({ linksStyle: 'missing' });
    assert.equal('links' in (await api(sandbox, 'GET', guestsPath(sandbox, '?per_page=10'))).json.meta.pagination, false);
  });

  it('returns everything without meta when without_pagination=true', async () => {
    const res = await api(sandbox, 'GET', guestsPath(sandbox, '?without_pagination=true'));
    assert.equal(res.json.data.length, 56);
    assert.equal(res.json.meta, undefined);
  });

  it('filters q on the email only, case-insensitively', async () => {
    const byDomain = await api(sandbox, 'GET', guestsPath(sandbox, '?q=CLIENT.TEST'));
    assert.deepEqual(
      byDomain.json.data.map((g: { email: string }) => g.email).sort(),
      ['Mixed.Case@Client.test', 'ana+ops@client.test', 'html.name@client.test', 'markdown.name@client.test', 'no.name@client.test', 'zoe.muller@client.test'],
    );
    const byName = await api(sandbox, 'GET', guestsPath(sandbox, '?q=Zo%C3%AB'));
    assert.equal(byName.json.data.length, 0, 'names are not searched');
  });

  it('sorts by sort or sort_by, with - for descending', async () => {
    const created = sandbox.guests().map((g) => g.created_at).sort();
    const desc = await api(sandbox, 'GET', guestsPath(sandbox, '?sort=-created_at&without_pagination=true'));
    assert.deepEqual(desc.json.data.map((g: { details: { created_at: string } }) => g.details.created_at), [...created].reverse());
    const byEmail = await api(sandbox, 'GET', guestsPath(sandbox, '?sort_by=email&without_pagination=true'));
    const emails = byEmail.json.data.map((g: { email: string }) => g.email.toLowerCase());
    assert.deepEqual(emails, [...emails].sort());
  });

  it('adds stats only with with=stats', async () => {
    const plain = await api(sandbox, 'GET', guestsPath(sandbox, '?per_page=1'));
    assert.equal(plain.json.data[0].stats, undefined);
    const withStats = await api(sandbox, 'GET', guestsPath(sandbox, '?per_page=1&with=stats'));
    assert.deepEqual(Object.keys(withStats.json.data[0].stats).sort(), [
      'assigned_tasks', 'last_one_off_task_completed_at', 'last_task_completed_at', 'one_off_tasks_completed', 'tasks_completed',
    ]);
  });
});
