// Undo of a bulk run: put back the previous values of the fields it changed, guest by guest,
// leaving alone any field someone changed again since (their edit wins; the report says so).
// Pure: no `vscode`.
import type { Guest } from '../api/types';
import { isEmptyChange, undoStep } from '../model/bulkChange';
import type { BulkJob, GuestResult } from './bulkEngine';
import { l10n } from '../common/l10n';

export interface UndoPlan {
  jobs: BulkJob[];
  /** Guests the run changed that will not be touched, with why. */
  skipped: { email: string; name: string; reason: string }[];
}

export function planUndo(results: readonly GuestResult[], current: (email: string) => Guest | undefined): UndoPlan {
  const plan: UndoPlan = { jobs: [], skipped: [] };
  for (const result of results) {
    if (result.status !== 'changed' && result.status !== 'notApplied') continue;
    if (isEmptyChange(result.applied)) continue;
    const guest = current(result.email);
    if (!guest) {
      plan.skipped.push({ email: result.email, name: result.name, reason: l10n.t('No longer in the guest list.') });
      continue;
    }
    const step = undoStep(guest, result.applied, result.previous);
    if (!isEmptyChange(step.changes)) plan.jobs.push(undoJob(guest, result));
    if (step.changedSince.length > 0) {
      plan.skipped.push({
        email: result.email,
        name: result.name,
        reason: l10n.t('Changed again since the bulk update, kept as it is now: {0}.', step.changedSince.join(', ')),
      });
    }
  }
  return plan;
}

/** Decided again from the guest as read right before the write, so a change made since (by
 *  anyone) is never overwritten, even one the loaded list does not know about yet. */
function undoJob(guest: Guest, result: GuestResult): BulkJob {
  const stepFor = (current: Guest) => undoStep(current, result.applied, result.previous);
  return {
    kind: 'update',
    guest,
    changes: stepFor(guest).changes,
    fromFresh: (fresh) => {
      const step = stepFor(fresh);
      const note = step.changedSince.length > 0 ? l10n.t('Left as changed since the bulk update: {0}.', step.changedSince.join(', ')) : undefined;
      return { changes: step.changes, note };
    },
  };
}

/** The jobs of the results that failed (or were cancelled), to send again. */
export function retryJobs(results: readonly GuestResult[], current: (email: string) => Guest | undefined): BulkJob[] {
  return results
    .filter((r) => r.status === 'failed' || r.status === 'cancelled')
    .map((r) => {
      const job = r.job;
      // Send the same change again, but from the guest as the store knows it now.
      if (job.kind === 'update') return { ...job, guest: current(r.email) ?? job.guest };
      return job;
    });
}
