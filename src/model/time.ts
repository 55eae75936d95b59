// Tallyfy's timestamps come both as "Y-m-d H:i:s" and as ISO 8601 (see tallyfy-api.md §2).
// A timestamp without a zone is read as UTC, Laravel's default application time zone.

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Milliseconds since the epoch, or undefined when the value is not a timestamp. */
export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = TIMESTAMP.exec(value.trim());
  if (match === null) return undefined;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone = 'Z'] = match;
  const millis = Number(fraction.slice(0, 3).padEnd(3, '0'));
  let time = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), millis);
  if (zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
    time -= sign * offsetMinutes * 60_000;
  }
  return Number.isFinite(time) ? time : undefined;
}

/** "2024-05-01 14:03 UTC" for a timestamp; anything else is returned as it came (as text). */
export function formatTimestamp(value: unknown): string {
  const time = parseTimestamp(value);
  if (time === undefined) return typeof value === 'string' ? value.trim() : '';
  const iso = new Date(time).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
