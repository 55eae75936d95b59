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

/**
 * The items for a guest picker, or undefined (after offering to sign in) when signed out. While the
 * list has not been loaded yet, the picker shows its busy state until the first load finishes.
 */
export async function guestPickSource(services: Services): Promise<{ items: GuestPick[] | Thenable<GuestPick[]> } | undefined> {
  if (services.session.state === 'signedOut') {
    const signInLabel = vscode.l10n.t('Sign In');
    const choice = await services.ui.showMessage('info', vscode.l10n.t('Sign in to Tallyfy first.'), {}, signInLabel);
    if (choice === signInLabel) await vscode.commands.executeCommand('tallyfy.signIn');
    return undefined;
  }
  // Wrapped so that awaiting this function does not also await the load.
  return { items: services.store.size > 0 ? guestPickItems(services.store.all()) : services.refresh().then(() => guestPickItems(services.store.all())) };
}

export async function pickGuest(services: Services, title: string): Promise<Guest | undefined> {
  const source = await guestPickSource(services);
  if (!source) return undefined;
  const picked = await services.ui.showQuickPick(source.items, {
    title,
    placeHolder: vscode.l10n.t('Type a name, email or company'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.guest;
}
