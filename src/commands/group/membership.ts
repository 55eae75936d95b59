// Adding guests to a group or removing them. Tallyfy's group PUT REPLACES both lists, so the flow
// is: read the group, confirm, read it again, refuse to write if it changed in between (another
// admin's edit would otherwise be lost), then PUT both lists in full with only the guests edited.
import type { Group, Guest } from '../../api/types';
import { groupDifferences, membershipChange, type MembershipAction } from '../../bulk/groupMembership';
import { displayName, singleLine } from '../../model/guestDisplay';
import type { Services } from '../../services';
import { guestKey } from '../../state/guestStore';
import { withApiProgress } from '../../views/progress';
import { pickGuests } from '../../views/guestMultiPicker';
import { guestsFromArgs } from '../guestArgs';
import { l10n } from '../../common/l10n';

export interface MembershipOutcome {
  group: Group;
  written: boolean;
  /** Why nothing was written (already there, changed meanwhile, cancelled). */
  reason?: string;
}

const RETRY = (): string => l10n.t('Retry');

function who(guests: readonly Guest[]): string {
  return guests.length === 1 ? displayName(guests[0]) : l10n.t('{0} guests', guests.length);
}

function memberCount(count: number): string {
  return count === 1 ? l10n.t('{0} member', count) : l10n.t('{0} members', count);
}

function guestCount(count: number): string {
  return count === 1 ? l10n.t('{0} guest', count) : l10n.t('{0} guests', count);
}

function groupLabel(group: Group): string {
  return `"${singleLine(group.name, 80)}"`;
}

export async function changeGroupMembership(services: Services, action: MembershipAction, node?: unknown, nodes?: readonly unknown[]): Promise<MembershipOutcome | undefined> {
  const selected = guestsFromArgs(services, node, nodes);
  const guests = selected.length > 0 ? selected : await pickGuests(services, action === 'add' ? l10n.t('Add to a group: choose the guests') : l10n.t('Remove from a group: choose the guests'));
  if (!guests || guests.length === 0) return undefined;
  const api = services.client();
  const groups = await withApiProgress({ title: l10n.t('Tallyfy: Reading the groups…'), log: services.log }, (request) => api.listGroups(request));
  const keys = new Set(guests.map((g) => guestKey(g.email)));
  const holdsAny = (group: Group) => group.guests.some((email) => keys.has(guestKey(email)));
  // The list may come without guest lists (Tallyfy documents `with=guests` for that): then offer every group.
  const listsGuests = groups.some((group) => group.guests.length > 0);
  const candidates = action === 'remove' && listsGuests ? groups.filter(holdsAny) : groups;
  if (candidates.length === 0) {
    await services.ui.showMessage('info', action === 'remove' ? (guests.length === 1 ? l10n.t('{0} is in no group.', who(guests)) : l10n.t('{0} are in no group.', who(guests))) : l10n.t('This organization has no groups yet. Create one in Tallyfy first.'), {});
    return undefined;
  }
  const picked = await services.ui.showQuickPick(
    candidates.map((group) => ({
      label: singleLine(group.name, 100).replace(/\$\(/g, '$\u200b('),
      description: `${memberCount(group.members.length)}, ${guestCount(group.guests.length)}`,
      detail: group.description ? singleLine(group.description, 200).replace(/\$\(/g, '$\u200b(') : undefined,
      group,
    })),
    { title: action === 'add' ? l10n.t('Add {0} to which group?', who(guests)) : l10n.t('Remove {0} from which group?', who(guests)), matchOnDetail: true },
  );
  if (!picked) return undefined;
  return writeMembership(services, picked.group.id, guests, action);
}

function leftOutLine(count: number, action: MembershipAction): string {
  if (count === 0) return '';
  if (action === 'add') return count === 1 ? l10n.t('{0} selected guest is already in it and left out.', count) : l10n.t('{0} selected guests are already in it and left out.', count);
  return count === 1 ? l10n.t('{0} selected guest is not in it and left out.', count) : l10n.t('{0} selected guests are not in it and left out.', count);
}

async function writeMembership(services: Services, groupId: string, guests: readonly Guest[], action: MembershipAction): Promise<MembershipOutcome | undefined> {
  const api = services.client();
  const group = await withApiProgress({ title: l10n.t('Tallyfy: Reading the group…'), log: services.log }, (request) => api.getGroup(groupId, request));
  const change = membershipChange(group, guests.map((g) => g.email), action);
  if (!change.body) {
    const one = guests.length === 1;
    const reason = action === 'add'
      ? (one ? l10n.t('{0} is already in {1}.', who(guests), groupLabel(group)) : l10n.t('{0} are already in {1}.', who(guests), groupLabel(group)))
      : (one ? l10n.t('{0} is not in {1}.', who(guests), groupLabel(group)) : l10n.t('{0} are not in {1}.', who(guests), groupLabel(group)));
    await services.ui.showMessage('info', reason, {});
    return { group, written: false, reason };
  }
  const affected = change.affected.length === 1 ? change.affected[0] : l10n.t('{0} guests', change.affected.length);
  const others = action === 'add' ? group.guests.length : group.guests.length - change.affected.length;
  const verb = action === 'add' ? l10n.t('Add') : l10n.t('Remove');
  const detail = [
    others === 1
      ? l10n.t('{0} keeps its {1} and {2} other guest.', groupLabel(group), memberCount(group.members.length), others)
      : l10n.t('{0} keeps its {1} and {2} other guests.', groupLabel(group), memberCount(group.members.length), others),
    leftOutLine(change.alreadyThere.length, action),
  ].filter((line) => line !== '').join('\n');
  const question = action === 'add' ? l10n.t('Add {0} to {1}?', affected, groupLabel(group)) : l10n.t('Remove {0} from {1}?', affected, groupLabel(group));
  const choice = await services.ui.showMessage('warning', question, { modal: true, detail }, verb);
  if (choice !== verb) return { group, written: false, reason: l10n.t('Cancelled.') };

  return withApiProgress({ title: l10n.t('Tallyfy: Updating {0}…', groupLabel(group)), log: services.log }, async (request) => {
    const fresh = await api.getGroup(groupId, request);
    const differences = groupDifferences(group, fresh);
    if (differences.length > 0) {
      const reason = l10n.t('{0} changed in Tallyfy after it was read ({1}). Nothing was written, so the other change is kept.', groupLabel(fresh), differences.join('; '));
      services.log.warn(reason);
      void Promise.resolve(services.ui.showMessage('warning', l10n.t('{0} Retry to start again from the group as it is now.', reason), {}, RETRY())).then((answer) =>
        answer === RETRY() ? writeMembership(services, groupId, guests, action) : undefined,
      );
      return { group: fresh, written: false, reason };
    }
    const saved = await api.updateGroup(groupId, change.body!, request);
    services.log.info(`${verb} ${change.affected.join(', ')} ${action === 'add' ? 'to' : 'from'} group ${group.id}`);
    void services.ui.showMessage('info', action === 'add' ? l10n.t('Added {0} to {1}.', affected, groupLabel(saved)) : l10n.t('Removed {0} from {1}.', affected, groupLabel(saved)), {});
    return { group: saved, written: true };
  });
}
