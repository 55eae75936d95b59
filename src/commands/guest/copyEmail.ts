// Tallyfy: Copy Guest Email. Copies the clicked guest's email, or every selected guest's.
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { pickGuest } from '../../views/guestPicker';
import { guestsFromArgs } from '../guestArgs';

export async function copyGuestEmail(services: Services, node?: unknown, nodes?: readonly unknown[]): Promise<void> {
  let guests = guestsFromArgs(services, node, nodes);
  if (guests.length === 0) {
    const picked = await pickGuest(services, vscode.l10n.t('Copy the email of…'));
    if (!picked) return;
    guests = [picked];
  }
  // Comma-separated: pastes straight into an email's To field.
  await vscode.env.clipboard.writeText(guests.map((g) => g.email).join(', '));
  void services.ui.showMessage('info', guests.length === 1 ? vscode.l10n.t('Copied {0}.', guests[0].email) : vscode.l10n.t('Copied {0} email addresses.', guests.length), {});
}
