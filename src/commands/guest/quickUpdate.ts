// "Quick Update Guest…": the multi-step quick input; from the tree it starts at the field step.
import type { Services } from '../../services';
import { editingFor } from '../../views/editing';
import { runQuickUpdate } from '../../views/quickUpdate/quickUpdateFlow';
import { guestFromArgs } from '../guestArgs';

export async function quickUpdateGuest(services: Services, node?: unknown): Promise<void> {
  await runQuickUpdate(editingFor(services).quickUpdate, guestFromArgs(services, node));
}

/** The status-bar item (and its key chord): the last guest opened or changed, or the guest step when none. */
export async function quickUpdateLastGuest(services: Services): Promise<void> {
  const last = services.lastGuest;
  const guest = last ? (services.store.get(last.email) ?? last) : undefined;
  await runQuickUpdate(editingFor(services).quickUpdate, guest);
}
