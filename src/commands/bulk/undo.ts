// Tallyfy: Undo Last Bulk Update. Puts back the previous values of the guests the last bulk update
// (or CSV import) changed, after a modal confirmation. Each guest is read again right before its
// write; fields someone changed since are left as they are, and the report says so.
import { planUndo } from '../../bulk/undo';
import type { Services } from '../../services';
import { bulkSession, type BulkRun } from './bulkSession';
import { runAndReport } from './runAndReport';

const UNDO = 'Undo';

export async function undoLastBulkUpdate(services: Services): Promise<BulkRun | undefined> {
  const run = bulkSession(services).lastRun;
  if (!run || run.kind === 'undo' || run.undone) {
    await services.ui.showMessage('info', run?.undone || run?.kind === 'undo' ? 'The last bulk update was already undone.' : 'There is no bulk update to undo.', {});
    return undefined;
  }
  const plan = planUndo(run.results, (email) => services.store.get(email));
  if (plan.jobs.length === 0) {
    const why = plan.skipped.length > 0 ? ` ${plan.skipped.length} guest${plan.skipped.length === 1 ? ' was' : 's were'} changed again since.` : '';
    await services.ui.showMessage('info', `Nothing to undo: no guest still has the values the last ${run.title.toLowerCase()} set.${why}`, {});
    return undefined;
  }
  const count = plan.jobs.length;
  const detail = [
    `Request undone: ${run.request}`,
    plan.skipped.length > 0 ? `${plan.skipped.length} guest${plan.skipped.length === 1 ? '' : 's'} changed again since will be left alone.` : '',
    'Guests it created are not deleted.',
  ].filter((line) => line !== '').join('\n');
  const choice = await services.ui.showMessage('warning', `Undo the last ${run.title.toLowerCase()}? ${count} guest${count === 1 ? '' : 's'} will get their previous values back.`, { modal: true, detail }, UNDO);
  if (choice !== UNDO) return undefined;
  const undone = await runAndReport(services, {
    kind: 'undo',
    title: 'Undo Bulk Update',
    request: `Put back the values from before: ${run.request}`,
    jobs: plan.jobs,
    notSent: plan.skipped,
  });
  if (undone) run.undone = true;
  return undone;
}
