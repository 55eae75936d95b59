// listGuests/listGroups pagination over a loopback stub, including every links shape and lying meta.
import { strict as assert } from 'assert';
import { MAX_PAGES, paginate } from '../../../src/api/pagination';
import { collect, makeClient } from './helpers';
import { useStubServer } from './stubServer';

const guests = (page: number, count: number): unknown[] =>
  Array.from({ length: count }, (_, i) => ({ id: page * 1000 + i, email: `g${page}.${i}@client.test`, details: {} }));

function pageOf(rawPath: string): number {
  return Number(new URL(rawPath, 'http://x').searchParams.get('page'));
}

describe('pagination', () => {
  const server = useStubServer();
  const pagesRequested = (): number[] => server.stub.requests.map((r) => pageOf(r.rawPath));

  it('sends per_page (default 100), page, q, sort and with=stats', async () => {
    const { client } = makeClient(server.stub.baseUrl);
    server.handler = () => ({ status: 200, body: { data: [] } });
    await collect(client.listGuests());
    await collect(client.listGuests({ q: 'ana+ops@client.test', sort: '-updated_at', perPage: 25, withStats: true }));
    assert.deepEqual(server.stub.requests.map((r) => r.rawPath), [
      '/api/organizations/org_test/guests?per_page=100&page=1',
      '/api/organizations/org_test/guests?per_page=25&page=1&q=ana%2Bops%40client.test&sort=-updated_at&with=stats',
    ]);
  });

  const linkShapes: Array<[string, (page: number, last: boolean) => unknown]> = [
    ['object with next', (page, last) => (last ? { previous: `p${page - 1}` } : { next: `http://x/?page=${page + 1}` })],
    ['{} on the last page', (page, last) => (last ? {} : { next: `http://x/?page=${page + 1}` })],
    ['[] on the last page', (page, last) => (last ? [] : { next: `http://x/?page=${page + 1}` })],
    ['missing on the last page', (page, last) => (last ? undefined : { next: `http://x/?page=${page + 1}` })],
    ['next: null on the last page', (page, last) => (last ? { next: null } : { next: `http://x/?page=${page + 1}` })],
    ['next: "" on the last page', (page, last) => (last ? { next: '' } : { next: `http://x/?page=${page + 1}` })],
  ];
  for (const [name, links] of linkShapes) {
    it(`without total_pages, follows links.next until it is absent: ${name}`, async () => {
      const { client } = makeClient(server.stub.baseUrl);
      server.handler = (request) => {
        const page = pageOf(request.rawPath);
        const last = page === 3;
        return { status: 200, body: { data: guests(page, 2), meta: { pagination: { current_page: page, per_page: 2, links: links(page, last) } } } };
      };
      const pages = await collect(client.listGuests({ perPage: 2 }));
      assert.deepEqual(pages.map((p) => p.page), [1, 2, 3]);
      assert.deepEqual(pagesRequested(), [1, 2, 3]);
      assert.equal(pages[2].totalPages, null);
    });
  }

  it('with total_pages, stops at current_page >= total_pages even if links.next says otherwise', async () => {
    const { client } = makeClient(server.stub.baseUrl);
    server.handler = (request) => {
      const page = pageOf(request.rawPath);
      return { status: 200, body: { data: guests(page, 100), meta: { pagination: { total: 250, current_page: page, total_pages: 3, links: { next: 'http://x/next' } } } } };
    };
    const pages = await collect(client.listGuests());
    assert.deepEqual(pages.map((p) => [p.page, p.totalPages, p.total]), [[1, 3, 250], [2, 3, 250], [3, 3, 250]]);
  });

  it('without meta, stops after a short page', async () => {
    const { client } = makeClient(server.stub.baseUrl);
    server.handler = (request) => ({ status: 200, body: { data: guests(pageOf(request.rawPath), pageOf(request.rawPath) < 3 ? 10 : 4) } });
    const pages = await collect(client.listGuests({ perPage: 10 }));
    assert.deepEqual(pages.map((p) => p.guests.length), [10, 10, 4]);
    assert.deepEqual(pages.map((p) => p.page), [1, 2, 3]);
  });

  it('lying meta: a current_page stuck at 1 neither repeats pages nor runs past total_pages', async () => {
    const { client } = makeClient(server.stub.baseUrl);
    server.handler = (request) => ({ status: 200, body: { data: guests(pageOf(request.rawPath), 5), meta: { pagination: { current_page: 1, total_pages: 4 } } } });
    await collect(client.listGuests({ perPage: 5 }));
    assert.deepEqual(pagesRequested(), [1, 2, 3, 4]);
  });

  it('lying meta: huge total_pages with empty data stops at the first empty page', async () => {
    const { client } = makeClient(server.stub.baseUrl);
    server.handler = (request) => {
      const page = pageOf(request.rawPath);
      return { status: 200, body: { data: page === 1 ? guests(1, 3) : [], meta: { pagination: { current_page: page, total_pages: 1_000_000, links: { next: 'x' } } } } };
    };
    const pages = await collect(client.listGuests());
    assert.deepEqual(pages.map((p) => p.guests.length), [3, 0]);
  });

  it('lying meta: current_page and links repeating forever still ends at the page cap', async () => {
    const requested: number[] = [];
    const pages = await collect(
      paginate(async (page) => {
        requested.push(page);
        return { data: [{ email: 'same@x.test' }], meta: { pagination: { current_page: 1, links: { next: 'again' } } } };
      }, 100),
    );
    assert.equal(MAX_PAGES, 10_000);
    assert.equal(pages.length, MAX_PAGES);
    assert.equal(new Set(requested).size, MAX_PAGES);
  });

  it('odd meta shapes (strings, arrays, null) still terminate', async () => {
    for (const meta of [null, [], 'x', { pagination: null }, { pagination: [] }, { pagination: { total_pages: 'many' } }]) {
      const pages = await collect(paginate(async (page) => ({ data: page < 3 ? [1, 2] : [], meta }), 2, 100));
      assert.ok(pages.length <= 3, JSON.stringify(meta));
    }
  });

  it('yields pages as they arrive', async () => {
    const { client } = makeClient(server.stub.baseUrl);
    server.handler = (request) => {
      const page = pageOf(request.rawPath);
      return { status: 200, body: { data: guests(page, 1), meta: { pagination: { current_page: page, total_pages: 3 } } } };
    };
    const seenBefore: number[] = [];
    for await (const page of client.listGuests({ perPage: 1 })) {
      seenBefore.push(server.stub.requests.length);
      assert.equal(page.guests[0].email, `g${page.page}.0@client.test`);
    }
    assert.deepEqual(seenBefore, [1, 2, 3]);
  });

  it('listGroups collects every page with per_page=100', async () => {
    const { client } = makeClient(server.stub.baseUrl);
    server.handler = (request) => {
      const page = pageOf(request.rawPath);
      const data = Array.from({ length: page === 1 ? 100 : 20 }, (_, i) => ({ id: `${page}-${i}`, name: `G${i}`, members: [1], guests: [] }));
      return { status: 200, body: { data, meta: { pagination: { current_page: page, total_pages: 2 } } } };
    };
    const groups = await client.listGroups();
    assert.equal(groups.length, 120);
    assert.deepEqual(server.stub.requests.map((r) => r.rawPath), [
      '/api/organizations/org_test/groups?per_page=100&page=1',
      '/api/organizations/org_test/groups?per_page=100&page=2',
    ]);
  });
});
