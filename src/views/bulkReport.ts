// The report of a bulk run (and the CSV import preview) as a read-only virtual document (scheme `tallyfy-bulk-report:`). The
// provider is registered on first use (activation stays cheap) and owned by context.subscriptions.
// The text is rendered by bulk/reportText.ts from user-facing messages only: never the token.
import * as vscode from 'vscode';
import { renderReport, type BulkReport } from '../bulk/reportText';
import type { Services } from '../services';

export const BULK_REPORT_SCHEME = 'tallyfy-bulk-report';
/** Reports kept for reopening; older ones are dropped (their tabs then show a short note). */
const KEPT_REPORTS = 20;

class BulkReportProvider implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private counter = 0;

  add(title: string, when: Date, text: string): vscode.Uri {
    this.counter++;
    const stamp = when.toISOString().slice(0, 19).replace('T', ' ').replace(/:/g, '-');
    const uri = vscode.Uri.from({ scheme: BULK_REPORT_SCHEME, path: `/${title} ${this.counter} (${stamp}).txt` });
    this.texts.set(uri.toString(), text);
    while (this.texts.size > KEPT_REPORTS) this.texts.delete(this.texts.keys().next().value as string);
    return uri;
  }

  /** Forgets every report (they list guests: personal data, dropped on sign-out). */
  clear(): void {
    this.texts.clear();
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? vscode.l10n.t('This report is no longer kept (reports are dropped on sign-out, and only the last 20 are kept).\n');
  }
}

const providers = new WeakMap<Services, BulkReportProvider>();

function providerFor(services: Services): BulkReportProvider {
  let provider = providers.get(services);
  if (!provider) {
    provider = new BulkReportProvider();
    providers.set(services, provider);
    const created = provider;
    services.context.subscriptions.push(
      vscode.workspace.registerTextDocumentContentProvider(BULK_REPORT_SCHEME, provider),
      services.session.onDidChangeState((state) => {
        if (state === 'signedOut') created.clear();
      }),
    );
  }
  return provider;
}

/** Stores the report and opens it in an editor; resolves to its URI. */
export function showBulkReport(services: Services, report: BulkReport): Promise<vscode.Uri> {
  return showReportText(services, report.title, report.finishedAt, renderReport(report));
}

/** Any read-only text of the bulk commands (a report, an import preview), opened in an editor. */
export async function showReportText(services: Services, title: string, when: Date, text: string): Promise<vscode.Uri> {
  const uri = providerFor(services).add(title, when, text);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: true, preserveFocus: false });
  return uri;
}
