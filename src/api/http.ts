// Sends one HTTP request with a timeout and maps transport failures to typed errors.
// Status codes are NOT interpreted here (see errorMapping.ts); only "did an answer arrive".
import { CancelledError, NetworkError, TimeoutError } from './errors';
import type { FetchLike } from './tallyfyApi';

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpResult {
  status: number;
  headers: { get(name: string): string | null };
  text: string;
}

/**
 * Sends the request; the timeout covers reading the whole body, not just the status line.
 *
 * Why no AbortController per request: creating one and handing its fresh signal to node-fetch
 * cost about 20 µs per request (measured here with node-fetch v2: ~20 % of a loopback sandbox PUT), which alone
 * would break the "within 10 % of raw fetch" budget. So the caller's own signal (if any) is passed
 * through for cancellation, and the timeout is a timer raced against the request, plus
 * node-fetch's own `timeout` option, which also closes the socket. A fetch that ignores
 * `timeout` (the global one) still times out here; its socket is left to the server to close.
 */
export async function sendOnce(
  fetch: FetchLike,
  request: HttpRequest,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<HttpResult> {
  if (signal?.aborted) throw new CancelledError();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(timeoutMessage(timeoutMs))), timeoutMs);
  });
  try {
    return await Promise.race([exchange(fetch, request, timeoutMs, signal), timedOut]);
  } catch (error) {
    if (signal?.aborted) throw new CancelledError();
    if (error instanceof TimeoutError) throw error;
    if (isFetchTimeout(error)) throw new TimeoutError(timeoutMessage(timeoutMs));
    throw toNetworkError(error);
  } finally {
    clearTimeout(timer);
  }
}

async function exchange(fetch: FetchLike, request: HttpRequest, timeoutMs: number, signal?: AbortSignal): Promise<HttpResult> {
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal,
    timeout: timeoutMs,
    // A redirect would carry the Authorization header to wherever it points; report it instead.
    redirect: 'manual',
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text };
}

/** node-fetch's own `timeout` may fire a moment before ours (it starts on the socket). */
function isFetchTimeout(error: unknown): boolean {
  const type = (error as { type?: unknown } | null)?.type;
  return type === 'request-timeout' || type === 'body-timeout';
}

function timeoutMessage(timeoutMs: number): string {
  return `Tallyfy did not answer within ${formatSeconds(timeoutMs)}. Check your connection and try again; if Tallyfy is slow right now, wait a moment.`;
}

/** A short, token-free reason such as ECONNREFUSED; never the underlying message (it holds the URL). */
export function networkErrorCode(error: unknown): string {
  const e = error as { code?: unknown; errno?: unknown; message?: unknown; cause?: { code?: unknown } } | null;
  for (const candidate of [e?.code, e?.errno, e?.cause?.code]) {
    if (typeof candidate === 'string' && /^[A-Z][A-Z0-9_]{2,40}$/.test(candidate)) return candidate;
  }
  const message = typeof e?.message === 'string' ? e.message : '';
  if (/socket hang up/i.test(message)) return 'ECONNRESET';
  if (/premature close/i.test(message)) return 'ECONNRESET';
  return 'network error';
}

function toNetworkError(error: unknown): NetworkError {
  const code = networkErrorCode(error);
  const hint =
    code === 'ENOTFOUND' || code === 'EAI_AGAIN'
      ? 'Check the API base URL setting and your internet connection.'
      : code === 'ECONNREFUSED'
        ? 'Check the API base URL setting; nothing is accepting connections there.'
        : 'Check your internet connection and try again.';
  const networkError = new NetworkError(`Could not reach Tallyfy (${code}). ${hint}`);
  networkError.code = code;
  return networkError;
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
