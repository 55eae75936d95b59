// Turns a non-2xx answer into a typed error whose userMessage tells the person what to do.
// Tallyfy's error bodies vary (see shared/docs/tallyfy-api.md §4): {"error":true,"message":…},
// Laravel's {"message":…,"errors":{…}} with string, array or nested values, or an HTML page.
import {
  AuthError,
  ForbiddenError,
  NotFoundError,
  ProtocolError,
  RateLimitError,
  ServerError,
  TallyfyError,
  ValidationError,
} from './errors';
import { redact } from './redact';

export interface ErrorContext {
  /** What the request was about, for messages: "the guest ana@client.test", "this group". */
  subject: string;
  /** The path names an existing guest by email (get, update, delete…): a 422 on `email` means "no such guest". */
  addressesGuestByEmail: boolean;
  token: string;
}

export interface ErrorAnswer {
  status: number;
  contentType: string | null;
  text: string;
}

const UNKNOWN_EMAIL = /invalid|not found|does not exist/i;

export function errorFromResponse(answer: ErrorAnswer, context: ErrorContext, retryAfterMs = 0): TallyfyError {
  const { status } = answer;
  const html = isHtml(answer);
  const body = html ? undefined : parseJsonObject(answer.text);
  const serverMessage = body ? messageOf(body, context.token) : undefined;

  if (status === 401) {
    return new AuthError(
      'Your Tallyfy token is no longer valid (it may have expired, or a web logout deleted it). Sign in again with a new personal access token from Tallyfy > Settings > Integrations > REST API.',
      status,
      serverMessage,
    );
  }
  if (status === 403) {
    const what = serverMessage ?? 'You do not have permission to do this.';
    return new ForbiddenError(
      `Tallyfy refused this request: ${what} If you need access, ask an administrator of the Tallyfy organization.`,
      status,
      serverMessage,
    );
  }
  if (status === 404) return notFound(context, status, serverMessage, body?.code === 'ENDPOINT_NOT_FOUND');
  if (status === 429) {
    const wait = retryAfterMs > 0 ? ` Wait about ${Math.ceil(retryAfterMs / 1000)} s and try again.` : ' Wait a minute and try again.';
    return new RateLimitError(`Tallyfy is limiting how fast requests can be made.${wait}`, retryAfterMs, serverMessage);
  }
  if (status >= 500) {
    const userMessage = html || serverMessage === undefined
      ? `Tallyfy answered with an error page (HTTP ${status}). This is a problem on Tallyfy's side; try again in a few minutes.`
      : `Tallyfy had an internal error (HTTP ${status}: ${serverMessage}). Try again in a few minutes.`;
    return new ServerError(userMessage, status, serverMessage);
  }
  if (status >= 400) {
    const fieldErrors = flattenFieldErrors(body?.errors, context.token);
    if (status === 422 && context.addressesGuestByEmail && isOnlyUnknownEmail(fieldErrors)) {
      return notFound(context, status, fieldErrors.email[0], false);
    }
    return validationError(status, fieldErrors, serverMessage, html);
  }
  // 1xx/3xx: with redirects not followed, a 3xx means the base URL points somewhere else.
  return new ProtocolError(
    `Tallyfy answered with an unexpected HTTP ${status}. Check the API base URL setting (e.g. https://go.tallyfy.com/api).`,
    status,
  );
}

/**
 * Flattens Laravel-style `errors` into `{ field: [messages] }`: values may be strings, arrays or
 * nested objects (nested keys are joined with '.'); numbers are kept as text, other junk dropped.
 */
export function flattenFieldErrors(errors: unknown, token = ''): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (key: string, message: string): void => {
    (out[key] ??= []).push(redact(message, token));
  };
  const walk = (key: string, value: unknown, depth: number): void => {
    if (depth > 8 || value == null) return;
    if (typeof value === 'string') add(key, value);
    else if (typeof value === 'number' || typeof value === 'boolean') add(key, String(value));
    else if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item !== null && typeof item === 'object' ? join(key, String(index)) : key, item, depth + 1));
    } else if (typeof value === 'object') {
      for (const [child, item] of Object.entries(value)) walk(join(key, child), item, depth + 1);
    }
  };
  walk('', errors, 0);
  if (out[''] !== undefined) {
    // A bare list of messages has no field; keep it under a readable key.
    out.request = [...(out.request ?? []), ...out['']];
    delete out[''];
  }
  return out;
}

function join(prefix: string, key: string): string {
  return prefix === '' ? key : `${prefix}.${key}`;
}

function isOnlyUnknownEmail(fieldErrors: Record<string, string[]>): boolean {
  const keys = Object.keys(fieldErrors);
  return keys.length === 1 && keys[0] === 'email' && fieldErrors.email.some((m) => UNKNOWN_EMAIL.test(m));
}

function notFound(context: ErrorContext, status: number, serverMessage: string | undefined, badEndpoint: boolean): NotFoundError {
  const userMessage = badEndpoint
    ? 'Tallyfy does not know this API address. Check the API base URL setting (e.g. https://go.tallyfy.com/api).'
    : `Tallyfy could not find ${context.subject}. It may have been deleted or renamed; refresh and try again.`;
  return new NotFoundError(userMessage, status, serverMessage);
}

function validationError(
  status: number,
  fieldErrors: Record<string, string[]>,
  serverMessage: string | undefined,
  html: boolean,
): ValidationError {
  const details = Object.entries(fieldErrors).map(([field, messages]) => `${field}: ${messages.join(' ')}`);
  let userMessage: string;
  if (details.length > 0) userMessage = `Tallyfy rejected the data. Fix these and try again: ${details.join('; ')}`;
  else if (serverMessage !== undefined) userMessage = `Tallyfy rejected the request (HTTP ${status}): ${serverMessage}`;
  else if (html) userMessage = `Tallyfy answered with an error page (HTTP ${status}). Check the API base URL setting.`;
  else userMessage = `Tallyfy rejected the request (HTTP ${status}). Check the values and try again.`;
  return new ValidationError(userMessage, fieldErrors, status, serverMessage);
}

function isHtml(answer: ErrorAnswer): boolean {
  if (answer.contentType && /html/i.test(answer.contentType)) return true;
  return /^\s*</.test(answer.text);
}

export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  if (!/^\s*\{/.test(text)) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Tallyfy's own words: `message`, or `error.message` in the 409 seat-pool form. Capped, token removed. */
function messageOf(body: Record<string, unknown>, token: string): string | undefined {
  let message: unknown = body.message;
  if (typeof message !== 'string' && body.error !== null && typeof body.error === 'object') {
    message = (body.error as Record<string, unknown>).message;
  }
  if (typeof message !== 'string' || message.trim() === '') return undefined;
  const trimmed = message.trim();
  return redact(trimmed.length > 500 ? `${trimmed.slice(0, 500)}…` : trimmed, token);
}
