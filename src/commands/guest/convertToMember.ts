// Tallyfy: Convert Guest to Member (modal confirmation; the guest leaves the list).
import type { Services } from '../../services';
import { runLifecycle, type LifecycleOutcome } from '../../views/lifecycleFlow';

export function convertGuestToMember(services: Services, node?: unknown, nodes?: readonly unknown[]): Promise<LifecycleOutcome | undefined> {
  return runLifecycle(services, 'convert', node, nodes);
}
