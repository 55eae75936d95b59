// Retry timing rules (same as Tallyfy's Go CLI): Retry-After in seconds or as an HTTP date,
// otherwise 0.5 s × 2^n with ±20 % jitter, capped at 8 s.

const BASE_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 8000;

/** Wait before retry number `attempt` (0-based) when the server gave no Retry-After. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = BASE_BACKOFF_MS * 2 ** Math.min(attempt, 16);
  const jittered = base * (0.8 + 0.4 * random());
  return Math.round(Math.min(MAX_BACKOFF_MS, jittered));
}

/** Milliseconds to wait per a Retry-After header, or undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // An HTTP date names a weekday and month; without letters Date.parse would read "-5" as a year.
  if (!/[a-z]/i.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * 5xx, network errors and timeouts are retried only where repeating the request is harmless.
 * POST creates a guest: a retry after the server may already have done it could invite twice.
 */
export function isIdempotent(method: string): boolean {
  return method === 'GET' || method === 'PUT' || method === 'DELETE';
}
