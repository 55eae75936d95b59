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

export async function undoLastGuestUpdate(services: Services): Promise<void> {
  const editing = editingFor(services);
  const record = editing.lastUpdate;
  if (!record) {
    void services.ui.showMessage('info', 'There is no guest update to undo.', {});
    return;
  }
  const known = services.store.get(record.email);
  const name = singleLine(known ? displayName(known) : record.email, 60);
  const api = services.client();
  let outcome: SaveOutcome;
  try {
    outcome = await withApiProgress({ title: `Undoing the last update of ${name}`, log: services.log }, (request) =>
      undoUpdate(
        api,
        record,
        async (conflict) => (await askAboutConflict(services, name, conflict, { offerReload: false, action: 'puts back the previous values' })) === 'overwrite',
        request,
      ),
    );
  } catch (error) {
    await showError(services, error, { guestEmail: record.email, action: `Could not undo the update of ${name}`, retry: () => undoLastGuestUpdate(services) });
    return;
  }
  switch (outcome.kind) {
    case 'saved':
      recordSavedGuest(services, outcome.guest);
      if (editing.lastUpdate === record) editing.lastUpdate = undefined;
      if (outcome.unapplied.length > 0) void services.ui.showMessage('warning', `Undo of ${name}: ${unappliedMessage(outcome.unapplied)}`, {});
      else void services.ui.showMessage('info', `Undid the last update of ${name}: ${fieldLabels(record.fields)} restored.`, {});
      return;
    case 'unchanged':
      if (editing.lastUpdate === record) editing.lastUpdate = undefined;
      void services.ui.showMessage('info', `${name} already has the previous values. Nothing was sent.`, {});
      return;
    default:
      void services.ui.showMessage('info', 'Nothing was undone.', {});
  }
}
