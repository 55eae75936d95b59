// "Which guests?" for the bulk commands run from the palette: a multi-select quick pick over the
// loaded guests (name, email, company; typing filters on all three).
import * as vscode from 'vscode';
import type { Guest } from '../api/types';
import type { Services } from '../services';
import { guestPickSource } from './guestPicker';

export async function pickGuests(services: Services, title: string): Promise<Guest[] | undefined> {
  const source = await guestPickSource(services);
  if (!source) return undefined;
  const picked = await services.ui.showQuickPickMany(source.items, {
    title,
    placeHolder: vscode.l10n.t('Select guests (type a name, email or company to filter; Space toggles)'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked && picked.length > 0 ? picked.map((item) => item.guest) : undefined;
}
