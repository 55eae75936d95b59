// Shared helpers for the sandbox's own tests: authenticated fetch calls against a running sandbox.
import type { Sandbox } from '../../sandbox';

export interface ApiAnswer {
  status: number;
  headers: Headers;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test assertions poke at arbitrary JSON
}

export function authHeaders(sandbox: Sandbox): Record<string, string> {
  return { Authorization: `Bearer ${sandbox.token}`, 'X-Tallyfy-Client': 'APIClient', Accept: 'application/json' };
}

/** `path` is appended to baseUrl as is, so tests control the exact encoding. */
export async function api(
  sandbox: Sandbox,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = authHeaders(sandbox),
): Promise<ApiAnswer> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  const res = await fetch(sandbox.baseUrl + path, init);
  const text = await res.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export const guestsPath = (sandbox: Sandbox, rest = ''): string => `/organizations/${sandbox.orgId}/guests${rest}`;
export const groupsPath = (sandbox: Sandbox, rest = ''): string => `/organizations/${sandbox.orgId}/groups${rest}`;
