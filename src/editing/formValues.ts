// The form's values are the raw text a user typed, one string per field. This module turns guest
// fields into that text and back, with the same field catalogue the quick input and the webview
// script use (model/fields.ts), so both sides of the form judge a value the same way.
import { EDITABLE_FIELDS, type GuestFields } from '../api/types';
import { FIELDS, formatFieldValue, parseFieldInput, type FieldKey } from '../model/fields';

export type FormValues = Partial<Record<FieldKey, string>>;
export type FieldMessages = Partial<Record<FieldKey, string>>;

/** The text each editable field shows for these values. */
export function formValuesOf(fields: GuestFields): FormValues {
  const values: FormValues = {};
  for (const field of EDITABLE_FIELDS) values[field] = formatFieldValue(field, fields[field]);
  return values;
}

/** The validators' messages for the given fields (missing values count as empty text). */
export function validateFormValues(values: FormValues, keys: readonly FieldKey[]): FieldMessages {
  const errors: FieldMessages = {};
  for (const key of keys) {
    const message = FIELDS[key].validate(values[key] ?? '');
    if (message !== undefined) errors[key] = message;
  }
  return errors;
}

export type ParsedForm =
  | { ok: true; fields: GuestFields; email: string }
  | { ok: false; errors: FieldMessages };

/**
 * The fields the form describes: typed values where given, `base` for the rest. `email` is
 * read only when `withEmail` (create mode); in edit mode the email is never taken from the form.
 */
export function parseFormValues(values: FormValues, base: GuestFields, withEmail: boolean): ParsedForm {
  const keys: FieldKey[] = EDITABLE_FIELDS.filter((field) => values[field] !== undefined);
  if (withEmail) keys.unshift('email');
  const errors = validateFormValues(values, keys);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const fields = { ...pickFields(base) } as Record<string, unknown>;
  for (const field of EDITABLE_FIELDS) {
    const text = values[field];
    if (text !== undefined) fields[field] = parseFieldInput(field, text);
  }
  const email = withEmail ? parseFieldInput('email', values.email ?? '') : '';
  return { ok: true, fields: fields as unknown as GuestFields, email };
}

/** Only the editable fields of a guest (a Guest carries many more keys). */
export function pickFields(source: GuestFields): GuestFields {
  const fields = {} as Record<string, unknown>;
  for (const field of EDITABLE_FIELDS) fields[field] = source[field] ?? null;
  return fields as unknown as GuestFields;
}

export const EMPTY_FIELDS: GuestFields = Object.freeze({
  first_name: null,
  last_name: null,
  phone_1: null,
  phone_2: null,
  company_name: null,
  timezone: null,
  associated_members: null,
});
