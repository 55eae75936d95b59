// Property: the pagination follower terminates on ANY `meta` shape (numbers, digit strings, junk,
// lying or contradictory pages, links as {}, [], strings or anything else), never asks for a page
// twice, and stops as soon as a page says it is the last. And the client's listGuests, fed any JSON
// at all, ends with pages or a typed error: never a hang, never a raw exception.
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { TallyfyError } from '../../../src/api/errors';
import { paginate } from '../../../src/api/pagination';
import type { FetchLike, FetchResponse } from '../../../src/api/tallyfyApi';
import { collect, makeClient } from '../api/helpers';

const number = fc.oneof(fc.integer({ min: -2, max: 40 }), fc.constantFrom('0', '1', '2', '3', '999', '1.5', ' 2', ''), fc.double(), fc.constant(null), fc.boolean());
const links = fc.oneof(
  fc.constantFrom(undefined, null, [], {}, 'next', 0),
  fc.record({ next: fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom(null, false, true, 0, 1, [], {})), previous: fc.string({ maxLength: 5 }) }, { requiredKeys: [] }),
  fc.jsonValue({ maxDepth: 2 }),
);
const pagination = fc.oneof(
  fc.record({ total: number, count: number, per_page: number, current_page: number, total_pages: number, links }, { requiredKeys: [] }),
  fc.jsonValue({ maxDepth: 2 }),
);
const meta = fc.oneof(fc.constant(undefined), fc.record({ pagination }, { requiredKeys: [] }), fc.jsonValue({ maxDepth: 2 }));
/** One page as the server sends it: `size` items and whatever meta. */
const page = fc.record({ size: fc.nat({ max: 12 }), meta });

interface Served {
  size: number;
  meta: unknown;
}

/** The page's own positive total_pages, read as the follower reads it (integers, digit strings). */
function totalPagesOf(served: Served): number | undefined {
  const raw = (served.meta as { pagination?: { total_pages?: unknown } } | undefined)?.pagination?.total_pages;
  const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
}

function hasPagination(served: Served): boolean {
  const p = (served.meta as { pagination?: unknown } | undefined)?.pagination;
  return p !== null && typeof p === 'object' && !Array.isArray(p);
}

describe('reliability: the pagination follower terminates on any meta (property)', () => {
  it('asks for pages 1, 2, 3… once each and stops at an empty page, a short page without meta, or total_pages', async () => {
    const MAX = 25;
    await fc.assert(
      fc.asyncProperty(fc.array(page, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 10 }), async (pages, perPage) => {
        const asked: number[] = [];
        const served: Served[] = [];
        const fetchPage = async (n: number): Promise<unknown> => {
          asked.push(n);
          const p = pages[(n - 1) % pages.length];
          served.push(p);
          const envelope: Record<string, unknown> = { data: Array.from({ length: p.size }, (_, i) => ({ email: `g${n}.${i}@x.test` })) };
          if (p.meta !== undefined) envelope.meta = p.meta;
          return envelope;
        };
        const yielded = await collect(paginate(fetchPage, perPage, MAX));
        assert.deepEqual(asked, Array.from({ length: asked.length }, (_, i) => i + 1), 'pages in order, none twice');
        assert.ok(asked.length <= MAX, 'never past the page cap');
        assert.equal(yielded.length, asked.length, 'every page fetched is handed on');
        served.forEach((p, i) => {
          if (i === served.length - 1) return;
          const n = i + 1;
          assert.ok(p.size > 0, `page ${n} was empty but paging went on`);
          const total = totalPagesOf(p);
          if (total !== undefined) assert.ok(n < total, `page ${n} said total_pages ${total} but paging went on`);
          if (!hasPagination(p)) assert.ok(p.size >= perPage, `page ${n} was short without meta but paging went on`);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('listGuests ends with pages or a TallyfyError on any JSON, any status 2xx body', async () => {
    await fc.assert(
      fc.asyncProperty(fc.func(fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ data: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }), meta }))), async (bodyOf) => {
        let requests = 0;
        const fetch: FetchLike = async (url) => {
          requests++;
          const pageNumber = Number(new URL(url).searchParams.get('page'));
          // A server that never stops would take the 10,000-page cap to end; stop it at 60.
          const body = pageNumber > 60 ? { data: [] } : bodyOf(pageNumber);
          const response: FetchResponse = { status: 200, headers: { get: () => 'application/json' }, text: async () => JSON.stringify(body) ?? '' };
          return response;
        };
        const { client } = makeClient('https://tallyfy.test/api', { fetch });
        try {
          const pages = await collect(client.listGuests({ perPage: 3 }));
          assert.ok(pages.length <= 61 && requests === pages.length, `${requests} requests for ${pages.length} pages`);
          for (const p of pages) for (const g of p.guests) assert.equal(typeof g.email, 'string');
        } catch (error) {
          assert.ok(error instanceof TallyfyError, `not a typed error: ${String(error)}`);
        }
      }),
      { numRuns: 300 },
    );
  });
});
