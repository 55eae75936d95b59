// Tallyfy: Show Guest Details. Opens a read-only document with every field of the guest,
// stats included (tallyfy-guest: scheme, see views/guestDetailsDocument.ts).
import * as vscode from 'vscode';
import type { Services } from '../../services';
import { guestDetailsUri } from '../../views/guestDetailsDocument';
import { pickGuest } from '../../views/guestPicker';
import { guestFromArgs } from '../guestArgs';

export async function showGuestDetails(services: Services, node?: unknown): Promise<vscode.TextEditor | undefined> {
  const guest = guestFromArgs(services, node) ?? (await pickGuest(services, vscode.l10n.t('Show the details of…')));
  if (!guest) return undefined;
  services.lastGuest = guest;
  const document = await vscode.workspace.openTextDocument(guestDetailsUri(guest.email));
  return vscode.window.showTextDocument(document, { preview: true });
}
