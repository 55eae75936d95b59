// Tallyfy: Import Guests from CSV… Reads the file (header names the fields, `email` names the
// guest), looks up emails the loaded list does not have, shows a dry run (create / update /
// unchanged / invalid with reasons) and, once confirmed, applies it with the bulk machinery.
// Invalid rows never reach the API.
import * as vscode from 'vscode';
import { CancelledError, NotFoundError } from '../../api/errors';
import type { Guest } from '../../api/types';
import type { BulkJob } from '../../bulk/bulkEngine';
import { planImport, type ImportPlan } from '../../bulk/importPlan';
import { renderImportPlan, summariseImport } from '../../bulk/importPlanText';
import { runBulk } from '../../bulk/runBulk';
import { CsvFormatError, readCsv } from '../../model/csv';
import type { Services } from '../../services';
import { guestKey } from '../../state/guestStore';
import { showReportText } from '../../views/bulkReport';
import { withApiProgress } from '../../views/progress';
import { maxConcurrentRequests, type BulkRun } from '../bulk/bulkSession';
import { runAndReport } from '../bulk/runAndReport';

export interface ImportOutcome {
  plan: ImportPlan;
  /** The bulk run, when the import was applied. */
  run?: BulkRun;
}

const APPLY = (): string => vscode.l10n.t('Apply Import');

export async function importGuestsCsv(services: Services, source?: unknown): Promise<ImportOutcome | undefined> {
  const uri = source instanceof vscode.Uri ? source : (await vscode.window.showOpenDialog({ title: vscode.l10n.t('Import Tallyfy guests from CSV'), openLabel: vscode.l10n.t('Preview Import'), canSelectMany: false, filters: { [vscode.l10n.t('CSV (UTF-8)')]: ['csv'] } }))?.[0];
  if (!uri) return undefined;
  const fileName = uri.path.split('/').pop() ?? uri.path;
  let plan: ImportPlan;
  try {
    const text = decodeUtf8(await vscode.workspace.fs.readFile(uri));
    const table = readCsv(text);
    // Rows that would create a guest may name one the loaded list lacks (a filter hides it): look
    // those up. Only valid rows are looked up, so an invalid row causes no request at all.
    const firstPass = planImport(table, (email) => services.store.get(email));
    const lookedUp = await lookUpUnknown(services, firstPass.rows.flatMap((row) => (row.kind === 'create' ? [row.email] : [])));
    plan = lookedUp.size === 0 ? firstPass : planImport(table, (email) => services.store.get(email) ?? lookedUp.get(guestKey(email)));
  } catch (error) {
    if (error instanceof CsvFormatError) {
      await services.ui.showMessage('error', vscode.l10n.t('Cannot import {0}: {1}', fileName, error.message), {});
      return undefined;
    }
    throw error;
  }
  await showReportText(services, vscode.l10n.t('CSV Import Preview'), new Date(), renderImportPlan(fileName, plan));
  const jobs = plan.rows.flatMap((row): BulkJob[] =>
    row.kind === 'create' ? [{ kind: 'create', input: row.input }] : row.kind === 'update' ? [{ kind: 'update', guest: row.guest, changes: row.changes }] : [],
  );
  const summary = summariseImport(plan);
  if (jobs.length === 0) {
    await services.ui.showMessage('info', vscode.l10n.t('Nothing to import from {0}: {1}.', fileName, summary), {});
    return { plan };
  }
  // Not modal: the preview stays readable (and scrollable) while the question is open.
  const choice = await services.ui.showMessage('warning', vscode.l10n.t('Import {0}? {1}. The preview lists every row; invalid rows are not sent.', fileName, summary), {}, APPLY());
  if (choice !== APPLY()) return { plan };
  const notSent = plan.rows.flatMap((row) => (row.kind === 'invalid' ? [{ email: row.email || vscode.l10n.t('(line {0})', row.line), name: vscode.l10n.t('line {0}', row.line), reason: vscode.l10n.t('Invalid row: {0}', row.reasons.join(' ')) }] : []));
  const run = await runAndReport(services, { kind: 'import', title: vscode.l10n.t('CSV Import'), request: vscode.l10n.t('Import {0} ({1})', fileName, summary), jobs, notSent });
  return { plan, run };
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CsvFormatError(vscode.l10n.t('The file is not UTF-8 text. Save it as "CSV UTF-8" and try again.'));
  }
}

/** Guests named in the file but not in the loaded list (a filter may hide them): read each once. */
async function lookUpUnknown(services: Services, emails: readonly string[]): Promise<Map<string, Guest>> {
  const unknown = [...new Map(emails.filter((e) => !services.store.get(e)).map((e) => [guestKey(e), e])).values()];
  const found = new Map<string, Guest>();
  if (unknown.length === 0) return found;
  const api = services.client();
  const results = await withApiProgress({ title: unknown.length === 1 ? vscode.l10n.t('Tallyfy: Looking up {0} guest from the file…', unknown.length) : vscode.l10n.t('Tallyfy: Looking up {0} guests from the file…', unknown.length), log: services.log }, (request) =>
    runBulk(unknown, (email) => api.getGuest(email, {}, request), { concurrency: maxConcurrentRequests(), signal: request.signal }),
  );
  for (const r of results) {
    if (r.status === 'ok' && r.value) found.set(guestKey(r.item), r.value);
    else if (r.status === 'failed' && !(r.error instanceof NotFoundError)) throw r.error;
    else if (r.status === 'cancelled' || r.status === 'notStarted') throw new CancelledError();
  }
  return found;
}
