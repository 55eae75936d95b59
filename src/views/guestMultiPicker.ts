// "Which guests?" for the bulk commands run from the palette: a multi-select quick pick over the
// loaded guests (name, email, company; typing filters on all three).
import * as vscode from 'vscode';
import type { Guest } from '../api/types';
import type { Services } from '../services';
import { guestPickItems } from './guestPicker';

export async function pickGuests(services: Services, title: string): Promise<Guest[] | undefined> {
  if (services.session.state === 'signedOut') {
    const choice = await services.ui.showMessage('info', 'Sign in to Tallyfy first.', {}, 'Sign In');
    if (choice === 'Sign In') await vscode.commands.executeCommand('tallyfy.signIn');
    return undefined;
  }
  const items = services.store.size > 0 ? guestPickItems(services.store.all()) : services.refresh().then(() => guestPickItems(services.store.all()));
  const picked = await services.ui.showQuickPickMany(items, {
    title,
    placeHolder: 'Select guests (type a name, email or company to filter; Space toggles)',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked && picked.length > 0 ? picked.map((item) => item.guest) : undefined;
}
