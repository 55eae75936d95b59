// The question asked when a guest changed in Tallyfy while the user was editing it. The modal
// names the fields that differ and their value in Tallyfy now (as plain text).
import type { EditableField } from '../api/types';
import type { Conflict } from '../editing/conflict';
import type { ConflictChoice } from '../editing/saveGuest';
import { FIELDS, formatFieldValue } from '../model/fields';
import { singleLine } from '../model/text';
import type { Services } from '../services';
import { l10n } from '../common/l10n';

export const OVERWRITE = (): string => l10n.t('Overwrite');
export const RELOAD_THEIR_VERSION = (): string => l10n.t('Reload Their Version');

export function describeConflictFields(fields: readonly EditableField[], conflict: Conflict): string {
  if (fields.length === 0) return l10n.t('Tallyfy reports a newer version, but none of the fields you can edit differ.');
  const lines = fields.map((field) => {
    const value = formatFieldValue(field, conflict.fresh[field]);
    return value === '' ? l10n.t('{0}: now (empty)', FIELDS[field].label) : l10n.t('{0}: now "{1}"', FIELDS[field].label, singleLine(value, 80));
  });
  return l10n.t('Changed in Tallyfy:\n{0}', lines.join('\n'));
}

/** Overwrite, reload (when offered) or cancel; closing the dialog cancels. */
export async function askAboutConflict(
  services: Services,
  guestLabel: string,
  conflict: Conflict,
  options: { offerReload: boolean; action: string },
): Promise<ConflictChoice> {
  const buttons = options.offerReload ? [OVERWRITE(), RELOAD_THEIR_VERSION()] : [OVERWRITE()];
  const explain = options.offerReload
    ? l10n.t('{0} {1} anyway. {2} shows their values and keeps your other edits. Cancel changes nothing.', OVERWRITE(), options.action, RELOAD_THEIR_VERSION())
    : l10n.t('{0} {1} anyway. Cancel changes nothing.', OVERWRITE(), options.action);
  const choice = await services.ui.showMessage(
    'warning',
    l10n.t('{0} was changed in Tallyfy by someone else since you started.', singleLine(guestLabel, 80)),
    { modal: true, detail: `${describeConflictFields(conflict.fields, conflict)}\n\n${explain}` },
    ...buttons,
  );
  if (choice === OVERWRITE()) return 'overwrite';
  if (choice === RELOAD_THEIR_VERSION() && options.offerReload) return 'reload';
  return 'cancel';
}
