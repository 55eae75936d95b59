// Tallyfy: Export Guests to CSV… Every guest the tree shows (the current filter and the
// show-disabled setting apply), in the tree's order, one column per field, to a file chosen in a
// save dialog (or the Uri given as the argument, which tests use).
import * as vscode from 'vscode';
import { guestsToCsv } from '../../model/csv';
import { sortGuests } from '../../model/guestList';
import type { Services } from '../../services';
import { readSettings } from '../../session/settings';
import { showDisabledGuests, visibleGuests } from '../../views/disabledGuests';

const OPEN = 'Open File';

export async function exportGuestsCsv(services: Services, target?: unknown): Promise<vscode.Uri | undefined> {
  if (services.session.state === 'signedOut') {
    await services.ui.showMessage('info', 'Sign in to Tallyfy first: the export writes the guests listed in the Tallyfy view.', {});
    return undefined;
  }
  if (services.store.size === 0 && services.session.state !== 'empty') await services.refresh();
  const settings = readSettings();
  const guests = sortGuests(visibleGuests(services.store.all()), settings.sortBy);
  if (guests.length === 0) {
    await services.ui.showMessage('info', 'There are no guests to export (check the filter).', {});
    return undefined;
  }
  const uri = target instanceof vscode.Uri ? target : await askTarget(settings.organizationId);
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, Buffer.from(guestsToCsv(guests), 'utf8'));
  // The Session contract has no filter; the extension's session does (the tree's filter text).
  const filter = (services.session as { filter?: string }).filter;
  const scope = [
    filter !== undefined ? `filter "${filter}"` : '',
    showDisabledGuests() ? '' : 'disabled guests hidden',
  ].filter((s) => s !== '');
  services.log.info(`Exported ${guests.length} guests to ${uri.fsPath}`);
  void Promise.resolve(
    services.ui.showMessage('info', `Exported ${guests.length} guest${guests.length === 1 ? '' : 's'} to ${uri.path.split('/').pop()}${scope.length > 0 ? ` (${scope.join(', ')})` : ''}.`, {}, OPEN),
  ).then((choice) => (choice === OPEN ? vscode.window.showTextDocument(uri) : undefined));
  return uri;
}

function askTarget(organizationId: string): Thenable<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `tallyfy-guests-${organizationId.replace(/[^\w.-]+/g, '_') || 'export'}-${new Date().toISOString().slice(0, 10)}.csv`;
  return vscode.window.showSaveDialog({
    title: 'Export Tallyfy guests to CSV',
    saveLabel: 'Export',
    filters: { 'CSV (UTF-8)': ['csv'] },
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
  });
}
