// Tallyfy: Undo Last Bulk Update. Puts back the previous values of the guests the last bulk update
// (or CSV import) changed, after a modal confirmation. Each guest is read again right before its
// write; fields someone changed since are left as they are, and the report says so.
import { planUndo } from '../../bulk/undo';
import type { Services } from '../../services';
import { bulkSession, type BulkRun } from './bulkSession';
import { runAndReport } from './runAndReport';
import { l10n } from '../../common/l10n';

const UNDO = (): string => l10n.t('Undo');

export async function undoLastBulkUpdate(services: Services): Promise<BulkRun | undefined> {
  const run = bulkSession(services).lastRun;
  if (!run || run.kind === 'undo' || run.undone) {
    await services.ui.showMessage('info', run?.undone || run?.kind === 'undo' ? l10n.t('The last bulk update was already undone.') : l10n.t('There is no bulk update to undo.'), {});
    return undefined;
  }
  const plan = planUndo(run.results, (email) => services.store.get(email));
  if (plan.jobs.length === 0) {
    const skipped = plan.skipped.length;
    const message = skipped === 0
      ? l10n.t('Nothing to undo: no guest still has the values the last {0} set.', run.title.toLowerCase())
      : skipped === 1
        ? l10n.t('Nothing to undo: no guest still has the values the last {0} set. {1} guest was changed again since.', run.title.toLowerCase(), skipped)
        : l10n.t('Nothing to undo: no guest still has the values the last {0} set. {1} guests were changed again since.', run.title.toLowerCase(), skipped);
    await services.ui.showMessage('info', message, {});
    return undefined;
  }
  const count = plan.jobs.length;
  const detail = [
    l10n.t('Request undone: {0}', run.request),
    plan.skipped.length === 0 ? '' : plan.skipped.length === 1
      ? l10n.t('{0} guest changed again since will be left alone.', plan.skipped.length)
      : l10n.t('{0} guests changed again since will be left alone.', plan.skipped.length),
    l10n.t('Guests it created are not deleted.'),
  ].filter((line) => line !== '').join('\n');
  const choice = await services.ui.showMessage('warning', count === 1
    ? l10n.t('Undo the last {0}? {1} guest will get their previous values back.', run.title.toLowerCase(), count)
    : l10n.t('Undo the last {0}? {1} guests will get their previous values back.', run.title.toLowerCase(), count), { modal: true, detail }, UNDO());
  if (choice !== UNDO()) return undefined;
  const undone = await runAndReport(services, {
    kind: 'undo',
    title: l10n.t('Undo Bulk Update'),
    request: l10n.t('Put back the values from before: {0}', run.request),
    jobs: plan.jobs,
    notSent: plan.skipped,
  });
  if (undone) run.undone = true;
  return undone;
}
