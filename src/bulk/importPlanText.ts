// The dry run of a CSV import as plain text: every row under create / update / unchanged /
// invalid, with the cells that change and the reasons a row is refused. Pure: no `vscode`.
import type { EditableField, GuestChanges } from '../api/types';
import { FIELDS, formatFieldValue } from '../model/fields';
import { singleLine } from '../model/text';
import { countImport, type ImportPlan, type ImportRow } from './importPlan';
import { l10n } from '../common/l10n';

function value(field: EditableField, v: unknown): string {
  const text = formatFieldValue(field, v);
  return text === '' ? l10n.t('(empty)') : `"${singleLine(text, 80)}"`;
}

function changes(after: GuestChanges, before?: GuestChanges): string {
  return (Object.keys(after) as EditableField[])
    .map((f) => (before ? `${FIELDS[f].label}: ${value(f, before[f])} → ${value(f, after[f])}` : `${FIELDS[f].label} ${value(f, after[f])}`))
    .join('; ');
}

function rowLine(row: ImportRow): string {
  const head = `  - ${l10n.t('line {0}', row.line)} ${singleLine(row.email, 120) || l10n.t('(no email)')}`;
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
  return l10n.t('{0} to create, {1} to update, {2} unchanged, {3} invalid', c.create, c.update, c.unchanged, c.invalid);
}

export function renderImportPlan(fileName: string, plan: ImportPlan): string {
  const lines = [
    l10n.t('CSV import preview (dry run): {0}', singleLine(fileName, 200)),
    l10n.t('Rows: {0}. Nothing has been sent yet; invalid rows are never sent.', summariseImport(plan)),
    l10n.t('Columns imported: {0}. Columns not in the file are left as they are; an empty cell clears the field.', ['email', ...plan.columns].join(', ')),
  ];
  if (plan.ignoredColumns.length > 0) lines.push(l10n.t('Ignored columns (read-only or unknown): {0}.', plan.ignoredColumns.map((c) => singleLine(c, 60)).join(', ')));
  const sections: [ImportRow['kind'], string][] = [['invalid', l10n.t('Invalid')], ['create', l10n.t('Create')], ['update', l10n.t('Update')], ['unchanged', l10n.t('Unchanged')]];
  for (const [kind, title] of sections) {
    const rows = plan.rows.filter((r) => r.kind === kind);
    if (rows.length === 0) continue;
    lines.push('', `${title} (${rows.length})`, ...rows.map(rowLine));
  }
  return lines.join('\n') + '\n';
}
