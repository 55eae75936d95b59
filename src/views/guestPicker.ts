// "Which guest?" for commands run from the palette: a quick pick over the loaded guests with name,
// email and company; typing filters on all three.
import * as vscode from 'vscode';
import type { Guest } from '../api/types';
import { displayName, guestDescription, singleLine } from '../model/guestDisplay';
import { sortGuests } from '../model/guestList';
import type { Services } from '../services';

interface GuestPick extends vscode.QuickPickItem {
  guest: Guest;
}

// Quick pick labels render $(icon) syntax; a guest's name must show as typed.
function plain(text: string): string {
  return singleLine(text, 120).replace(/\$\(/g, '$\u200b(');
}

export function guestPickItems(guests: readonly Guest[]): GuestPick[] {
  return sortGuests(guests, 'name').map((guest) => {
    const name = displayName(guest);
    return {
      label: plain(name),
      description: name === guest.email ? undefined : plain(guest.email),
      detail: guestDescription(guest) ? plain(guestDescription(guest)) : undefined,
      guest,
    };
  });
}

export async function pickGuest(services: Services, title: string): Promise<Guest | undefined> {
  if (services.session.state === 'signedOut') {
    const choice = await services.ui.showMessage('info', 'Sign in to Tallyfy first.', {}, 'Sign In');
    if (choice === 'Sign In') await vscode.commands.executeCommand('tallyfy.signIn');
    return undefined;
  }
  const items = services.store.size > 0 ? guestPickItems(services.store.all()) : services.refresh().then(() => guestPickItems(services.store.all()));
  const picked = await services.ui.showQuickPick(items, {
    title,
    placeHolder: 'Type a name, email or company',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.guest;
}
