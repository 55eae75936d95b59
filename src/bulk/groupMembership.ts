// Adding guests to or removing them from a Tallyfy group. The group PUT REPLACES both the member
// and the guest lists, so the body always carries the whole of both, as read, with only the guest
// list edited; and since another admin may edit the group at the same time, a fresh read right
// before the write must match the read the change was computed from. Pure: no `vscode`.
import type { Group, GroupChanges } from '../api/types';
import { guestKey } from '../state/guestStore';
import { l10n } from '../common/l10n';

export type MembershipAction = 'add' | 'remove';

export interface MembershipChange {
  /** The full PUT body: both lists, or undefined when nothing would change. */
  body: GroupChanges | undefined;
  /** Emails that change (added or removed). */
  affected: string[];
  /** Emails already in (for add) or not in (for remove) the group. */
  alreadyThere: string[];
}

export function membershipChange(group: Group, emails: readonly string[], action: MembershipAction): MembershipChange {
  const present = new Set(group.guests.map(guestKey));
  const affected: string[] = [];
  const alreadyThere: string[] = [];
  const requested = new Set<string>();
  for (const email of emails) {
    const key = guestKey(email);
    if (requested.has(key)) continue;
    requested.add(key);
    const isIn = present.has(key);
    if ((action === 'add') === isIn) alreadyThere.push(email);
    else affected.push(email);
  }
  if (affected.length === 0) return { body: undefined, affected, alreadyThere };
  const guests =
    action === 'add'
      ? [...group.guests, ...affected]
      : group.guests.filter((email) => !requested.has(guestKey(email)));
  const body: GroupChanges = { members: [...group.members], guests };
  // Tallyfy's docs mark `description` as required on update too (n8n omits it; unknown which is
  // right), so the unchanged description goes along whenever the group has one.
  if (group.description) body.description = group.description;
  return { body, affected, alreadyThere };
}

/** What differs between two reads of a group; empty when it did not change. */
export function groupDifferences(before: Group, after: Group): string[] {
  const differences: string[] = [];
  if ((before.last_updated ?? '') !== (after.last_updated ?? '')) {
    differences.push(l10n.t('last updated {0} → {1}', before.last_updated ?? l10n.t('never'), after.last_updated ?? l10n.t('never')));
  }
  if (!sameSet(before.members.map(String), after.members.map(String))) differences.push(l10n.t('its members changed'));
  if (!sameSet(before.guests.map(guestKey), after.guests.map(guestKey))) differences.push(l10n.t('its guests changed'));
  return differences;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((x) => right.has(x));
}

/** The groups whose guest list holds this email (case-insensitively). */
export function groupsOfGuest(groups: readonly Group[], email: string): Group[] {
  const key = guestKey(email);
  return groups.filter((group) => group.guests.some((g) => guestKey(g) === key));
}
