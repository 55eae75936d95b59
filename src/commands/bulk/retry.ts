// Tallyfy: Retry Failed Bulk Update. Sends the failed and unsent guests of the last run again;
// their new results replace the old ones in that run (so its undo still covers everything).
import { retryJobs } from '../../bulk/undo';
import type { Services } from '../../services';
import { bulkSession, type BulkRun } from './bulkSession';
import { runAndReport } from './runAndReport';
import { l10n } from '../../common/l10n';

export async function retryFailedBulkUpdate(services: Services): Promise<BulkRun | undefined> {
  const run = bulkSession(services).lastRun;
  const jobs = run ? retryJobs(run.results, (email) => services.store.get(email)) : [];
  if (!run || jobs.length === 0) {
    await services.ui.showMessage('info', l10n.t('The last bulk update has no failed or unsent guests to retry.'), {});
    return undefined;
  }
  return runAndReport(services, { kind: run.kind, title: run.title, request: run.request, jobs, retryOf: run });
}
