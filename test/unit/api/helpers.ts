// Shared test setup for the API client: a client over node-fetch with a recording sleep and
// logger, so retry waits are asserted instead of waited out.
import fetch from 'node-fetch';
import { CancelledError } from '../../../src/api/errors';
import { TallyfyClient } from '../../../src/api/client';
import type { ClientOptions, FetchLike } from '../../../src/api/tallyfyApi';
import type { Logger, RequestRecord } from '../../../src/api/types';

export const TOKEN = 'tok_SECRET_4f9c2a7e1b0d_do_not_leak';
export const ORG = 'org_test';
export const nodeFetch = fetch as unknown as FetchLike;

export interface Harness {
  client: TallyfyClient;
  sleeps: number[];
  logs: string[];
  records: RequestRecord[];
}

export function makeClient(baseUrl: string, overrides: Partial<ClientOptions> = {}): Harness {
  const sleeps: number[] = [];
  const logs: string[] = [];
  const records: RequestRecord[] = [];
  const logger: Logger = {
    trace: (m) => logs.push(`trace ${m}`),
    debug: (m) => logs.push(`debug ${m}`),
    info: (m) => logs.push(`info ${m}`),
    warn: (m) => logs.push(`warn ${m}`),
    error: (m) => logs.push(`error ${m}`),
  };
  const client = new TallyfyClient({
    baseUrl,
    orgId: ORG,
    getToken: async () => TOKEN,
    fetch: nodeFetch,
    timeoutMs: 2000,
    logger,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw new CancelledError();
      sleeps.push(ms);
    },
    onRequest: (r) => records.push(r),
    ...overrides,
  });
  return { client, sleeps, logs, records };
}

/** Runs `fn` and returns what it threw; fails when it does not throw. */
export async function caught(fn: () => Promise<unknown>): Promise<Error> {
  try {
    await fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection, but it resolved');
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

/** Everything about an error that could leak: message, stack, String(), JSON. */
export function errorSurfaces(error: Error): string {
  return [error.message, error.stack ?? '', String(error), JSON.stringify(error), (error as { userMessage?: string }).userMessage ?? ''].join('\n');
}
