// Tallyfy: Show Last Bulk Update Report (the notification's button is gone once it is dismissed).
import type * as vscode from 'vscode';
import type { Services } from '../../services';
import { showBulkReport } from '../../views/bulkReport';
import { bulkSession, reportOf } from './bulkSession';
import { l10n } from '../../common/l10n';

export async function showLastBulkReport(services: Services): Promise<vscode.Uri | undefined> {
  const run = bulkSession(services).lastRun;
  if (!run) {
    await services.ui.showMessage('info', l10n.t('No bulk update has run in this window yet.'), {});
    return undefined;
  }
  return showBulkReport(services, reportOf(run));
}
