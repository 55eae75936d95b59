// One bulk run from start to end, shared by bulk update, its undo and retry, and CSV import:
// progress with cancel, the writes through the one client, the store updated guest by guest, the
// report, and a notification offering the next step. Resolves when the run is over (not when the
// notification is dismissed), with what happened to each guest.
import * as vscode from 'vscode';
import { CancelledError } from '../../api/errors';
import { runBulkJobs, type BulkJob } from '../../bulk/bulkEngine';
import { countByStatus, summaryLine } from '../../bulk/reportText';
import type { Services } from '../../services';
import { guestKey } from '../../state/guestStore';
import { showBulkReport } from '../../views/bulkReport';
import { withBulkProgress } from '../../views/bulkProgress';
import { showError } from '../../views/showError';
import { bulkSession, maxConcurrentRequests, reportOf, type BulkRun, type BulkRunKind } from './bulkSession';

export interface BulkRunSpec {
  kind: BulkRunKind;
  title: string;
  /** What was asked for, one line. */
  request: string;
  jobs: BulkJob[];
  notSent?: BulkRun['notSent'];
  /** A retry: its results replace the retried guests' results in this run. */
  retryOf?: BulkRun;
}

const RETRY = (): string => vscode.l10n.t('Retry Failed');
const UNDO = (): string => vscode.l10n.t('Undo');
const SHOW_REPORT = (): string => vscode.l10n.t('Show Report');

export async function runAndReport(services: Services, spec: BulkRunSpec): Promise<BulkRun | undefined> {
  const session = bulkSession(services);
  const controller = session.begin();
  if (!controller) {
    await services.ui.showMessage('warning', vscode.l10n.t('A bulk update is already running. Wait for it to finish, or run "Tallyfy: Cancel Bulk Update".'), {});
    return undefined;
  }
  try {
    const api = services.client();
    const outcome = await withBulkProgress(vscode.l10n.t('Tallyfy: {0}', spec.title), controller, (hooks) =>
      runBulkJobs(api, spec.jobs, services.store, { concurrency: maxConcurrentRequests(), ...hooks }),
    );
    const run: BulkRun = {
      kind: spec.retryOf?.kind ?? spec.kind,
      title: spec.retryOf?.title ?? spec.title,
      request: spec.retryOf?.request ?? spec.request,
      results: outcome.results,
      notSent: spec.retryOf?.notSent ?? spec.notSent ?? [],
      cancelled: controller.signal.aborted && outcome.fatal === undefined,
      finishedAt: new Date(),
    };
    if (spec.retryOf) {
      const retried = new Map(outcome.results.map((r) => [guestKey(r.email), r]));
      run.results = spec.retryOf.results.map((r) => retried.get(guestKey(r.email)) ?? r);
    }
    session.setLastRun(run);
    services.log.info(`${run.title}: ${summaryLine(outcome.results, spec.notSent?.length ?? 0)}${run.cancelled ? ' (cancelled)' : ''}`);
    await showBulkReport(services, reportOf(run));
    if (outcome.fatal !== undefined) await showError(services, outcome.fatal, { action: spec.title });
    else notify(services, run, spec.retryOf ? outcome.results : run.results);
    return run;
  } catch (error) {
    if (!(error instanceof CancelledError)) await showError(services, error, { action: spec.title });
    return undefined;
  } finally {
    session.end(controller);
  }
}

function notify(services: Services, run: BulkRun, resultsOfThisRun: BulkRun['results']): void {
  const counts = countByStatus(resultsOfThisRun);
  const unfinished = counts.failed + counts.cancelled;
  const actions: string[] = [];
  if (unfinished > 0) actions.push(RETRY());
  if (run.kind !== 'undo' && counts.changed + counts.notApplied > 0) actions.push(UNDO());
  actions.push(SHOW_REPORT());
  const severity = counts.failed > 0 || counts.notApplied > 0 ? 'warning' : 'info';
  const message = `${run.title}${run.cancelled ? vscode.l10n.t(' cancelled') : ''}: ${summaryLine(resultsOfThisRun)}.`;
  // Not awaited: the command is done when the run is; the buttons act on the last run later.
  void Promise.resolve(services.ui.showMessage(severity, message, {}, ...actions)).then((choice) => {
    if (choice === RETRY()) return vscode.commands.executeCommand('tallyfy.retryFailedBulkUpdate');
    if (choice === UNDO()) return vscode.commands.executeCommand('tallyfy.undoLastBulkUpdate');
    if (choice === SHOW_REPORT()) return showBulkReport(services, reportOf(run));
    return undefined;
  });
}
