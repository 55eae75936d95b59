// Whether a guest changed in Tallyfy while someone was editing it. Tallyfy's 2025 guest shape
// carries `updated_at`, which settles it; the 2026 shape has none, so then the editable fields
// themselves are compared with the copy the edit started from.
import type { EditableField, Guest, GuestFields } from '../api/types';
import { conflictingFields } from '../model/diff';
import { pickFields } from './formValues';

/** What an edit started from: the fields as read, and the server's updated_at at that moment. */
export interface EditBase {
  fields: GuestFields;
  updatedAt: string | null;
}

export interface Conflict {
  /** The guest as Tallyfy has it now. */
  fresh: Guest;
  /** Editable fields that differ from the edit's base; can be empty when only updated_at moved. */
  fields: EditableField[];
}

export function editBaseOf(guest: Guest): EditBase {
  return { fields: pickFields(guest), updatedAt: guest.updated_at ?? null };
}

export function findConflict(base: EditBase, fresh: Guest): Conflict | undefined {
  const fields = conflictingFields(base.fields, fresh);
  const freshUpdatedAt = fresh.updated_at ?? null;
  const changed = base.updatedAt !== null && freshUpdatedAt !== null ? base.updatedAt !== freshUpdatedAt : fields.length > 0;
  return changed ? { fresh, fields } : undefined;
}

/**
 * "Reload their version" without throwing away the user's other work: the fields that changed
 * in Tallyfy take Tallyfy's value, every other field keeps what the user typed (for those the
 * base and Tallyfy agree, so nothing of theirs is overwritten).
 */
export function rebaseEdits(edited: GuestFields, conflict: Conflict): GuestFields {
  const result = { ...pickFields(edited) } as Record<EditableField, unknown>;
  for (const field of conflict.fields) result[field] = conflict.fresh[field] ?? null;
  return result as unknown as GuestFields;
}
