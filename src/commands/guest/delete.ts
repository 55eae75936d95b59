// "Delete Guest": after a modal confirmation naming the guest(s), deletes them in Tallyfy and
// removes them from the tree. An unknown email (already deleted elsewhere) goes through showError,
// which says the guest is gone and refreshes the list.
import { CancelledError } from '../../api/errors';
import type { Guest } from '../../api/types';
import { displayName } from '../../model/guestDisplay';
import { singleLine } from '../../model/text';
import type { Services } from '../../services';
import { editingFor } from '../../views/editing';
import { pickGuest } from '../../views/guestPicker';
import { withApiProgress } from '../../views/progress';
import { showError } from '../../views/showError';
import { guestsFromArgs } from '../guestArgs';
import { l10n } from '../../common/l10n';

export const DELETE = (): string => l10n.t('Delete');
const LISTED_MAX = 10;

function describe(guest: Guest): string {
  const name = singleLine(displayName(guest), 60);
  return name === guest.email ? name : `${name} (${singleLine(guest.email, 80)})`;
}

function confirmation(guests: readonly Guest[]): { message: string; detail: string } {
  const consequence = l10n.t('They lose access to this organization and are detached from its tasks. This cannot be undone.');
  if (guests.length === 1) return { message: l10n.t('Delete the guest {0} from Tallyfy?', describe(guests[0])), detail: consequence };
  const listed = guests.slice(0, LISTED_MAX).map(describe);
  if (guests.length > LISTED_MAX) listed.push(l10n.t('…and {0} more', guests.length - LISTED_MAX));
  return { message: l10n.t('Delete {0} guests from Tallyfy?', guests.length), detail: `${listed.join('\n')}\n\n${consequence}` };
}

export async function deleteGuest(services: Services, node?: unknown, nodes?: readonly unknown[]): Promise<void> {
  let guests = guestsFromArgs(services, node, nodes);
  if (guests.length === 0) {
    const picked = await pickGuest(services, l10n.t('Delete Guest'));
    if (!picked) return;
    guests = [picked];
  }
  const api = services.client();
  const { message, detail } = confirmation(guests);
  if ((await services.ui.showMessage('warning', message, { modal: true, detail }, DELETE())) !== DELETE()) return;
  const editing = editingFor(services);
  const deleted: Guest[] = [];
  await withApiProgress({ title: guests.length === 1 ? l10n.t('Deleting {0}', describe(guests[0])) : l10n.t('Deleting {0} guests', guests.length), log: services.log }, async (request, progress) => {
    for (const guest of guests) {
      if (guests.length > 1) progress.report({ message: `${deleted.length + 1} / ${guests.length}` });
      try {
        await api.deleteGuest(guest.email, request);
      } catch (error) {
        if (error instanceof CancelledError) return;
        await showError(services, error, { guestEmail: guest.email, action: l10n.t('Could not delete {0}', describe(guest)) });
        continue;
      }
      deleted.push(guest);
      services.store.remove(guest.email);
      editing.forms.closeDeleted(guest.email);
      if (services.lastGuest?.email.toLowerCase() === guest.email.toLowerCase()) services.lastGuest = undefined;
    }
  });
  if (deleted.length === 1) void services.ui.showMessage('info', l10n.t('Deleted the guest {0}.', describe(deleted[0])), {});
  else if (deleted.length > 1) void services.ui.showMessage('info', l10n.t('Deleted {0} guests.', deleted.length), {});
}
