// Tallyfy: Add Guest to Group… (one guest or a multi-selection).
import type { Services } from '../../services';
import { changeGroupMembership, type MembershipOutcome } from './membership';

export function addGuestToGroup(services: Services, node?: unknown, nodes?: readonly unknown[]): Promise<MembershipOutcome | undefined> {
  return changeGroupMembership(services, 'add', node, nodes);
}
