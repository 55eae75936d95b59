// "Create Guest…": the guest form in create mode (email required).
import type { Services } from '../../services';
import { editingFor } from '../../views/editing';

export async function createGuest(services: Services): Promise<void> {
  services.client(); // signed out or no organization: say so now rather than at Save
  await editingFor(services).forms.openCreate();
}
