// The question asked when a guest changed in Tallyfy while the user was editing it. The modal
// names the fields that differ and their value in Tallyfy now (as plain text).
import type { EditableField } from '../api/types';
import type { Conflict } from '../editing/conflict';
import type { ConflictChoice } from '../editing/saveGuest';
import { FIELDS, formatFieldValue } from '../model/fields';
import { singleLine } from '../model/text';
import type { Services } from '../services';

export const OVERWRITE = 'Overwrite';
export const RELOAD_THEIR_VERSION = 'Reload Their Version';

export function describeConflictFields(fields: readonly EditableField[], conflict: Conflict): string {
  if (fields.length === 0) return 'Tallyfy reports a newer version, but none of the fields you can edit differ.';
  const lines = fields.map((field) => {
    const value = formatFieldValue(field, conflict.fresh[field]);
    return `${FIELDS[field].label}: now ${value === '' ? '(empty)' : `"${singleLine(value, 80)}"`}`;
  });
  return `Changed in Tallyfy:\n${lines.join('\n')}`;
}

/** Overwrite, reload (when offered) or cancel; closing the dialog cancels. */
export async function askAboutConflict(
  services: Services,
  guestLabel: string,
  conflict: Conflict,
  options: { offerReload: boolean; action: string },
): Promise<ConflictChoice> {
  const buttons = options.offerReload ? [OVERWRITE, RELOAD_THEIR_VERSION] : [OVERWRITE];
  const explain = options.offerReload
    ? `${OVERWRITE} ${options.action} anyway. ${RELOAD_THEIR_VERSION} shows their values and keeps your other edits. Cancel changes nothing.`
    : `${OVERWRITE} ${options.action} anyway. Cancel changes nothing.`;
  const choice = await services.ui.showMessage(
    'warning',
    `${singleLine(guestLabel, 80)} was changed in Tallyfy by someone else since you started.`,
    { modal: true, detail: `${describeConflictFields(conflict.fields, conflict)}\n\n${explain}` },
    ...buttons,
  );
  if (choice === OVERWRITE) return 'overwrite';
  if (choice === RELOAD_THEIR_VERSION && options.offerReload) return 'reload';
  return 'cancel';
}
