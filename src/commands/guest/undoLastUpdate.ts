// "Undo Last Guest Update": puts back the values the last successful update (form or quick
// update) replaced, after the same conflict check as a save.
import { undoUpdate } from '../../editing/undo';
import type { SaveOutcome } from '../../editing/saveGuest';
import { displayName } from '../../model/guestDisplay';
import { singleLine } from '../../model/text';
import type { Services } from '../../services';
import { askAboutConflict } from '../../views/conflictPrompt';
import { editingFor } from '../../views/editing';
import { withApiProgress } from '../../views/progress';
import { fieldLabels, recordSavedGuest, unappliedMessage } from '../../views/savedGuest';
import { showError } from '../../views/showError';
import { l10n } from '../../common/l10n';

export async function undoLastGuestUpdate(services: Services): Promise<void> {
  const editing = editingFor(services);
  const record = editing.lastUpdate;
  if (!record) {
    void services.ui.showMessage('info', l10n.t('There is no guest update to undo.'), {});
    return;
  }
  const known = services.store.get(record.email);
  const name = singleLine(known ? displayName(known) : record.email, 60);
  const api = services.client();
  let outcome: SaveOutcome;
  try {
    outcome = await withApiProgress({ title: l10n.t('Undoing the last update of {0}', name), log: services.log }, (request) =>
      undoUpdate(
        api,
        record,
        async (conflict) => (await askAboutConflict(services, name, conflict, { offerReload: false, action: l10n.t('puts back the previous values') })) === 'overwrite',
        request,
      ),
    );
  } catch (error) {
    await showError(services, error, { guestEmail: record.email, action: l10n.t('Could not undo the update of {0}', name), retry: () => undoLastGuestUpdate(services) });
    return;
  }
  switch (outcome.kind) {
    case 'saved':
      recordSavedGuest(services, outcome.guest);
      if (editing.lastUpdate === record) editing.lastUpdate = undefined;
      if (outcome.unapplied.length > 0) void services.ui.showMessage('warning', l10n.t('Undo of {0}: {1}', name, unappliedMessage(outcome.unapplied)), {});
      else void services.ui.showMessage('info', l10n.t('Undid the last update of {0}: {1} restored.', name, fieldLabels(record.fields)), {});
      return;
    case 'unchanged':
      if (editing.lastUpdate === record) editing.lastUpdate = undefined;
      void services.ui.showMessage('info', l10n.t('{0} already has the previous values. Nothing was sent.', name), {});
      return;
    default:
      void services.ui.showMessage('info', l10n.t('Nothing was undone.'), {});
  }
}
