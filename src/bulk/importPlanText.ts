// The dry run of a CSV import as plain text: every row under create / update / unchanged /
// invalid, with the cells that change and the reasons a row is refused. Pure: no `vscode`.
import type { EditableField, GuestChanges } from '../api/types';
import { FIELDS, formatFieldValue } from '../model/fields';
import { singleLine } from '../model/text';
import { countImport, type ImportPlan, type ImportRow } from './importPlan';

function value(field: EditableField, v: unknown): string {
  const text = formatFieldValue(field, v);
  return text === '' ? '(empty)' : `"${singleLine(text, 80)}"`;
}

function changes(after: GuestChanges, before?: GuestChanges): string {
  return (Object.keys(after) as EditableField[])
    .map((f) => (before ? `${FIELDS[f].label}: ${value(f, before[f])} → ${value(f, after[f])}` : `${FIELDS[f].label} ${value(f, after[f])}`))
    .join('; ');
}

function rowLine(row: ImportRow): string {
  const head = `  - line ${row.line} ${singleLine(row.email, 120) || '(no email)'}`;
  switch (row.kind) {
    case 'invalid':
      return `${head}: ${row.reasons.map((r) => singleLine(r, 300)).join(' ')}`;
    case 'create': {
      const { email: _email, ...fields } = row.input;
      const text = changes(fields);
      return text ? `${head}: ${text}` : head;
    }
    case 'update':
      return `${head}: ${changes(row.changes, row.previous)}`;
    case 'unchanged':
      return head;
  }
}

export function summariseImport(plan: ImportPlan): string {
  const c = countImport(plan);
  return `${c.create} to create, ${c.update} to update, ${c.unchanged} unchanged, ${c.invalid} invalid`;
}

export function renderImportPlan(fileName: string, plan: ImportPlan): string {
  const lines = [
    `CSV import preview (dry run): ${singleLine(fileName, 200)}`,
    `Rows: ${summariseImport(plan)}. Nothing has been sent yet; invalid rows are never sent.`,
    `Columns imported: email${plan.columns.length > 0 ? `, ${plan.columns.join(', ')}` : ''}. Columns not in the file are left as they are; an empty cell clears the field.`,
  ];
  if (plan.ignoredColumns.length > 0) lines.push(`Ignored columns (read-only or unknown): ${plan.ignoredColumns.map((c) => singleLine(c, 60)).join(', ')}.`);
  const sections: [ImportRow['kind'], string][] = [['invalid', 'Invalid'], ['create', 'Create'], ['update', 'Update'], ['unchanged', 'Unchanged']];
  for (const [kind, title] of sections) {
    const rows = plan.rows.filter((r) => r.kind === kind);
    if (rows.length === 0) continue;
    lines.push('', `${title} (${rows.length})`, ...rows.map(rowLine));
  }
  return lines.join('\n') + '\n';
}
