// The dry run of a CSV import: for each row, whether it creates a guest, updates one (and which
// cells), changes nothing, or is invalid (and why). Invalid rows never reach the API. Columns that
// are absent leave the guest's field as it is; an empty cell clears it. Pure: no `vscode`.
import type { EditableField, Guest, GuestChanges, GuestCreateInput, GuestFields } from '../api/types';
import { guestKey } from '../state/guestStore';
import { previousValues } from '../model/bulkChange';
import { columnForHeader, CsvFormatError, READ_ONLY_COLUMNS, type CsvTable } from '../model/csv';
import { applyChanges, diffGuest } from '../model/diff';
import { FIELDS, parseFieldInput, type FieldKey } from '../model/fields';
import { l10n } from '../common/l10n';

export type ImportRow =
  | { kind: 'create'; line: number; email: string; input: GuestCreateInput }
  | { kind: 'update'; line: number; email: string; guest: Guest; changes: GuestChanges; previous: GuestChanges }
  | { kind: 'unchanged'; line: number; email: string; guest: Guest }
  | { kind: 'invalid'; line: number; email: string; reasons: string[] };

export interface ImportPlan {
  rows: ImportRow[];
  /** Editable columns found in the header. */
  columns: EditableField[];
  /** Header cells that are read-only or unknown: their values are not imported. */
  ignoredColumns: string[];
}

interface Columns {
  emailIndex: number;
  fields: { field: EditableField; index: number }[];
  ignored: string[];
}

function readHeader(header: readonly string[]): Columns {
  const seen = new Map<FieldKey, number>();
  const ignored: string[] = [];
  header.forEach((cell, index) => {
    const column = columnForHeader(cell);
    if (column === undefined) {
      ignored.push(cell === '' ? l10n.t('(column {0} has no name)', index + 1) : cell);
      return;
    }
    if (seen.has(column)) {
      throw new CsvFormatError(l10n.t('The header names {0} twice (columns {1} and {2}). Keep one.', FIELDS[column].label, seen.get(column)! + 1, index + 1));
    }
    seen.set(column, index);
  });
  const emailIndex = seen.get('email');
  if (emailIndex === undefined) {
    const readOnly = (READ_ONLY_COLUMNS as readonly string[]).join(', ');
    throw new CsvFormatError(l10n.t('The header row has no "email" column, which says which guest each row is. (Exported files have one; {0} are read-only.)', readOnly));
  }
  const fields = [...seen].filter(([key]) => key !== 'email').map(([field, index]) => ({ field: field as EditableField, index }));
  return { emailIndex, fields, ignored };
}

/** Throws CsvFormatError when the header is unusable. `existing` returns the guest for an email, if any. */
export function planImport(table: CsvTable, existing: (email: string) => Guest | undefined): ImportPlan {
  const columns = readHeader(table.header);
  const linesByEmail = new Map<string, number[]>();
  for (const record of table.records) {
    const email = (record.cells[columns.emailIndex] ?? '').trim();
    if (email === '') continue;
    const lines = linesByEmail.get(guestKey(email)) ?? [];
    lines.push(record.line);
    linesByEmail.set(guestKey(email), lines);
  }
  const rows: ImportRow[] = [];
  for (const record of table.records) {
    if (record.cells.every((cell) => cell.trim() === '')) continue;
    rows.push(planRow(record.line, record.cells, table.header.length, columns, linesByEmail, existing));
  }
  return { rows, columns: columns.fields.map((f) => f.field), ignoredColumns: columns.ignored };
}

function planRow(
  line: number,
  cells: readonly string[],
  width: number,
  columns: Columns,
  linesByEmail: ReadonlyMap<string, number[]>,
  existing: (email: string) => Guest | undefined,
): ImportRow {
  const email = (cells[columns.emailIndex] ?? '').trim();
  const reasons: string[] = [];
  if (cells.length !== width) reasons.push(l10n.t('It has {0} cells; the header has {1}.', cells.length, width));
  const emailProblem = FIELDS.email.validate(email);
  if (emailProblem) reasons.push(emailProblem);
  const lines = email === '' ? [] : (linesByEmail.get(guestKey(email)) ?? []);
  if (lines.length > 1) reasons.push(l10n.t('{0} is on lines {1}. Keep one row per guest.', email, lines.join(', ')));

  const values: Partial<GuestFields> = {};
  for (const { field, index } of columns.fields) {
    const text = cells[index] ?? '';
    const problem = FIELDS[field].validate(text);
    if (problem) reasons.push(problem);
    else (values as Record<EditableField, unknown>)[field] = parseFieldInput(field, text);
  }
  if (reasons.length > 0) return { kind: 'invalid', line, email, reasons };

  const guest = existing(email);
  if (!guest) {
    const input: GuestCreateInput = { email };
    for (const [field, value] of Object.entries(values)) {
      if (value !== null && value !== undefined) (input as unknown as Record<string, unknown>)[field] = value;
    }
    return { kind: 'create', line, email, input };
  }
  const changes = diffGuest(guest, applyChanges(guest, values as GuestChanges));
  if (Object.keys(changes).length === 0) return { kind: 'unchanged', line, email: guest.email, guest };
  // The guest's own casing of the email names it in the URL; previous values make undo possible.
  return { kind: 'update', line, email: guest.email, guest, changes, previous: previousValues(guest, changes) };
}

export interface ImportCounts {
  create: number;
  update: number;
  unchanged: number;
  invalid: number;
}

export function countImport(plan: ImportPlan): ImportCounts {
  const counts: ImportCounts = { create: 0, update: 0, unchanged: 0, invalid: 0 };
  for (const row of plan.rows) counts[row.kind]++;
  return counts;
}
