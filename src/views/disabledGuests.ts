// `tallyfy.showDisabledGuests`: whether the tree (and what is exported from it) includes guests
// whose status is "disabled". Default true.
import * as vscode from 'vscode';
import type { Guest } from '../api/types';

export const SHOW_DISABLED_SETTING = 'tallyfy.showDisabledGuests';

export function showDisabledGuests(): boolean {
  return vscode.workspace.getConfiguration('tallyfy').get<boolean>('showDisabledGuests', true) !== false;
}

export function isDisabled(guest: Guest): boolean {
  return guest.status === 'disabled';
}

/** The guests the tree shows: all of them, or without the disabled ones when the setting says so. */
export function visibleGuests(guests: readonly Guest[]): Guest[] {
  return showDisabledGuests() ? [...guests] : guests.filter((g) => !isDisabled(g));
}
