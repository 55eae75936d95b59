// Guests as CSV and back: RFC 4180 (comma, CRLF, fields with commas, quotes or line breaks quoted,
// quotes doubled), UTF-8 with a byte-order mark so Excel reads accents and emoji right. Planning
// what an import changes is in ../bulk/importPlan.ts. Pure: no `vscode`.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Guest } from '../api/types';
import { FIELDS, formatFieldValue, type FieldKey } from './fields';
import { l10n } from '../common/l10n';

/** Columns an import reads: `email` names the guest, the others are its editable fields. */
export const IMPORT_COLUMNS: readonly FieldKey[] = [
  'email', 'first_name', 'last_name', 'company_name', 'phone_1', 'phone_2', 'timezone', 'associated_members',
];
/** Read-only columns an export adds for reference; an import ignores them (and says so). */
export const READ_ONLY_COLUMNS = ['status', 'created_at', 'last_accessed_at'] as const;
export const EXPORT_COLUMNS: readonly string[] = [...IMPORT_COLUMNS, ...READ_ONLY_COLUMNS];

const BOM = '\uFEFF';

// Spreadsheets run a cell starting with = + - @ (or a tab/CR before one) as a formula, which a
// guest could use to plant a formula in an admin's spreadsheet. Such cells are written with a
// leading apostrophe (the usual defence) and the apostrophe is removed again on import, so text
// round-trips exactly. Phone numbers like "+44 20" (no letters) are left alone.
function isFormulaLike(text: string): boolean {
  const rest = text.replace(/^'+/, '');
  if (/^[=@\t\r]/.test(rest)) return true;
  return /^[+-]/.test(rest) && /[\p{L}|!]/u.test(rest);
}

export function neutraliseCell(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

export function restoreCell(text: string): string {
  return text.startsWith("'") && isFormulaLike(text.slice(1)) ? text.slice(1) : text;
}

function cellOf(guest: Guest, column: string): string {
  const value = (guest as unknown as Record<string, unknown>)[column];
  const text = column in FIELDS ? formatFieldValue(column as FieldKey, value) : typeof value === 'string' ? value : '';
  return neutraliseCell(text);
}

/** The CSV file's text for these guests, header first, one column per field. */
export function guestsToCsv(guests: readonly Guest[]): string {
  const rows = guests.map((guest) => EXPORT_COLUMNS.map((column) => cellOf(guest, column)));
  // csv-stringify quotes cells holding the record delimiter (CRLF) but not a lone LF or CR, which
  // RFC 4180 readers (and our own) take as a line break: quote any cell with one. Cells with
  // leading or trailing blanks are quoted too, so editors that trim unquoted cells keep them.
  return BOM + stringify([EXPORT_COLUMNS as string[], ...rows], { record_delimiter: 'windows', quoted_match: /[\r\n]|^\s|\s$/ });
}

export class CsvFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvFormatError';
  }
}

export interface CsvRecord {
  /** Line of the file the record starts on (1 = the header). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  /** Header cells as written (trimmed). */
  header: string[];
  records: CsvRecord[];
}

/** Reads CSV text (with or without BOM; CRLF, LF or CR). Throws CsvFormatError with the line for broken quoting. */
export function readCsv(text: string): CsvTable {
  // Parsed as UTF-8 bytes because csv-parse reports record ends (info.bytes) in bytes.
  const buffer = Buffer.from(text.startsWith(BOM) ? text.slice(1) : text, 'utf8');
  let rows: { record: string[]; info: { bytes: number } }[];
  try {
    rows = parse(buffer, {
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as unknown as typeof rows;
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    const reason = e.message ?? String(error);
    throw new CsvFormatError(typeof e.lines === 'number'
      ? l10n.t('The file is not valid CSV near line {0}: {1}. Check for an unclosed quote.', e.lines, reason)
      : l10n.t('The file is not valid CSV: {0}. Check for an unclosed quote.', reason));
  }
  if (rows.length === 0) throw new CsvFormatError(l10n.t('The file is empty. It needs a header row naming the columns, with an "email" column.'));
  const lineOf = lineCounter(buffer);
  const records: CsvRecord[] = [];
  for (let i = 1; i < rows.length; i++) {
    records.push({ line: lineOf(rows[i - 1].info.bytes), cells: rows[i].record.map(restoreCell) });
  }
  return { header: rows[0].record.map((cell) => cell.trim()), records };
}

/** Line numbers (1-based) of records starting at increasing byte offsets; blank lines before a
 *  record are skipped, as the parser skips them. CRLF, LF and CR each end a line. */
function lineCounter(buffer: Buffer): (recordStart: number) => number {
  let offset = 0;
  let line = 1;
  const step = (): void => {
    const byte = buffer[offset];
    if (byte === 0x0a || (byte === 0x0d && buffer[offset + 1] !== 0x0a)) line++;
    offset++;
  };
  return (recordStart) => {
    while (offset < recordStart) step();
    while (offset < buffer.length && (buffer[offset] === 0x0a || buffer[offset] === 0x0d)) step();
    return line;
  };
}

/** Header names an import understands: field keys and form labels, any case, spaces or underscores. */
const HEADER_ALIASES: ReadonlyMap<string, FieldKey> = (() => {
  const aliases = new Map<string, FieldKey>();
  const norm = (h: string): string => h.trim().toLowerCase().replace(/[\s_-]+/g, '_');
  for (const key of IMPORT_COLUMNS) {
    aliases.set(norm(key), key);
    aliases.set(norm(FIELDS[key].label), key);
  }
  aliases.set('e_mail', 'email');
  return aliases;
})();

export function columnForHeader(header: string): FieldKey | undefined {
  return HEADER_ALIASES.get(header.trim().toLowerCase().replace(/[\s_-]+/g, '_'));
}
