// Tallyfy: Export Guests to CSV… Every guest the tree shows (the current filter and the
// show-disabled setting apply), in the tree's order, one column per field, to a file chosen in a
// save dialog (or the Uri given as the argument, which tests use).
import * as vscode from 'vscode';
import { guestsToCsv } from '../../model/csv';
import { sortGuests } from '../../model/guestList';
import type { Services } from '../../services';
import { readSettings } from '../../session/settings';
import { showDisabledGuests, visibleGuests } from '../../views/disabledGuests';

const OPEN = (): string => vscode.l10n.t('Open File');

function exportedMessage(count: number, fileName: string, scope: readonly string[]): string {
  if (scope.length > 0) {
    const within = scope.join(', ');
    return count === 1 ? vscode.l10n.t('Exported {0} guest to {1} ({2}).', count, fileName, within) : vscode.l10n.t('Exported {0} guests to {1} ({2}).', count, fileName, within);
  }
  return count === 1 ? vscode.l10n.t('Exported {0} guest to {1}.', count, fileName) : vscode.l10n.t('Exported {0} guests to {1}.', count, fileName);
}

export async function exportGuestsCsv(services: Services, target?: unknown): Promise<vscode.Uri | undefined> {
  if (services.session.state === 'signedOut') {
    await services.ui.showMessage('info', vscode.l10n.t('Sign in to Tallyfy first: the export writes the guests listed in the Tallyfy view.'), {});
    return undefined;
  }
  if (services.store.size === 0 && services.session.state !== 'empty') await services.refresh();
  const settings = readSettings();
  const guests = sortGuests(visibleGuests(services.store.all()), settings.sortBy);
  if (guests.length === 0) {
    await services.ui.showMessage('info', vscode.l10n.t('There are no guests to export (check the filter).'), {});
    return undefined;
  }
  const uri = target instanceof vscode.Uri ? target : await askTarget(settings.organizationId);
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, Buffer.from(guestsToCsv(guests), 'utf8'));
  // The Session contract has no filter; the extension's session does (the tree's filter text).
  const filter = (services.session as { filter?: string }).filter;
  const scope = [
    filter !== undefined ? vscode.l10n.t('filter "{0}"', filter) : '',
    showDisabledGuests() ? '' : vscode.l10n.t('disabled guests hidden'),
  ].filter((s) => s !== '');
  services.log.info(`Exported ${guests.length} guests to ${uri.fsPath}`);
  void Promise.resolve(
    services.ui.showMessage('info', exportedMessage(guests.length, uri.path.split('/').pop() ?? '', scope), {}, OPEN()),
  ).then((choice) => (choice === OPEN() ? vscode.window.showTextDocument(uri) : undefined));
  return uri;
}

function askTarget(organizationId: string): Thenable<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `tallyfy-guests-${organizationId.replace(/[^\w.-]+/g, '_') || 'export'}-${new Date().toISOString().slice(0, 10)}.csv`;
  return vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export Tallyfy guests to CSV'),
    saveLabel: vscode.l10n.t('Export'),
    filters: { [vscode.l10n.t('CSV (UTF-8)')]: ['csv'] },
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
  });
}
