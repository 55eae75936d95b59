// Tallyfy: Refresh Guests. Reloads the list (and, after a base URL change, asks to confirm it first).
import * as vscode from 'vscode';
import type { Services } from '../../services';

export async function refreshGuests(services: Services): Promise<void> {
  if (services.session.state === 'signedOut') {
    const choice = await services.ui.showMessage('info', 'Sign in to Tallyfy to see your guests.', {}, 'Sign In');
    if (choice === 'Sign In') await vscode.commands.executeCommand('tallyfy.signIn');
    return;
  }
  await services.refresh();
}
