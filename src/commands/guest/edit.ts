// "Edit Guest…": the guest's form (re-focused if already open). From the palette, asks which guest.
import type { Services } from '../../services';
import { editingFor } from '../../views/editing';
import { pickGuest } from '../../views/guestPicker';
import { guestFromArgs } from '../guestArgs';
import { l10n } from '../../common/l10n';

export async function editGuest(services: Services, node?: unknown): Promise<void> {
  const guest = guestFromArgs(services, node) ?? (await pickGuest(services, l10n.t('Edit Guest')));
  if (!guest) return;
  await editingFor(services).forms.openEdit(guest);
}
