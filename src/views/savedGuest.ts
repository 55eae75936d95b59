// What follows every successful write of a guest, wherever it came from (form, quick input,
// undo): the store and tree get the guest exactly as Tallyfy returned it, it becomes the "last
// guest" of the status bar, and fields Tallyfy silently ignored are named instead of claiming success.
import type { EditableField, Guest } from '../api/types';
import { FIELDS } from '../model/fields';
import type { Services } from '../services';
import { l10n } from '../common/l10n';

export function fieldLabels(fields: readonly EditableField[]): string {
  return fields.map((field) => FIELDS[field].label).join(', ');
}

/** The sentence shown in the form and in a notification when Tallyfy ignored some fields. */
export function unappliedMessage(fields: readonly EditableField[]): string {
  return l10n.t('Tallyfy answered with success but did not apply: {0}. ', fieldLabels(fields)) +
    l10n.t('Those fields still have their previous values in Tallyfy (its current API only lets the associated members of a guest change).');
}

export function recordSavedGuest(services: Services, guest: Guest): void {
  services.store.upsert(guest);
  services.lastGuest = guest;
}
