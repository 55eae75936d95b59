// How a guest reads in the tree and its hover. Everything here comes from the API and is
// treated as untrusted text: it is escaped before it enters Markdown and flattened before it
// becomes a label. Guests are read defensively (a field may hold null or a number).
import type { Group, Guest } from '../api/types';
import { formatTimestamp } from './time';
import { asText, flattenControls, singleLine, trimmedText, truncate } from './text';
import { l10n } from '../common/l10n';

export { singleLine } from './text';

/** Longest value a tooltip shows; anything longer is cut with an ellipsis. */
export const MARKDOWN_VALUE_MAX = 500;
const TOOLTIP_GROUPS_MAX = 10;

/** `&<>"'` become entities; every other ASCII punctuation character gets the backslash escape
 *  CommonMark defines for it, which also defuses autolinks and `$(icon)` syntax. */
const MARKDOWN_SIGNIFICANT = /[!-/:-@[-`{-~]/g;
const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
};

/**
 * Text that renders as itself inside a MarkdownString (supportHtml false): every Markdown- or
 * HTML-significant character escaped, bidi controls removed, line breaks turned into spaces
 * (the result is inline text) and at most `max` characters, ending with an ellipsis if cut.
 */
export function escapeMarkdown(text: unknown, max = MARKDOWN_VALUE_MAX): string {
  const plain = truncate(flattenControls(asText(text)), max);
  return plain.replace(MARKDOWN_SIGNIFICANT, (char) => HTML_ENTITIES[char] ?? `\\${char}`);
}

/** "First Last", either alone if the other is empty; '' when there is no name. */
export function fullName(guest: Guest): string {
  return [trimmedText(guest?.first_name), trimmedText(guest?.last_name)].filter((part) => part !== '').join(' ');
}

/** The full name, or the email when there is no name. */
export function displayName(guest: Guest): string {
  const name = fullName(guest);
  return name !== '' ? name : trimmedText(guest?.email);
}

/** The company name, or '' when there is none. */
export function guestDescription(guest: Guest): string {
  return trimmedText(guest?.company_name);
}

/** Tallyfy's details.status; when absent, a disabled_at date means disabled. */
export function isDisabledGuest(guest: Guest): boolean {
  const status = trimmedText(guest?.status).toLowerCase();
  if (status !== '') return status === 'disabled';
  return trimmedText(guest?.disabled_at) !== '';
}

function line(label: string, value: string): string {
  return `**${label}:** ${escapeMarkdown(value)}`;
}

function statusText(guest: Guest): string {
  if (isDisabledGuest(guest)) return l10n.t('Disabled');
  const status = trimmedText(guest?.status);
  return status === '' || status.toLowerCase() === 'active' ? l10n.t('Active') : status;
}

function memberIdsText(value: unknown): string {
  return Array.isArray(value) ? value.map(asText).filter((id) => id !== '').join(', ') : '';
}

function groupsText(guest: Guest, groups: readonly Pick<Group, 'name' | 'guests'>[] | undefined): string {
  const email = trimmedText(guest?.email).toLowerCase();
  if (!Array.isArray(groups) || email === '') return '';
  const names = groups
    .filter((group) => Array.isArray(group?.guests) && group.guests.some((g: unknown) => trimmedText(g).toLowerCase() === email))
    .map((group) => singleLine(group.name, 80))
    .filter((name) => name !== '');
  const shown = names.slice(0, TOOLTIP_GROUPS_MAX).join(', ');
  return names.length > TOOLTIP_GROUPS_MAX ? l10n.t('{0} and {1} more', shown, names.length - TOOLTIP_GROUPS_MAX) : shown;
}

function countWithLast(count: unknown, last: unknown): string {
  const n = asText(count);
  if (n === '') return '';
  const when = formatTimestamp(last);
  return when === '' ? n : l10n.t('{0} (last {1})', n, when);
}

function statsLines(stats: Guest['stats']): string[] {
  if (stats === null || typeof stats !== 'object') return [];
  const lines: string[] = [];
  const assigned = asText(stats.assigned_tasks);
  if (assigned !== '') lines.push(line(l10n.t('Assigned tasks'), assigned));
  const completed = countWithLast(stats.tasks_completed, stats.last_task_completed_at);
  if (completed !== '') lines.push(line(l10n.t('Tasks completed'), completed));
  const oneOff = countWithLast(stats.one_off_tasks_completed, stats.last_one_off_task_completed_at);
  if (oneOff !== '') lines.push(line(l10n.t('One-off tasks completed'), oneOff));
  return lines;
}

/**
 * The hover for a guest: name, then each value that is present. `groups` may be every group in
 * the organization; only those whose guest list holds this guest's email are named.
 */
export function guestTooltipMarkdown(guest: Guest, groups?: readonly Pick<Group, 'name' | 'guests'>[]): string {
  const name = displayName(guest);
  const lines = [`**${name === '' ? escapeMarkdown(l10n.t('Guest')) : escapeMarkdown(name)}**`];
  const optional: [string, string][] = [
    [l10n.t('Email'), trimmedText(guest?.email)],
    [l10n.t('Status'), statusText(guest)],
    [l10n.t('Company'), trimmedText(guest?.company_name)],
    [l10n.t('Phone 1'), trimmedText(guest?.phone_1)],
    [l10n.t('Phone 2'), trimmedText(guest?.phone_2)],
    [l10n.t('Time zone'), trimmedText(guest?.timezone)],
    [l10n.t('Associated members'), memberIdsText(guest?.associated_members)],
    [l10n.t('Groups'), groupsText(guest, groups)],
    [l10n.t('Last access'), formatTimestamp(guest?.last_accessed_at)],
    [l10n.t('Created'), formatTimestamp(guest?.created_at)],
  ];
  for (const [label, value] of optional) if (value !== '') lines.push(line(label, value));
  lines.push(...statsLines(guest?.stats));
  // A blank line between entries: each is its own paragraph, whatever the renderer does with soft breaks.
  return lines.join('\n\n');
}
