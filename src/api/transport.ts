// Sends requests for TallyfyClient: headers, the token, the shared rate-limit gate, retries,
// one log line per attempt and the redacted RequestRecord. Endpoint knowledge lives in client.ts.
import { CancelledError, ConfigError, NetworkError, NotFoundError, TallyfyError, TimeoutError } from './errors';
import { errorFromResponse } from './errorMapping';
import { sendOnce, type HttpResult } from './http';
import { RateLimitGate, type SleepFn } from './rateLimitGate';
import { RatePacer, type PacerSlot } from './ratePacer';
import { redact } from './redact';
import { backoffMs, isIdempotent, parseRetryAfter } from './retry';
import type { FetchLike, RequestOptions } from './tallyfyApi';
import type { Logger, RequestRecord } from './types';

export const REDACTED_AUTHORIZATION = 'Bearer $TALLYFY_TOKEN';
const DEBUG_BODY_LIMIT = 2000;

export interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path after the base URL, already encoded, with its query string. */
  path: string;
  body?: string;
  /** For error messages: "the guest ana@client.test". */
  subject: string;
  /** The path names an existing guest by email: a 422 on `email` then means "not found". */
  addressesGuestByEmail?: boolean;
  /**
   * A delete: when a retry finds the resource gone after an attempt that may have reached the
   * server (reset, timeout, 5xx), the first attempt did the work, so "not found" means success.
   */
  goneMeansDone?: boolean;
}

export interface TransportSettings {
  baseUrl: string;
  getToken(): Promise<string | undefined>;
  fetch: FetchLike;
  timeoutMs: number;
  maxRetries: number;
  maxRetryAfterMs: number;
  sleep: SleepFn;
  random: () => number;
  logger?: Logger;
  onRequest?(record: RequestRecord): void;
}

export class Transport {
  lastRequest: RequestRecord | undefined;

  constructor(
    private readonly settings: TransportSettings,
    readonly gate: RateLimitGate,
    /** Shared like the gate: spaces all requests of this client to the server's refill rate. */
    readonly pacer: RatePacer = new RatePacer(),
  ) {}

  /** Resolves with any 2xx answer; throws a TallyfyError for everything else, after the retries the rules allow. */
  async send(call: Call, request: RequestOptions = {}): Promise<HttpResult> {
    const { maxRetries, sleep, random } = this.settings;
    const { signal } = request;
    const retriesFailures = isIdempotent(call.method);
    let mayHaveBeenDone = false;
    for (let attempt = 0; ; attempt++) {
      if (this.gate.remainingMs() > 0) await this.gate.pass(sleep, signal, request.onRateLimitWait);
      const token = await this.token();
      const slot = (signal?.aborted ? undefined : this.pacer.tryAcquire()) ?? (await this.paced(request));
      let result: HttpResult;
      try {
        result = await this.attempt(call, token, signal);
      } catch (error) {
        this.pacer.abandon(slot);
        if (error instanceof CancelledError || !retriesFailures || attempt >= maxRetries) throw error;
        mayHaveBeenDone = true;
        await this.backoff(call, attempt, (error as TallyfyError).kind, signal);
        continue;
      }
      const remaining = result.headers.get('x-ratelimit-remaining');
      this.pacer.settle(slot, result.status, remaining, remaining === null ? null : result.headers.get('x-ratelimit-limit'));
      const { status } = result;
      if (status >= 200 && status < 300) return result;
      if (status === 429) {
        const retryAfter = parseRetryAfter(result.headers.get('retry-after'));
        const wait = Math.min(retryAfter ?? backoffMs(attempt, random), this.settings.maxRetryAfterMs);
        // Hold the gate even when giving up: the other requests of this client are limited too.
        this.gate.holdFor(wait);
        if (attempt >= maxRetries) throw this.toError(call, result, token, retryAfter ?? wait);
        this.settings.logger?.debug(`  rate limited; every request waits ${wait} ms (retry ${attempt + 1}/${maxRetries})`);
        continue;
      }
      if (status >= 500 && retriesFailures && attempt < maxRetries) {
        mayHaveBeenDone = true;
        await this.backoff(call, attempt, `HTTP ${status}`, signal);
        continue;
      }
      const error = this.toError(call, result, token, 0);
      if (call.goneMeansDone && mayHaveBeenDone && error instanceof NotFoundError) {
        this.settings.logger?.debug(`  ${call.method} found nothing on retry: an earlier attempt already did it`);
        return result;
      }
      throw error;
    }
  }

  /** The pacer's turn; if a 429 hold began while this request was being paced, that hold is waited too. */
  private async paced(request: RequestOptions): Promise<PacerSlot> {
    for (;;) {
      const heldBefore = this.gate.remainingMs() > 0; // a hold this request has already passed
      const slot = await this.pacer.acquire(request.signal);
      if (!slot.waited || heldBefore || this.gate.remainingMs() === 0) return slot;
      this.pacer.release(slot);
      await this.gate.pass(this.settings.sleep, request.signal, request.onRateLimitWait);
    }
  }

  private async token(): Promise<string> {
    const token = await this.settings.getToken();
    if (!token) {
      throw new ConfigError(
        'No Tallyfy API token is set. Sign in with a personal access token from Tallyfy > Settings > Integrations > REST API.',
        'token',
      );
    }
    return token;
  }

  private async attempt(call: Call, token: string, signal: AbortSignal | undefined): Promise<HttpResult> {
    const { settings } = this;
    const headers = requestHeaders(`Bearer ${token}`, call.body !== undefined);
    const url = settings.baseUrl + call.path;
    const record: RequestRecord = { method: call.method, url, headers: requestHeaders(REDACTED_AUTHORIZATION, call.body !== undefined), body: call.body };
    const logger = settings.logger;
    if (logger && call.body !== undefined) logger.debug(`  request body: ${clip(redact(call.body, token))}`);
    const started = Date.now();
    try {
      const result = await sendOnce(settings.fetch, { method: call.method, url, headers, body: call.body }, settings.timeoutMs, signal);
      record.status = result.status;
      record.durationMs = Date.now() - started;
      logger?.info(`${call.method} ${call.path} → ${result.status} (${record.durationMs} ms)`);
      if (logger?.trace && result.text !== '') logger.trace(`  response body: ${clip(redact(result.text, token))}`);
      return result;
    } catch (error) {
      record.durationMs = Date.now() - started;
      logger?.info(`${call.method} ${call.path} → ${describeFailure(error)} (${record.durationMs} ms)`);
      throw error;
    } finally {
      this.lastRequest = record;
      try {
        settings.onRequest?.(record);
      } catch {
        // A failing listener (the UI's request log) must not turn a finished request into an error.
      }
    }
  }

  private async backoff(call: Call, attempt: number, reason: string, signal: AbortSignal | undefined): Promise<void> {
    const wait = backoffMs(attempt, this.settings.random);
    this.settings.logger?.debug(`  ${call.method} failed (${reason}); retry ${attempt + 1}/${this.settings.maxRetries} in ${wait} ms`);
    await this.settings.sleep(wait, signal);
  }

  private toError(call: Call, result: HttpResult, token: string, retryAfterMs: number): TallyfyError {
    return errorFromResponse(
      { status: result.status, contentType: result.headers.get('content-type'), text: result.text },
      { subject: call.subject, addressesGuestByEmail: call.addressesGuestByEmail ?? false, token },
      retryAfterMs,
    );
  }
}

function requestHeaders(authorization: string, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { Authorization: authorization, Accept: 'application/json', 'X-Tallyfy-Client': 'APIClient' };
  if (hasBody) headers['Content-Type'] = 'application/json';
  return headers;
}

function describeFailure(error: unknown): string {
  if (error instanceof NetworkError) return error.code ?? 'network error';
  if (error instanceof TimeoutError) return 'timed out';
  if (error instanceof CancelledError) return 'cancelled';
  return 'failed';
}

function clip(text: string): string {
  return text.length > DEBUG_BODY_LIMIT ? `${text.slice(0, DEBUG_BODY_LIMIT)}… (${text.length} chars)` : text;
}
