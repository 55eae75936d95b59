// Tallyfy: Refresh Guests. Reloads the list (and, after a base URL change, asks to confirm it first).
import * as vscode from 'vscode';
import type { Services } from '../../services';

export async function refreshGuests(services: Services): Promise<void> {
  if (services.session.state === 'signedOut') {
    const signInLabel = vscode.l10n.t('Sign In');
    const choice = await services.ui.showMessage('info', vscode.l10n.t('Sign in to Tallyfy to see your guests.'), {}, signInLabel);
    if (choice === signInLabel) await vscode.commands.executeCommand('tallyfy.signIn');
    return;
  }
  await services.refresh();
}
