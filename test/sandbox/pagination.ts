// Laravel/Fractal-style pagination: meta.pagination = {total, count, per_page, current_page,
// total_pages, links}. Choices where the doc is silent:
// - per_page above the cap is clamped silently (as the CLI observed); a missing, zero or
//   non-numeric per_page means the default; a page past the end is an empty page, not an error.
// - total_pages is at least 1 (Laravel's lastPage), so an empty list has current 1 of 1.
// - links are absolute URLs that keep every query parameter of the request and set `page`.
// - linksStyle 'object' gives {} when there are no links; 'empty-array' gives [] then (what PHP
//   serialises for an empty array); 'missing' omits `links` always.
import type { LinksStyle } from './types';

export interface PageOptions {
  defaultPerPage: number;
  maxPerPage: number;
  linksStyle: LinksStyle;
  /** Absolute URL of the list endpoint, without query. */
  url: string;
}

export interface Page<T> {
  data: T[];
  meta: { pagination: Record<string, unknown> };
}

function positiveInt(raw: string | undefined): number | undefined {
  if (raw === undefined || !/^\d+$/.test(raw.trim())) return undefined;
  const n = Number(raw.trim());
  return n >= 1 ? n : undefined;
}

function pageUrl(url: string, query: Record<string, string>, page: number): string {
  const params = new URLSearchParams(query);
  params.set('page', String(page));
  return `${url}?${params.toString()}`;
}

export function paginate<T>(items: readonly T[], query: Record<string, string>, options: PageOptions): Page<T> {
  const perPage = Math.min(positiveInt(query.per_page) ?? options.defaultPerPage, options.maxPerPage);
  const page = positiveInt(query.page) ?? 1;
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const data = items.slice((page - 1) * perPage, page * perPage);
  const links: Record<string, string> = {};
  if (page > 1) links.previous = pageUrl(options.url, query, Math.min(page - 1, totalPages));
  if (page < totalPages) links.next = pageUrl(options.url, query, page + 1);
  const pagination: Record<string, unknown> = {
    total: items.length,
    count: data.length,
    per_page: perPage,
    current_page: page,
    total_pages: totalPages,
  };
  if (options.linksStyle === 'object') pagination.links = links;
  if (options.linksStyle === 'empty-array') pagination.links = Object.keys(links).length > 0 ? links : [];
  return { data, meta: { pagination } };
}

/** `?sort=-name` → { key: 'name', desc: true }; unknown keys fall back to `fallback` ascending. */
export function parseSort(raw: string | undefined, allowed: readonly string[], fallback: string): { key: string; desc: boolean } {
  const value = (raw ?? '').trim();
  const desc = value.startsWith('-');
  const key = desc ? value.slice(1) : value;
  return allowed.includes(key) ? { key, desc } : { key: fallback, desc: false };
}
