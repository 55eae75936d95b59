// Typed errors thrown by the API layer. Each carries `userMessage`, written for the person using
// the extension; the UI turns them into notifications in one place (src/views/showError.ts).
// No error here ever holds the token: messages are built from status codes and response bodies.

export abstract class TallyfyError extends Error {
  abstract readonly kind: string;
  constructor(
    readonly userMessage: string,
    readonly status?: number,
    /** Tallyfy's own message from the body, if any, shown as Tallyfy wrote it. */
    readonly serverMessage?: string,
  ) {
    super(userMessage);
    this.name = new.target.name;
  }
}

/** 401: the token is missing, wrong, expired or was deleted by a web logout. */
export class AuthError extends TallyfyError {
  readonly kind = 'auth';
}

/** 403: signed in but not allowed, or a business rule ("Cannot disable guest with incomplete tasks"). */
export class ForbiddenError extends TallyfyError {
  readonly kind = 'forbidden';
}

/** 404, or a 422 whose only complaint is an unknown email. */
export class NotFoundError extends TallyfyError {
  readonly kind = 'notFound';
}

/** 400/422 with per-field messages, flattened to `{ field: [messages] }`. */
export class ValidationError extends TallyfyError {
  readonly kind = 'validation';
  constructor(
    userMessage: string,
    readonly fieldErrors: Record<string, string[]>,
    status?: number,
    serverMessage?: string,
  ) {
    super(userMessage, status, serverMessage);
  }
}

/** 429 that outlived the client's retries. */
export class RateLimitError extends TallyfyError {
  readonly kind = 'rateLimit';
  constructor(userMessage: string, readonly retryAfterMs: number, serverMessage?: string) {
    super(userMessage, 429, serverMessage);
  }
}

/** 5xx, including HTML error pages. */
export class ServerError extends TallyfyError {
  readonly kind = 'server';
}

/** Connection refused or reset, DNS failure: the request may or may not have reached Tallyfy. */
export class NetworkError extends TallyfyError {
  readonly kind = 'network';
  /** Node's error code (ECONNRESET, ENOTFOUND…) when known; for the log line. */
  code?: string;
}

/** No answer within the configured timeout. */
export class TimeoutError extends TallyfyError {
  readonly kind = 'timeout';
}

/** A 2xx whose body is not the JSON Tallyfy documents (truncated, HTML, wrong envelope). */
export class ProtocolError extends TallyfyError {
  readonly kind = 'protocol';
}

/** The client's own settings are unusable (no token, no organization id, unsafe base URL). */
export class ConfigError extends TallyfyError {
  readonly kind = 'config';
  constructor(userMessage: string, readonly setting?: 'token' | 'organizationId' | 'apiBaseUrl') {
    super(userMessage);
  }
}

/** The user cancelled (a progress notification, a bulk run, a rate-limit wait). */
export class CancelledError extends TallyfyError {
  readonly kind = 'cancelled';
  constructor() {
    super('Cancelled.');
  }
}

export function isTallyfyError(e: unknown): e is TallyfyError {
  return e instanceof TallyfyError;
}
