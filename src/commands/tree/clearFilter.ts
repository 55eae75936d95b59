// Tallyfy: Clear Guest Filter.
import type { Services } from '../../services';
import { extensionServices } from '../../servicesImpl';

export async function clearGuestFilter(services: Services): Promise<void> {
  await extensionServices(services).list.applyFilter(undefined);
}
