// Tallyfy: Enable Guest (modal confirmation).
import type { Services } from '../../services';
import { runLifecycle, type LifecycleOutcome } from '../../views/lifecycleFlow';

export function enableGuest(services: Services, node?: unknown, nodes?: readonly unknown[]): Promise<LifecycleOutcome | undefined> {
  return runLifecycle(services, 'enable', node, nodes);
}
