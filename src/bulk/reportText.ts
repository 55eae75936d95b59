// The report of a bulk run as plain text (shown in a read-only virtual document): a summary, then
// every guest with what happened to it. Plain text, not Markdown, so names from the API are shown
// as written and cannot turn into links or markup. Pure: no `vscode`.
import type { EditableField, GuestChanges } from '../api/types';
import { FIELDS, formatFieldValue } from '../model/fields';
import { singleLine } from '../model/text';
import type { GuestResult, GuestResultStatus } from './bulkEngine';
import { l10n } from '../common/l10n';

export interface BulkReport {
  title: string;
  /** When the run finished. */
  finishedAt: Date;
  /** What was asked for, e.g. "Company → "Acme"". */
  request: string;
  results: readonly GuestResult[];
  /** Guests not sent at all (already at the value, invalid CSV rows, undo conflicts), with why. */
  notSent?: readonly { email: string; name: string; reason: string }[];
  cancelled: boolean;
}

function sectionTitle(status: GuestResultStatus): string {
  switch (status) {
    case 'failed': return l10n.t('Failed');
    case 'notApplied': return l10n.t('Not applied by Tallyfy');
    case 'cancelled': return l10n.t('Not sent (cancelled)');
    case 'changed': return l10n.t('Changed');
    case 'created': return l10n.t('Created');
    case 'skipped': return l10n.t('Skipped (already at that value)');
  }
}
const SECTION_ORDER: GuestResultStatus[] = ['failed', 'notApplied', 'cancelled', 'changed', 'created', 'skipped'];

export function countByStatus(results: readonly GuestResult[]): Record<GuestResultStatus, number> {
  const counts: Record<GuestResultStatus, number> = { changed: 0, created: 0, notApplied: 0, skipped: 0, failed: 0, cancelled: 0 };
  for (const r of results) counts[r.status]++;
  return counts;
}

/** "118 changed, 2 failed": the non-zero counts, for the notification. */
export function summaryLine(results: readonly GuestResult[], notSent = 0): string {
  const counts = countByStatus(results);
  const parts: string[] = [];
  if (counts.changed) parts.push(l10n.t('{0} changed', counts.changed));
  if (counts.created) parts.push(l10n.t('{0} created', counts.created));
  if (counts.notApplied) parts.push(l10n.t('{0} not applied by Tallyfy', counts.notApplied));
  if (counts.skipped + notSent) parts.push(l10n.t('{0} skipped', counts.skipped + notSent));
  if (counts.failed) parts.push(l10n.t('{0} failed', counts.failed));
  if (counts.cancelled) parts.push(l10n.t('{0} not sent (cancelled)', counts.cancelled));
  return parts.length > 0 ? parts.join(', ') : l10n.t('nothing to do');
}

function text(value: unknown, max = 80): string {
  return singleLine(typeof value === 'string' ? value : String(value ?? ''), max);
}

function valueText(field: EditableField, value: unknown): string {
  const shown = formatFieldValue(field, value);
  return shown === '' ? l10n.t('(empty)') : `"${text(shown)}"`;
}

function changeText(applied: GuestChanges, previous: GuestChanges): string {
  return (Object.keys(applied) as EditableField[])
    .map((field) => `${FIELDS[field].label}: ${valueText(field, previous[field])} → ${valueText(field, applied[field])}`)
    .join('; ');
}

function guestLine(r: GuestResult): string {
  const who = r.name && r.name !== r.email ? `${text(r.name, 60)} <${text(r.email)}>` : text(r.email);
  const details: string[] = [];
  if (Object.keys(r.applied).length > 0) details.push(changeText(r.applied, r.previous));
  if (r.unapplied.length > 0) details.push(l10n.t('not applied: {0}', r.unapplied.map((f) => FIELDS[f].label).join(', ')));
  if (r.reason && r.status !== 'notApplied') details.push(text(r.reason, 300));
  return `  - ${who}${details.length > 0 ? `: ${details.join(' | ')}` : ''}`;
}

export function renderReport(report: BulkReport): string {
  const { results } = report;
  const notSent = report.notSent ?? [];
  const lines = [
    report.title,
    report.cancelled ? l10n.t('Cancelled {0}', report.finishedAt.toISOString()) : l10n.t('Finished {0}', report.finishedAt.toISOString()),
    l10n.t('Request: {0}', text(report.request, 500)),
    l10n.t('Result: {0}.', summaryLine(results, notSent.length)),
  ];
  const failed = countByStatus(results).failed + countByStatus(results).cancelled;
  if (failed === 1) lines.push(l10n.t('Run "Tallyfy: Retry Failed Bulk Update" to send the {0} failed or unsent guest again.', failed));
  if (failed > 1) lines.push(l10n.t('Run "Tallyfy: Retry Failed Bulk Update" to send the {0} failed or unsent guests again.', failed));
  for (const status of SECTION_ORDER) {
    const section = results.filter((r) => r.status === status);
    if (section.length === 0) continue;
    lines.push('', `${sectionTitle(status)} (${section.length})`);
    for (const r of section) lines.push(guestLine(r));
  }
  if (notSent.length > 0) {
    lines.push('', l10n.t('Not sent ({0})', notSent.length));
    for (const n of notSent) lines.push(`  - ${n.name && n.name !== n.email ? `${text(n.name, 60)} <${text(n.email)}>` : text(n.email)}: ${text(n.reason, 300)}`);
  }
  return lines.join('\n') + '\n';
}
