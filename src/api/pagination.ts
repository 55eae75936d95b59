// Follows Tallyfy's meta.pagination to the end, and terminates on ANY meta shape, including
// lying ones. Rules, in order (shared/docs/tallyfy-api.md §1, as the Go CLI does it):
//   - an empty page ends it (a server claiming 1,000 pages of nothing must not spin forever);
//   - with total_pages: stop when the page reached >= total_pages;
//   - without total_pages: stop when links.next is empty or absent (links may be {}, [] or missing);
//   - without meta.pagination at all: stop after a page shorter than per_page;
//   - never request the same page twice (pages are counted here, not taken from current_page
//     or links.next: following a links.next URL would also send the token to wherever it points);
//   - at most MAX_PAGES pages.
import { ProtocolError } from './errors';
import { asObject } from './jsonValues';

export const MAX_PAGES = 10_000;

export interface RawPage {
  items: unknown[];
  /** The page number as reported by meta (or the one requested when absent). */
  page: number;
  totalPages: number | null;
  total: number | null;
}

/** `fetchPage(n)` returns the parsed JSON envelope of page n (1-based). */
export async function* paginate(
  fetchPage: (page: number) => Promise<unknown>,
  perPage: number,
  maxPages = MAX_PAGES,
): AsyncGenerator<RawPage> {
  for (let requested = 1; requested <= maxPages; requested++) {
    const envelope = asObject(await fetchPage(requested));
    const items = envelope?.data;
    if (!Array.isArray(items)) {
      throw new ProtocolError('Tallyfy answered a list request without a list (no "data" array). Check the API base URL setting.');
    }
    const pagination = asObject(asObject(envelope?.meta)?.pagination);
    const reported = positiveInt(pagination?.current_page);
    const totalPages = positiveInt(pagination?.total_pages) ?? (pagination?.total_pages === 0 ? 0 : null);
    const total = nonNegativeInt(pagination?.total);
    yield { items, page: reported ?? requested, totalPages, total };
    if (items.length === 0) return;
    if (!pagination) {
      if (items.length < perPage) return;
    } else if (totalPages !== null) {
      // A current_page that does not advance must not keep us going: count pages ourselves too.
      if (Math.max(requested, reported ?? 0) >= totalPages) return;
    } else if (!hasNextLink(pagination.links)) {
      return;
    }
  }
}

function hasNextLink(links: unknown): boolean {
  const next = asObject(links)?.next;
  return typeof next === 'string' ? next.trim() !== '' : next != null && next !== false;
}

function positiveInt(value: unknown): number | null {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : null;
}

function nonNegativeInt(value: unknown): number | null {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null;
}
