// Tallyfy: Disable Guest (modal confirmation; Tallyfy's refusal shown as it wrote it).
import type { Services } from '../../services';
import { runLifecycle, type LifecycleOutcome } from '../../views/lifecycleFlow';

export function disableGuest(services: Services, node?: unknown, nodes?: readonly unknown[]): Promise<LifecycleOutcome | undefined> {
  return runLifecycle(services, 'disable', node, nodes);
}
