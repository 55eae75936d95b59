// Guests for the bulk tests: every field filled, so a test states only what it is about.
import type { Guest } from '../../../src/api/types';

export function guest(email: string, overrides: Partial<Guest> = {}): Guest {
  return {
    id: email,
    email,
    status: 'active',
    first_name: 'First',
    last_name: 'Last',
    phone_1: null,
    phone_2: null,
    company_name: null,
    timezone: null,
    associated_members: null,
    created_at: '2024-01-02 03:04:05',
    updated_at: null,
    last_accessed_at: null,
    disabled_at: null,
    link: null,
    ...overrides,
  };
}

export function deferred<T = void>(): { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
