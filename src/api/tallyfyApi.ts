// The contract between the API layer and everything above it. `TallyfyClient` (client.ts)
// implements it over HTTP; the VS Code side depends only on this interface.
import type {
  Guest,
  GuestChanges,
  GuestCreateInput,
  GuestPage,
  Group,
  GroupChanges,
  ListGuestsOptions,
  Logger,
  Me,
  Organization,
  RequestRecord,
} from './types';

/** node-fetch v2 and the global fetch both fit this shape. */
export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponse>;
export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /** node-fetch v2 only (others ignore it): closes the socket after this many ms. */
  timeout?: number;
  /** The client sends 'manual' so that a redirect never carries the Authorization header elsewhere. */
  redirect?: 'manual' | 'follow' | 'error';
}
export interface FetchResponse {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export interface ClientOptions {
  /** e.g. https://go.tallyfy.com/api. Must be https, except loopback hosts. */
  baseUrl: string;
  orgId: string;
  /** Read on every request, so a new sign-in takes effect at once; the token is never stored here. */
  getToken(): Promise<string | undefined>;
  fetch: FetchLike;
  timeoutMs?: number;
  logger?: Logger;
  /** Retries for 429 (all methods) and for 5xx/network/timeout (GET, PUT, DELETE). Default 4. */
  maxRetries?: number;
  /** Longest Retry-After honoured in one wait; default 30 s. */
  maxRetryAfterMs?: number;
  /** Injected for tests; defaults to Math.random. Drives the ±20 % backoff jitter. */
  random?(): number;
  /** Injected for tests; defaults to setTimeout. Must reject with CancelledError when `signal` aborts. */
  sleep?(ms: number, signal?: AbortSignal): Promise<void>;
  /** Called for every finished request (token already redacted). */
  onRequest?(record: RequestRecord): void;
}

export interface RequestOptions {
  /** Aborting cancels the request and any retry wait, rejecting with CancelledError. */
  signal?: AbortSignal;
  /** Told before the client waits out a 429, so the UI can say "waiting N s for Tallyfy's rate limit". */
  onRateLimitWait?(waitMs: number): void;
}

export interface TallyfyApi {
  /** Pages as they arrive, following meta.pagination to the end. */
  listGuests(options?: ListGuestsOptions, request?: RequestOptions): AsyncIterable<GuestPage>;
  getGuest(email: string, options?: { withStats?: boolean }, request?: RequestOptions): Promise<Guest>;
  /** Never retried blindly: after a network failure it looks the guest up by email before reporting. */
  createGuest(input: GuestCreateInput, request?: RequestOptions): Promise<Guest>;
  updateGuest(email: string, changes: GuestChanges, request?: RequestOptions): Promise<Guest>;
  deleteGuest(email: string, request?: RequestOptions): Promise<void>;
  getMe(request?: RequestOptions): Promise<Me>;
  listOrganizations(request?: RequestOptions): Promise<Organization[]>;
  listGroups(request?: RequestOptions): Promise<Group[]>;
  getGroup(id: string, request?: RequestOptions): Promise<Group>;
  updateGroup(id: string, changes: GroupChanges, request?: RequestOptions): Promise<Group>;
  /** PUT …/guests/{email}/enable. Resolves with the guest when Tallyfy's answer includes it. */
  enableGuest(email: string, request?: RequestOptions): Promise<Guest | undefined>;
  /** DELETE …/guests/{email}/disable. A 403 "Cannot disable guest with incomplete tasks" is a ForbiddenError. */
  disableGuest(email: string, request?: RequestOptions): Promise<Guest | undefined>;
  /** POST …/guests/{email}/to/member: the guest becomes an organization member (and stops being a guest). */
  convertGuestToMember(email: string, request?: RequestOptions): Promise<void>;
  /** The last request sent (token redacted), for "Copy Last Request as curl". */
  readonly lastRequest: RequestRecord | undefined;
}
