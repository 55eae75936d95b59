// The messages between the guest form's webview and the extension, and the checks on everything
// that comes from the webview. The webview is treated as untrusted: a message is used only if its
// shape is exactly one of these (no unknown type, no missing or extra keys, no oversized text).
// No `vscode` import: media/guestForm.ts bundles this file too.
import { EDITABLE_FIELDS, type GuestFields } from '../../api/types';
import type { FieldMessages, FormValues } from '../../editing/formValues';
import { FIELD_ORDER, type FieldKey } from '../../model/fields';

export const GUEST_FORM_VIEW_TYPE = 'tallyfy.guestForm';

export type FormMode = 'edit' | 'create';

export interface Notice {
  severity: 'info' | 'warning' | 'error';
  text: string;
}

/** Webview → extension. */
export type WebviewMessage =
  | { type: 'ready' }
  /** Sent on every input, so a draft survives the panel being closed. */
  | { type: 'draft'; values: FormValues }
  | { type: 'save'; values: FormValues };

/** Extension → webview. */
export type HostMessage =
  | {
      type: 'init';
      mode: FormMode;
      email: string;
      base: GuestFields;
      baseUpdatedAt: string | null;
      /** Text to put in the inputs instead of the base values (a restored draft). */
      draft: FormValues | null;
      notice: Notice | null;
      /** The extension's translations (vscode.l10n.bundle), null in English: the form's own words use them. */
      l10n: Record<string, string> | null;
    }
  | { type: 'busy'; busy: boolean }
  | {
      type: 'result';
      /** New base values (after a save or a reload), or null to keep the current ones. */
      base: GuestFields | null;
      baseUpdatedAt: string | null;
      /** Text to put in the inputs, or null to keep what the user has typed. */
      draft: FormValues | null;
      notice: Notice | null;
      fieldErrors: FieldMessages;
      /** Per-field remarks that are not errors, e.g. "Tallyfy did not apply this change". */
      fieldNotes: FieldMessages;
    };

/** What the webview keeps with setState, handed back to the panel serializer after a reload. */
export interface PersistedFormState {
  mode: FormMode;
  email: string;
  base: GuestFields;
  baseUpdatedAt: string | null;
  draft: FormValues | null;
}

/** Longest text accepted for one value; far above any field's limit, far below anything harmful. */
export const MAX_VALUE_LENGTH = 10_000;

type Check<T> = { ok: true; value: T } | { ok: false; reason: string };
const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function hasExactKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && own.every((key) => keys.includes(key));
}

function checkFormValues(raw: unknown): Check<FormValues> {
  if (!isPlainObject(raw)) return fail('values is not an object');
  const values: FormValues = {};
  for (const [key, text] of Object.entries(raw)) {
    if (!(FIELD_ORDER as readonly string[]).includes(key)) return fail(`unknown field "${key.slice(0, 40)}"`);
    if (typeof text !== 'string') return fail(`${key} is not text`);
    if (text.length > MAX_VALUE_LENGTH) return fail(`${key} is longer than ${MAX_VALUE_LENGTH} characters`);
    values[key as FieldKey] = text;
  }
  return { ok: true, value: values };
}

export function parseWebviewMessage(raw: unknown): Check<WebviewMessage> {
  if (!isPlainObject(raw)) return fail('not an object');
  switch (raw.type) {
    case 'ready':
      return hasExactKeys(raw, ['type']) ? { ok: true, value: { type: 'ready' } } : fail('unexpected keys on "ready"');
    case 'draft':
    case 'save': {
      if (!hasExactKeys(raw, ['type', 'values'])) return fail(`unexpected keys on "${raw.type}"`);
      const values = checkFormValues(raw.values);
      return values.ok ? { ok: true, value: { type: raw.type, values: values.value } } : values;
    }
    default:
      return fail(`unknown type ${JSON.stringify(String(raw.type)).slice(0, 60)}`);
  }
}

function checkText(value: unknown): value is string | null {
  return value === null || (typeof value === 'string' && value.length <= MAX_VALUE_LENGTH);
}

function checkGuestFields(raw: unknown): Check<GuestFields> {
  if (!isPlainObject(raw) || !hasExactKeys(raw, EDITABLE_FIELDS)) return fail('base is not a set of guest fields');
  for (const field of EDITABLE_FIELDS) {
    const value = raw[field];
    if (field === 'associated_members') {
      const ok = value === null || (Array.isArray(value) && value.length <= 10_000 && value.every((id) => Number.isSafeInteger(id)));
      if (!ok) return fail('associated_members is not a list of ids');
    } else if (!checkText(value)) {
      return fail(`${field} is not text`);
    }
  }
  return { ok: true, value: raw as unknown as GuestFields };
}

/** The state a revived panel starts from, or a reason to start afresh. */
export function parsePersistedState(raw: unknown): Check<PersistedFormState> {
  if (!isPlainObject(raw)) return fail('no state');
  if (!hasExactKeys(raw, ['mode', 'email', 'base', 'baseUpdatedAt', 'draft'])) return fail('unexpected state keys');
  if (raw.mode !== 'edit' && raw.mode !== 'create') return fail('unknown mode');
  if (typeof raw.email !== 'string' || raw.email.length > 320) return fail('email is not text');
  if (raw.mode === 'edit' && raw.email === '') return fail('edit form without an email');
  if (!checkText(raw.baseUpdatedAt)) return fail('baseUpdatedAt is not text');
  const base = checkGuestFields(raw.base);
  if (!base.ok) return base;
  let draft: FormValues | null = null;
  if (raw.draft !== null) {
    const values = checkFormValues(raw.draft);
    if (!values.ok) return values;
    draft = values.value;
  }
  return {
    ok: true,
    value: { mode: raw.mode, email: raw.email, base: base.value, baseUpdatedAt: raw.baseUpdatedAt, draft },
  };
}
