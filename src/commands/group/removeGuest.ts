// Tallyfy: Remove Guest from Group… (one guest or a multi-selection).
import type { Services } from '../../services';
import { changeGroupMembership, type MembershipOutcome } from './membership';

export function removeGuestFromGroup(services: Services, node?: unknown, nodes?: readonly unknown[]): Promise<MembershipOutcome | undefined> {
  return changeGroupMembership(services, 'remove', node, nodes);
}
