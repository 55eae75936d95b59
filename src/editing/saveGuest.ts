// Saving an edit: only the changed fields are sent, after reading the guest again to make sure
// nobody changed it in Tallyfy since the edit started. The caller decides what a conflict means
// (the form and the quick input ask the user; undo only offers to overwrite).
import type { RequestOptions, TallyfyApi } from '../api/tallyfyApi';
import type { EditableField, Guest, GuestChanges, GuestFields } from '../api/types';
import { diffGuest, unappliedFields } from '../model/diff';
import { findConflict, type Conflict, type EditBase } from './conflict';

export type ConflictChoice = 'overwrite' | 'reload' | 'cancel';

export type GuestWriter = Pick<TallyfyApi, 'getGuest' | 'updateGuest'>;

export interface SaveInput {
  email: string;
  base: EditBase;
  edited: GuestFields;
  resolveConflict(conflict: Conflict): Promise<ConflictChoice>;
  request?: RequestOptions;
}

export type SaveOutcome =
  | { kind: 'unchanged' }
  /** `before` is the guest as read just before the PUT; `unapplied` lists sent fields Tallyfy did not take. */
  | { kind: 'saved'; guest: Guest; sent: GuestChanges; unapplied: EditableField[]; before: Guest }
  | { kind: 'reload'; conflict: Conflict }
  | { kind: 'cancelled'; conflict: Conflict };

export async function saveGuest(api: GuestWriter, input: SaveInput): Promise<SaveOutcome> {
  const changes = diffGuest(input.base.fields, input.edited);
  if (Object.keys(changes).length === 0) return { kind: 'unchanged' };
  const fresh = await api.getGuest(input.email, undefined, input.request);
  const conflict = findConflict(input.base, fresh);
  if (conflict) {
    const choice = await input.resolveConflict(conflict);
    if (choice === 'reload') return { kind: 'reload', conflict };
    if (choice !== 'overwrite') return { kind: 'cancelled', conflict };
  }
  // Overwrite sends the user's changes only: fields someone else changed and the user did not
  // touch keep the other person's value.
  const guest = await api.updateGuest(input.email, changes, input.request);
  return { kind: 'saved', guest, sent: changes, unapplied: unappliedFields(changes, guest), before: fresh };
}
