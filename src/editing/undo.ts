// One level of undo for guest updates: what to send to put back the values a successful update
// replaced, and the guest as that update left it (for the same conflict check as a save).
import type { RequestOptions } from '../api/tallyfyApi';
import type { EditableField, GuestFields } from '../api/types';
import { editBaseOf, type Conflict, type EditBase } from './conflict';
import { saveGuest, type GuestWriter, type SaveOutcome } from './saveGuest';

export interface UndoRecord {
  email: string;
  /** The fields Tallyfy applied, whose previous values undo restores. */
  fields: EditableField[];
  /** The guest right after the update: undo asks before overwriting anything changed since. */
  after: EditBase;
  /** The previous values of `fields`. */
  previous: Partial<Record<EditableField, unknown>>;
}

/** The undo record for a saved update, or undefined when Tallyfy applied none of the sent fields. */
export function undoRecordFor(saved: Extract<SaveOutcome, { kind: 'saved' }>): UndoRecord | undefined {
  const fields = (Object.keys(saved.sent) as EditableField[]).filter((field) => !saved.unapplied.includes(field));
  if (fields.length === 0) return undefined;
  const previous: Partial<Record<EditableField, unknown>> = {};
  for (const field of fields) previous[field] = saved.before[field] ?? null;
  return { email: saved.guest.email, fields, after: editBaseOf(saved.guest), previous };
}

/**
 * Puts the previous values back. A conflict (the guest changed since the update) is put to
 * `confirmOverwrite`; declining leaves Tallyfy untouched.
 */
export async function undoUpdate(
  api: GuestWriter,
  record: UndoRecord,
  confirmOverwrite: (conflict: Conflict) => Promise<boolean>,
  request?: RequestOptions,
): Promise<SaveOutcome> {
  const edited = { ...record.after.fields, ...record.previous } as GuestFields;
  return saveGuest(api, {
    email: record.email,
    base: record.after,
    edited,
    resolveConflict: async (conflict) => ((await confirmOverwrite(conflict)) ? 'overwrite' : 'cancel'),
    request,
  });
}
