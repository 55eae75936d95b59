// Tallyfy: Bulk Update Guests… On the guests selected in the tree (or picked), set fields to a
// value, after a preview of what changes and what is skipped; then the shared bulk run (progress,
// cancel, report, undo). Resolves with the run, so callers (and tests) see every guest's result.
import { operationsJob, type BulkJob } from '../../bulk/bulkEngine';
import { dependsOnCurrentMembers, describeOperation, describePlan, planBulkChange } from '../../model/bulkChange';
import { displayName } from '../../model/guestDisplay';
import type { Services } from '../../services';
import { pickGuests } from '../../views/guestMultiPicker';
import { guestsFromArgs } from '../guestArgs';
import { askOperations } from './askOperations';
import type { BulkRun } from './bulkSession';
import { runAndReport } from './runAndReport';
import { l10n } from '../../common/l10n';

export async function bulkUpdateGuests(services: Services, node?: unknown, nodes?: readonly unknown[]): Promise<BulkRun | undefined> {
  const selected = guestsFromArgs(services, node, nodes);
  const guests = selected.length > 0 ? selected : await pickGuests(services, l10n.t('Bulk update: choose the guests'));
  if (!guests || guests.length === 0) return undefined;
  const operations = await askOperations(services, guests.length);
  if (!operations) return undefined;

  const plan = planBulkChange(guests, operations);
  const fresh = dependsOnCurrentMembers(operations);
  if (plan.changes.length === 0 && !fresh) {
    await services.ui.showMessage('info', guests.length === 1 ? l10n.t('Nothing to change: the guest already has that value.') : l10n.t('Nothing to change: all {0} guests already have that value.', guests.length), {});
    return undefined;
  }
  const count = fresh ? guests.length : plan.changes.length;
  const button = count === 1 ? l10n.t('Update {0} Guest', count) : l10n.t('Update {0} Guests', count);
  const detail = describePlan(plan, operations) + (fresh ? l10n.t('\nEach member list is read from Tallyfy again right before its change, so the final counts may differ.') : '');
  const choice = await services.ui.showMessage('warning', count === 1 ? l10n.t('Update {0} guest in Tallyfy?', count) : l10n.t('Update {0} guests in Tallyfy?', count), { modal: true, detail }, button);
  if (choice !== button) return undefined;

  const jobs: BulkJob[] = fresh ? guests.map((g) => operationsJob(g, operations)) : plan.changes.map((c) => operationsJob(c.guest, operations));
  const notSent = fresh ? [] : plan.unchanged.map((g) => ({ email: g.email, name: displayName(g), reason: l10n.t('Already at that value.') }));
  return runAndReport(services, { kind: 'update', title: l10n.t('Bulk Update'), request: operations.map(describeOperation).join('; '), jobs, notSent });
}
