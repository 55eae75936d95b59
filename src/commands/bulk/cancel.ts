// Tallyfy: Cancel Bulk Update. Same as the progress notification's Cancel: requests already sent
// finish (their results are reported), no new one starts.
import type { Services } from '../../services';
import { bulkSession } from './bulkSession';
import { l10n } from '../../common/l10n';

export async function cancelBulkUpdate(services: Services): Promise<boolean> {
  const cancelled = bulkSession(services).cancel();
  if (!cancelled) await services.ui.showMessage('info', l10n.t('No bulk update is running.'), {});
  return cancelled;
}
