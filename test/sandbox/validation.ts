// Field rules for guest create/update, after the shared doc's table (§2), in Laravel's words.
// Like Laravel's default middleware, strings are trimmed and "" becomes null before validation,
// so sending "" or null clears a nullable field.
// Choices where the doc is silent:
// - A number where a string is expected fails ("must be a string"), as Laravel's `string` rule does.
// - `associated_members` must be real JSON integers (no "3" strings) that are member ids of the org.
// - Timezones must be exact-case IANA names (Laravel compares against PHP's identifier list):
//   "america/chicago" and "+01:00" are rejected.
// - Email: RFC-ish syntax check; DNS validation cannot run here, so only example.com/.org/.net
//   (and subdomains) are rejected, as Tallyfy's staging does. `.test` domains pass.

export type FieldErrors = Record<string, string[]>;

type Rule = (value: unknown, label: string, ctx: RuleContext) => string | undefined;
interface RuleContext {
  memberIds: ReadonlySet<number>;
}

const label = (field: string): string => field.replace(/_/g, ' ');

const maxString = (max: number): Rule => (value, name) => {
  if (typeof value !== 'string') return `The ${name} must be a string.`;
  return [...value].length > max ? `The ${name} must not be greater than ${max} characters.` : undefined;
};

const url: Rule = (value, name) => {
  if (typeof value !== 'string') return `The ${name} must be a valid URL.`;
  try {
    const parsed = new URL(value);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? undefined : `The ${name} must be a valid URL.`;
  } catch {
    return `The ${name} must be a valid URL.`;
  }
};

const TZ_SHAPE = /^(UTC|[A-Z][A-Za-z_-]+(\/[A-Z0-9][A-Za-z0-9_+-]*){1,2})$/;
export function isIanaTimezone(value: string): boolean {
  if (!TZ_SHAPE.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const timezone: Rule = (value, name) =>
  typeof value === 'string' && isIanaTimezone(value) ? undefined : `The ${name} must be a valid timezone.`;

const salesforceOnly: Rule = (value, name) => (value === 'salesforce' ? undefined : `The selected ${name} is invalid.`);

const ymdHisDate: Rule = (value, name) => {
  const ok = typeof value === 'string' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value) && !Number.isNaN(Date.parse(value.replace(' ', 'T') + 'Z'));
  return ok ? undefined : `The ${name} does not match the format Y-m-d H:i:s.`;
};

const memberIdList: Rule = (value, name, ctx) => {
  if (!Array.isArray(value)) return `The ${name} must be an array.`;
  if (!value.every((v) => Number.isInteger(v))) return `The ${name} must contain only integers.`;
  return value.every((v) => ctx.memberIds.has(v as number)) ? undefined : `The selected ${name} is invalid.`;
};

export const GUEST_RULES: Readonly<Record<string, Rule>> = {
  first_name: maxString(200),
  last_name: maxString(200),
  phone_1: maxString(20),
  phone_2: maxString(20),
  company_name: maxString(200),
  opportunity_name: maxString(200),
  status: maxString(200),
  company_url: url,
  contact_url: url,
  image_url: url,
  opportunity_url: url,
  timezone,
  external_sync_source: salesforceOnly,
  external_date_creation: ymdHisDate,
  associated_members: memberIdList,
};

/** Laravel's TrimStrings + ConvertEmptyStringsToNull. */
export function normaliseInput(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * Validates the listed fields that are present in `input` (all nullable) and returns their clean
 * values. Keys not listed are dropped silently, as Tallyfy does. Messages go into `errors`.
 */
export function pickValidFields(
  input: Record<string, unknown>,
  fields: readonly string[],
  memberIds: ReadonlySet<number>,
  errors: FieldErrors,
): Record<string, unknown> {
  const clean: Record<string, unknown> = {};
  for (const field of fields) {
    if (!Object.prototype.hasOwnProperty.call(input, field)) continue;
    const value = normaliseInput(input[field]);
    if (value === null) {
      clean[field] = null;
      continue;
    }
    const message = GUEST_RULES[field](value, label(field), { memberIds });
    if (message) errors[field] = [message];
    else clean[field] = Array.isArray(value) ? [...value] : value;
  }
  return clean;
}

const LOCAL_ATOM = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
const EMAIL_LOCAL = new RegExp(`^${LOCAL_ATOM}(\\.${LOCAL_ATOM})*$`, 'u');
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;
const UNDELIVERABLE = /(^|\.)example\.(com|org|net)$/i;

export function isValidEmail(email: string): boolean {
  const at = email.lastIndexOf('@');
  if (at <= 0 || email.length > 255) return false;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const labels = domain.split('.');
  if (local.length > 64 || !EMAIL_LOCAL.test(local) || labels.length < 2) return false;
  if (!labels.every((l) => DOMAIN_LABEL.test(l)) || !/^\p{L}{2,}$/u.test(labels[labels.length - 1])) return false;
  return !UNDELIVERABLE.test(domain);
}

/** The create rule for `email`; undefined when valid. */
export function emailProblem(value: unknown): string | undefined {
  const email = normaliseInput(value);
  if (email === null || email === undefined) return 'The email field is required.';
  if (typeof email !== 'string' || !isValidEmail(email)) return 'The email must be a valid email address.';
  return undefined;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}
