// The guest field catalogue: one description per field, shared by the webview form, the quick
// input and the checks made before a request. Limits follow Tallyfy's CreateGuestRequest (see
// ../shared/docs/tallyfy-api.md §2). Validators take the raw text a user typed and never throw.
import type { EditableField, GuestFields } from '../api/types';
import { canonicalTimeZone } from './timezones';
import { asText, codePointLength, singleLine } from './text';
import { l10n } from '../common/l10n';

export { TIMEZONES } from './timezones';

/** Every field the form shows: the editable ones, plus `email`, which can only be set on create. */
export type FieldKey = EditableField | 'email';
export type FieldKind = 'text' | 'phone' | 'timezone' | 'memberIds' | 'email';

/** What `parseFieldInput` returns for a field: the value as the API takes it. */
export type FieldValue<K extends FieldKey> = K extends EditableField ? GuestFields[K] : string;

export interface FieldSpec {
  readonly key: FieldKey;
  /** In the user's language (a getter: translated when read, see common/l10n.ts). */
  readonly label: string;
  readonly kind: FieldKind;
  /** For the input's maxlength; undefined when the field has no length limit of its own. */
  readonly maxLength: number | undefined;
  readonly hint: string;
  /** True for `email`: it names the guest in every URL, so Tallyfy cannot change it. */
  readonly createOnly: boolean;
  /** A message saying what is wrong and how to fix it, or undefined when the text is acceptable. */
  validate(value: string): string | undefined;
}

const NAME_MAX = 200;
const PHONE_MAX = 20;
const EMAIL_MAX = 254;
/** RFC 5321's limit for the part before the @. */
const EMAIL_LOCAL_MAX = 64;

const PHONE_CHARACTERS = /^[0-9 +().-]*$/;
const MEMBER_SEPARATORS = /[\s,]+/;
const MEMBER_ID = /^[0-9]+$/;
/** Dot-atom local part (letters in any script allowed) @ two or more domain labels. */
const EMAIL_SHAPE =
  /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;

/** A bit of what the user typed, safe to quote inside a message. */
function quoted(text: string): string {
  return `"${singleLine(text, 30)}"`;
}

function tooLong(label: string, length: number, max: number): string {
  return l10n.t('{0} is too long: {1} characters, the limit is {2}. Shorten it.', label, length, max);
}

function validateText(label: () => string, max: number) {
  return (value: string): string | undefined => {
    const length = codePointLength(asText(value).trim());
    return length > max ? tooLong(label(), length, max) : undefined;
  };
}

function validatePhone(label: () => string) {
  return (value: string): string | undefined => {
    const text = asText(value).trim();
    if (text === '') return undefined;
    if (!PHONE_CHARACTERS.test(text)) return l10n.t('{0} can only contain digits, spaces and + ( ) - .', label());
    if (text.length > PHONE_MAX) return tooLong(label(), text.length, PHONE_MAX);
    if (!/[0-9]/.test(text)) return l10n.t('{0} needs at least one digit, or leave it empty to clear it.', label());
    return undefined;
  };
}

function validateTimeZone(value: string): string | undefined {
  const text = asText(value).trim();
  if (text === '' || canonicalTimeZone(text) !== undefined) return undefined;
  return l10n.t('Time zone {0} is not an IANA time zone. Use a name such as America/Chicago or Europe/London, or UTC; leave it empty to clear it.', quoted(text));
}

/** Member ids as typed, or the message for the first token that is not one. */
function readMemberIds(value: string): { ids: number[] } | { message: string } {
  const tokens = asText(value).split(MEMBER_SEPARATORS).filter((token) => token !== '');
  const ids: number[] = [];
  for (const token of tokens) {
    const id = MEMBER_ID.test(token) ? Number(token) : NaN;
    if (!Number.isSafeInteger(id) || id <= 0) {
      return {
        message: l10n.t('Associated members: {0} is not a member id. Type member ids (whole numbers above 0) separated by commas or spaces, e.g. 12, 34.', quoted(token)),
      };
    }
    if (!ids.includes(id)) ids.push(id);
  }
  return { ids };
}

function validateMemberIds(value: string): string | undefined {
  const result = readMemberIds(value);
  return 'message' in result ? result.message : undefined;
}

function validateEmail(value: string): string | undefined {
  const text = asText(value).trim();
  if (text === '') return l10n.t('Email is required. Type the guest\'s email address, e.g. name@example.com.');
  const length = codePointLength(text);
  if (length > EMAIL_MAX) return tooLong(l10n.t('Email'), length, EMAIL_MAX);
  if (!text.includes('@')) return l10n.t('Email needs an @, as in name@example.com.');
  const local = text.slice(0, text.lastIndexOf('@'));
  if (codePointLength(local) > EMAIL_LOCAL_MAX) {
    return l10n.t('Email: the part before the @ is too long (the limit is {0} characters).', EMAIL_LOCAL_MAX);
  }
  if (!EMAIL_SHAPE.test(text)) {
    return l10n.t('Email is not a valid address. Use the form name@example.com, without spaces, quotes or brackets.');
  }
  return undefined;
}

// Labels and hints are getters: the catalogue is built when the module loads, before a translator is
// installed, so each read translates (see common/l10n.ts).
function textField(key: 'first_name' | 'last_name' | 'company_name', label: () => string): FieldSpec {
  return {
    key, kind: 'text', maxLength: NAME_MAX, createOnly: false,
    get label() { return label(); },
    get hint() { return l10n.t('Up to {0} characters. Leave empty to clear it.', NAME_MAX); },
    validate: validateText(label, NAME_MAX),
  };
}

function phoneField(key: 'phone_1' | 'phone_2', label: () => string): FieldSpec {
  return {
    key, kind: 'phone', maxLength: PHONE_MAX, createOnly: false,
    get label() { return label(); },
    get hint() { return l10n.t('Digits, spaces and + ( ) - . (up to {0}), e.g. +44 20 7946 0958.', PHONE_MAX); },
    validate: validatePhone(label),
  };
}

/** The catalogue, keyed by field. */
export const FIELDS: Readonly<Record<FieldKey, FieldSpec>> = Object.freeze({
  email: {
    key: 'email', kind: 'email', maxLength: EMAIL_MAX, createOnly: true,
    get label() { return l10n.t('Email'); },
    get hint() { return l10n.t('The guest\'s email address. It cannot be changed later.'); },
    validate: validateEmail,
  },
  first_name: textField('first_name', () => l10n.t('First name')),
  last_name: textField('last_name', () => l10n.t('Last name')),
  phone_1: phoneField('phone_1', () => l10n.t('Phone 1')),
  phone_2: phoneField('phone_2', () => l10n.t('Phone 2')),
  company_name: textField('company_name', () => l10n.t('Company')),
  timezone: {
    key: 'timezone', kind: 'timezone', maxLength: 64, createOnly: false,
    get label() { return l10n.t('Time zone'); },
    get hint() { return l10n.t('An IANA time zone such as America/Chicago, or UTC. Leave empty to clear it.'); },
    validate: validateTimeZone,
  },
  associated_members: {
    key: 'associated_members', kind: 'memberIds', maxLength: undefined, createOnly: false,
    get label() { return l10n.t('Associated members'); },
    get hint() { return l10n.t('Member ids separated by commas, e.g. 12, 34. Leave empty to clear them.'); },
    validate: validateMemberIds,
  },
});

/** Fields in the order forms show them. */
export const FIELD_ORDER: readonly FieldKey[] = [
  'email', 'first_name', 'last_name', 'company_name', 'phone_1', 'phone_2', 'timezone', 'associated_members',
];

/**
 * The value to send for what the user typed: trimmed text, or null when empty (for
 * `associated_members`, the ids in the order typed without repeats, or null when empty).
 * Time zones get their listed spelling ("europe/london" → "Europe/London").
 * Throws a RangeError carrying the validator's message if the text does not validate, so
 * callers validate first.
 */
export function parseFieldInput<K extends FieldKey>(field: K, text: string): FieldValue<K> {
  const spec = FIELDS[field];
  const message = spec.validate(text);
  if (message !== undefined) throw new RangeError(message);
  const trimmed = asText(text).trim();
  let value: string | number[] | null;
  if (spec.kind === 'memberIds') {
    const result = readMemberIds(trimmed);
    value = 'ids' in result && result.ids.length > 0 ? result.ids : null;
  } else if (spec.kind === 'timezone') {
    value = trimmed === '' ? null : (canonicalTimeZone(trimmed) ?? trimmed);
  } else if (spec.kind === 'email') {
    value = trimmed;
  } else {
    value = trimmed === '' ? null : trimmed;
  }
  return value as FieldValue<K>;
}

/** The text an input box shows for a value from the API: '' for no value, member ids as "12, 34". */
export function formatFieldValue(field: FieldKey, value: unknown): string {
  if (Array.isArray(value)) {
    const parts = value.map(asText).filter((part) => part !== '');
    return parts.join(FIELDS[field].kind === 'memberIds' ? ', ' : ' ');
  }
  return asText(value);
}
