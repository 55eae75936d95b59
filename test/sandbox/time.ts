// Timestamp helpers. The sandbox keeps ISO 8601 UTC strings with second precision (like a MySQL
// TIMESTAMP column) and renders them as `Y-m-d H:i:s` for the 2026 docs shape.

/** Seeded data is dated relative to this fixed instant, so the same seed gives the same data on any day. */
export const SEED_EPOCH_MS = Date.parse('2026-01-15T12:00:00Z');

export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export function nowIso(): string {
  return isoSeconds(Date.now());
}

/**
 * A new "updated" time for a record last updated at `previous`. Real timestamps have one-second
 * resolution, which would hide two writes in the same second from a client comparing them; the
 * sandbox always moves the time forward by at least one second so every write is visible.
 */
export function bumpedIso(previous: string): string {
  const now = Math.floor(Date.now() / 1000) * 1000;
  const prev = Date.parse(previous);
  return isoSeconds(Number.isNaN(prev) || now > prev ? now : prev + 1000);
}

/** `2026-01-15T12:00:00Z` → `2026-01-15 12:00:00`; null stays null. */
export function ymdHis(iso: string | null): string | null {
  if (iso === null) return null;
  return iso.replace('T', ' ').replace(/(\.\d+)?Z$/, '');
}
