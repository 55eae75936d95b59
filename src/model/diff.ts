// Comparing guest fields: the minimal PUT body, what the fields look like after it, which sent
// fields Tallyfy did not apply, and which fields changed on the server under an open editor.
//
// "Empty" is one value: null, "" and whitespace-only strings all mean "no value", and an
// empty member list means "no members". Strings are compared trimmed; member lists as sets.
import { EDITABLE_FIELDS, type EditableField, type GuestChanges, type GuestFields } from '../api/types';

type TextField = Exclude<EditableField, 'associated_members'>;

function normaliseText(value: unknown): string | null {
  const text = typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/** Positive integer ids, sorted, without repeats; null when there are none. Numeric strings
 *  count (a lenient server could answer ["12"]); anything else is dropped. */
function normaliseMembers(value: unknown): number[] | null {
  if (!Array.isArray(value)) return null;
  const ids = new Set<number>();
  for (const item of value) {
    const id = typeof item === 'string' && /^\s*[0-9]+\s*$/.test(item) ? Number(item) : item;
    if (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) ids.add(id);
  }
  return ids.size === 0 ? null : [...ids].sort((a, b) => a - b);
}

function sameMembers(a: number[] | null, b: number[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** One field in its canonical form. */
function normaliseField(fields: Partial<GuestFields> | null | undefined, field: EditableField): string | number[] | null {
  const value: unknown = fields?.[field];
  return field === 'associated_members' ? normaliseMembers(value) : normaliseText(value);
}

function sameField(field: EditableField, a: Partial<GuestFields> | null | undefined, b: Partial<GuestFields> | null | undefined): boolean {
  const left = normaliseField(a, field);
  const right = normaliseField(b, field);
  if (field === 'associated_members') return sameMembers(left as number[] | null, right as number[] | null);
  return left === right;
}

/** The editable fields in canonical form: trimmed strings or null, sorted unique ids or null.
 *  Accepts a whole Guest; only the editable fields are kept. */
export function normaliseFields(fields: GuestFields): GuestFields {
  const result = {} as Record<EditableField, unknown>;
  for (const field of EDITABLE_FIELDS) result[field] = normaliseField(fields, field);
  return result as unknown as GuestFields;
}

/**
 * The minimal PUT body that turns `original` into `edited`: only the fields whose canonical
 * values differ, each sent in canonical form.
 *
 * Clearing a text field sends null, not "": Laravel's ConvertEmptyStringsToNull middleware
 * turns "" into null before validation anyway, and null is what a GET returns for an empty
 * field, so null round-trips. Clearing the member list sends [], because Tallyfy documents
 * the list as a replacement where [] removes every member; null is not documented for it.
 */
export function diffGuest(original: GuestFields, edited: GuestFields): GuestChanges {
  const changes: GuestChanges = {};
  for (const field of EDITABLE_FIELDS) {
    if (sameField(field, original, edited)) continue;
    if (field === 'associated_members') {
      changes.associated_members = normaliseMembers(edited?.associated_members) ?? [];
    } else {
      changes[field as TextField] = normaliseText(edited?.[field]);
    }
  }
  return changes;
}

/** The fields after `changes` are applied to `original`, in canonical form. Keys that are not
 *  editable fields, or are undefined, are ignored. */
export function applyChanges(original: GuestFields, changes: GuestChanges): GuestFields {
  const merged = { ...normaliseFields(original) } as Record<EditableField, unknown>;
  for (const field of EDITABLE_FIELDS) {
    if (changes && Object.prototype.hasOwnProperty.call(changes, field) && changes[field] !== undefined) {
      merged[field] = changes[field];
    }
  }
  return normaliseFields(merged as unknown as GuestFields);
}

/**
 * The fields that were sent but come back different. Tallyfy's 2026 docs say the guest PUT
 * applies only associated_members and silently ignores the rest with a success status, so
 * the UI must check the answer rather than trust the status code.
 */
export function unappliedFields(sent: GuestChanges, returned: GuestFields): EditableField[] {
  return EDITABLE_FIELDS.filter(
    (field) => sent?.[field] !== undefined && !sameField(field, sent, returned),
  );
}

/** The fields whose value on the server (`fresh`) differs from the copy an edit started from (`base`). */
export function conflictingFields(base: GuestFields, fresh: GuestFields): EditableField[] {
  return EDITABLE_FIELDS.filter((field) => !sameField(field, base, fresh));
}
