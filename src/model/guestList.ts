// Pure helpers behind the guest tree: sorting, grouping by company, the local filter and the
// plain data of one tree item. Sized for 10,000 guests: sort keys are computed once per guest,
// never inside a comparison, and one Intl.Collator is reused.
import type { Group, Guest } from '../api/types';
import { displayName, fullName, guestDescription, guestTooltipMarkdown, isDisabledGuest } from './guestDisplay';
import { parseTimestamp } from './time';
import { singleLine, trimmedText } from './text';
import { l10n } from '../common/l10n';

export type GuestSortKey = 'name' | 'email' | 'company' | 'created' | 'lastAccess';

export const GUEST_SORT_LABELS: Readonly<Record<GuestSortKey, string>> = {
  name: 'Name',
  email: 'Email',
  company: 'Company',
  created: 'Date added (newest first)',
  lastAccess: 'Last access (most recent first)',
};

const LABEL_MAX = 100;
const DESCRIPTION_MAX = 80;

/** Case- and accent-insensitive, with "Guest 2" before "Guest 10". */
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const compareText = collator.compare;

interface Keyed {
  guest: Guest;
  /** Primary text key ('' = empty), or the time for date sorts (NaN = empty). */
  text: string;
  time: number;
  /** Tie-breaker: the email, lower-cased. Compared by code unit, not collated: it only orders
   *  guests whose primary keys are equal, and skipping the collator there halves the cost. */
  email: string;
}

function keyOf(guest: Guest, by: GuestSortKey): Keyed {
  const email = trimmedText(guest?.email);
  const keyed: Keyed = { guest, text: '', time: NaN, email: email.toLowerCase() };
  if (by === 'name') keyed.text = fullName(guest);
  else if (by === 'email') keyed.text = email;
  else if (by === 'company') keyed.text = guestDescription(guest);
  else keyed.time = parseTimestamp(by === 'created' ? guest?.created_at : guest?.last_accessed_at) ?? NaN;
  return keyed;
}

function compareEmails(a: Keyed, b: Keyed): number {
  return a.email === b.email ? 0 : a.email < b.email ? -1 : 1;
}

/** Empty text last, then collation order. */
function compareTextKeys(a: string, b: string): number {
  if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
  return compareText(a, b);
}

function compareKeyed(by: GuestSortKey): (a: Keyed, b: Keyed) => number {
  if (by === 'created' || by === 'lastAccess') {
    return (a, b) => {
      const aEmpty = Number.isNaN(a.time);
      const bEmpty = Number.isNaN(b.time);
      if (aEmpty || bEmpty) return aEmpty === bEmpty ? compareEmails(a, b) : aEmpty ? 1 : -1;
      return b.time - a.time || compareEmails(a, b);
    };
  }
  if (by === 'email') return (a, b) => compareTextKeys(a.text, b.text);
  return (a, b) => compareTextKeys(a.text, b.text) || compareEmails(a, b);
}

/**
 * A sorted copy. Text sorts are ascending and locale-aware; date sorts put the most recent
 * first. Guests without the key come last (ordered by email), and the sort is stable.
 */
export function sortGuests(guests: readonly Guest[], by: GuestSortKey): Guest[] {
  const keyed = guests.map((guest) => keyOf(guest, by));
  keyed.sort(compareKeyed(by));
  return keyed.map((k) => k.guest);
}

export interface CompanyGroup {
  /** The company as first spelled in the input; null for "No company". */
  company: string | null;
  guests: Guest[];
}

/**
 * Guests grouped by company, companies in collation order and "No company" last. Names that
 * differ only in case or spacing form one group. Within a group, guests keep the input order,
 * so sort first and then group.
 */
export function groupByCompany(guests: readonly Guest[]): CompanyGroup[] {
  const byKey = new Map<string, CompanyGroup>();
  const noCompany: CompanyGroup = { company: null, guests: [] };
  for (const guest of guests) {
    const company = guestDescription(guest).replace(/\s+/g, ' ');
    if (company === '') {
      noCompany.guests.push(guest);
      continue;
    }
    const key = company.toLowerCase();
    let group = byKey.get(key);
    if (group === undefined) {
      group = { company, guests: [] };
      byKey.set(key, group);
    }
    group.guests.push(guest);
  }
  const groups = [...byKey.values()].sort((a, b) => compareText(a.company as string, b.company as string));
  if (noCompany.guests.length > 0) groups.push(noCompany);
  return groups;
}

/** Lower case without accents, so "jose" finds "José". */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * True when every word of `text` appears in the guest's name, email or company (case- and
 * accent-insensitive). Empty text matches every guest.
 */
export function matchesLocalFilter(guest: Guest, text: string): boolean {
  const words = fold(typeof text === 'string' ? text : '').split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return true;
  const haystack = fold(`${fullName(guest)}\n${trimmedText(guest?.email)}\n${guestDescription(guest)}`);
  return words.every((word) => haystack.includes(word));
}

export interface GuestTreeData {
  /** Stable across refreshes: Tallyfy names a guest by email, so the id is built from it. */
  id: string;
  label: string;
  description: string;
  /** Built when read, not with the rest: the tree needs it only for the row under the pointer
   *  (resolveTreeItem), and building it for 10,000 guests took ~80 ms of a ~135 ms refresh (npm run bench). */
  readonly tooltipMarkdown: string;
  contextValue: 'guest' | 'guest.disabled';
  iconId: 'person' | 'circle-slash';
}

/** The tooltip is a getter on the prototype: built when read, with no closure per item (an
 *  object-literal getter cost ~1.4 MB more per 10,000 items than building every tooltip). */
class TreeData implements GuestTreeData {
  constructor(
    readonly id: string,
    readonly label: string,
    readonly description: string,
    readonly contextValue: GuestTreeData['contextValue'],
    readonly iconId: GuestTreeData['iconId'],
    private readonly guest: Guest,
    private readonly groups: readonly Pick<Group, 'name' | 'guests'>[] | undefined,
  ) {}

  get tooltipMarkdown(): string {
    return guestTooltipMarkdown(this.guest, this.groups);
  }
}

/** Everything a tree item needs, as plain data (the view wraps it in a TreeItem). */
export function guestTreeData(guest: Guest, groups?: readonly Pick<Group, 'name' | 'guests'>[]): GuestTreeData {
  const email = trimmedText(guest?.email).toLowerCase();
  const disabled = isDisabledGuest(guest);
  const label = singleLine(displayName(guest), LABEL_MAX);
  return new TreeData(
    email !== '' ? `guest:${email}` : `guest-id:${trimmedText(guest?.id)}`,
    label !== '' ? label : l10n.t('(guest without email)'),
    singleLine(guestDescription(guest), DESCRIPTION_MAX),
    disabled ? 'guest.disabled' : 'guest',
    disabled ? 'circle-slash' : 'person',
    guest,
    groups,
  );
}
