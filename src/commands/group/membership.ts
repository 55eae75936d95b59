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

export interface MembershipOutcome {
  group: Group;
  written: boolean;
  /** Why nothing was written (already there, changed meanwhile, cancelled). */
  reason?: string;
}

const RETRY = 'Retry';

function who(guests: readonly Guest[]): string {
  return guests.length === 1 ? displayName(guests[0]) : `${guests.length} guests`;
}

function groupLabel(group: Group): string {
  return `"${singleLine(group.name, 80)}"`;
}

export async function changeGroupMembership(services: Services, action: MembershipAction, node?: unknown, nodes?: readonly unknown[]): Promise<MembershipOutcome | undefined> {
  const selected = guestsFromArgs(services, node, nodes);
  const guests = selected.length > 0 ? selected : await pickGuests(services, action === 'add' ? 'Add to a group: choose the guests' : 'Remove from a group: choose the guests');
  if (!guests || guests.length === 0) return undefined;
  const api = services.client();
  const groups = await withApiProgress({ title: 'Tallyfy: Reading the groups…', log: services.log }, (request) => api.listGroups(request));
  const keys = new Set(guests.map((g) => guestKey(g.email)));
  const holdsAny = (group: Group) => group.guests.some((email) => keys.has(guestKey(email)));
  // The list may come without guest lists (Tallyfy documents `with=guests` for that): then offer every group.
  const listsGuests = groups.some((group) => group.guests.length > 0);
  const candidates = action === 'remove' && listsGuests ? groups.filter(holdsAny) : groups;
  if (candidates.length === 0) {
    await services.ui.showMessage('info', action === 'remove' ? `${who(guests)} ${guests.length === 1 ? 'is' : 'are'} in no group.` : 'This organization has no groups yet. Create one in Tallyfy first.', {});
    return undefined;
  }
  const picked = await services.ui.showQuickPick(
    candidates.map((group) => ({
      label: singleLine(group.name, 100).replace(/\$\(/g, '$\u200b('),
      description: `${group.members.length} member${group.members.length === 1 ? '' : 's'}, ${group.guests.length} guest${group.guests.length === 1 ? '' : 's'}`,
      detail: group.description ? singleLine(group.description, 200).replace(/\$\(/g, '$\u200b(') : undefined,
      group,
    })),
    { title: action === 'add' ? `Add ${who(guests)} to which group?` : `Remove ${who(guests)} from which group?`, matchOnDetail: true },
  );
  if (!picked) return undefined;
  return writeMembership(services, picked.group.id, guests, action);
}

async function writeMembership(services: Services, groupId: string, guests: readonly Guest[], action: MembershipAction): Promise<MembershipOutcome | undefined> {
  const api = services.client();
  const group = await withApiProgress({ title: 'Tallyfy: Reading the group…', log: services.log }, (request) => api.getGroup(groupId, request));
  const change = membershipChange(group, guests.map((g) => g.email), action);
  if (!change.body) {
    const reason = action === 'add' ? `${who(guests)} ${guests.length === 1 ? 'is' : 'are'} already in ${groupLabel(group)}.` : `${who(guests)} ${guests.length === 1 ? 'is' : 'are'} not in ${groupLabel(group)}.`;
    await services.ui.showMessage('info', reason, {});
    return { group, written: false, reason };
  }
  const affected = change.affected.length === 1 ? change.affected[0] : `${change.affected.length} guests`;
  const others = action === 'add' ? group.guests.length : group.guests.length - change.affected.length;
  const verb = action === 'add' ? 'Add' : 'Remove';
  const detail = [
    `${groupLabel(group)} keeps its ${group.members.length} member${group.members.length === 1 ? '' : 's'} and ${others} other guest${others === 1 ? '' : 's'}.`,
    change.alreadyThere.length > 0 ? `${change.alreadyThere.length} selected guest${change.alreadyThere.length === 1 ? ' is' : 's are'} ${action === 'add' ? 'already in it' : 'not in it'} and left out.` : '',
  ].filter((line) => line !== '').join('\n');
  const choice = await services.ui.showMessage('warning', `${verb} ${affected} ${action === 'add' ? 'to' : 'from'} ${groupLabel(group)}?`, { modal: true, detail }, verb);
  if (choice !== verb) return { group, written: false, reason: 'Cancelled.' };

  return withApiProgress({ title: `Tallyfy: Updating ${groupLabel(group)}…`, log: services.log }, async (request) => {
    const fresh = await api.getGroup(groupId, request);
    const differences = groupDifferences(group, fresh);
    if (differences.length > 0) {
      const reason = `${groupLabel(fresh)} changed in Tallyfy after it was read (${differences.join('; ')}). Nothing was written, so the other change is kept.`;
      services.log.warn(reason);
      void Promise.resolve(services.ui.showMessage('warning', `${reason} Retry to start again from the group as it is now.`, {}, RETRY)).then((answer) =>
        answer === RETRY ? writeMembership(services, groupId, guests, action) : undefined,
      );
      return { group: fresh, written: false, reason };
    }
    const saved = await api.updateGroup(groupId, change.body!, request);
    services.log.info(`${verb} ${change.affected.join(', ')} ${action === 'add' ? 'to' : 'from'} group ${group.id}`);
    void services.ui.showMessage('info', `${action === 'add' ? 'Added' : 'Removed'} ${affected} ${action === 'add' ? 'to' : 'from'} ${groupLabel(saved)}.`, {});
    return { group: saved, written: true };
  });
}
