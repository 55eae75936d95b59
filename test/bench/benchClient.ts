// The client and the raw baseline the overhead cases compare: both over node-fetch v2 with its
// default agent (Node 20's global agent, keep-alive on), so the ratio measures the client, not
// the HTTP library or connection handling.
import fetch from 'node-fetch';
import { TallyfyClient } from '../../src/api/client';
import type { FetchLike } from '../../src/api/tallyfyApi';
import type { Logger } from '../../src/api/types';

export const nodeFetch = fetch as unknown as FetchLike;

export const TIMEOUT_MS = 30_000;

/** The extension always has a logger (its output channel); this one drops the lines but the client still formats them. */
const quietLogger: Logger = { trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

export interface Target {
  baseUrl: string;
  orgId: string;
  token: string;
}

export function benchClient(target: Target, fetchImpl: FetchLike = nodeFetch): TallyfyClient {
  return new TallyfyClient({
    baseUrl: target.baseUrl,
    orgId: target.orgId,
    getToken: async () => target.token,
    fetch: fetchImpl,
    timeoutMs: TIMEOUT_MS,
    logger: quietLogger,
  });
}

/** The headers the client sends, so the raw request is byte-for-byte the same request. */
export function rawHeaders(token: string, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: 'application/json', 'X-Tallyfy-Client': 'APIClient' };
  if (hasBody) headers['Content-Type'] = 'application/json';
  return headers;
}

/**
 * One raw request: node-fetch, then the body parsed as JSON (what any caller must do to use the
 * answer). Throws on a non-2xx status so a broken baseline cannot look fast.
 */
export async function rawJson(method: string, url: string, token: string, body?: string): Promise<unknown> {
  const response = await fetch(url, { method, headers: rawHeaders(token, body !== undefined), body, redirect: 'manual', timeout: TIMEOUT_MS });
  if (response.status < 200 || response.status >= 300) throw new Error(`raw ${method} answered ${response.status}`);
  return response.json();
}
