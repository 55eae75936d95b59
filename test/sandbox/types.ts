// Public types of the Tallyfy sandbox (see /work/briefs/sandbox.md). Other helpers code against these.

export type PutMode = 'seed' | 'docs2026';
export type LinksStyle = 'object' | 'empty-array' | 'missing';

export interface RateLimitOptions {
  perSecond: number;
  burst: number;
}

export interface SandboxOptions {
  port?: number;
  host?: string;
  guests?: number;
  seed?: number;
  orgId?: string;
  token?: string;
  putMode?: PutMode;
  rateLimit?: RateLimitOptions | null;
  latencyMs?: number;
  maxPerPage?: number;
  groups?: number;
  /** Shape of meta.pagination.links: `{previous?,next?}`, `[]` when empty (Laravel/Fractal), or no key at all. */
  linksStyle?: LinksStyle;
  /** Status for PUT on an unknown guest email: the docs say 404, api-v2's validator would say 422. */
  unknownEmailOnPut?: 404 | 422;
  /** Successful guest creations allowed per rolling hour (Tallyfy's invite cap). null disables it. Default 30. */
  inviteCapPerHour?: number | null;
  /** PUT guest answers 422 unless the body repeats `email` (what MCP says api-v2 validates). Default false. */
  putRequiresEmailInBody?: boolean;
  /** PUT group answers 422 without `description` (the docs mark it required; N8N omits it). Default true. */
  groupUpdateRequiresDescription?: boolean;
}

/** Options that can change while the sandbox runs (setters, POST /__sandbox/options). */
export interface RuntimeOptions {
  putMode: PutMode;
  rateLimit: RateLimitOptions | null;
  latencyMs: number;
  linksStyle: LinksStyle;
  unknownEmailOnPut: 404 | 422;
  inviteCapPerHour: number | null;
  putRequiresEmailInBody: boolean;
  groupUpdateRequiresDescription: boolean;
}

export interface RecordedRequest {
  method: string;
  /** The request line's path+query exactly as received (not decoded). */
  rawPath: string;
  /** Decoded pathname. */
  path: string;
  query: Record<string, string>;
  /** Lower-case names. */
  headers: Record<string, string>;
  bodyText: string;
  /** Parsed JSON, or undefined when empty or not JSON. */
  body: unknown;
  /** What the sandbox answered; 0 if the socket was destroyed or the request hung. */
  status: number;
  at: number;
}

export interface FaultMatch {
  method?: string;
  /** A string matches the decoded pathname exactly, with or without the `/api` prefix; a RegExp is tested against it. */
  path?: string | RegExp;
}

interface FaultBase {
  match?: FaultMatch;
  /** How many matching requests it hits: default 1, Infinity allowed. */
  times?: number;
}

export type Fault =
  | ({ kind: 'status'; status: number; body?: unknown } & FaultBase)
  | ({ kind: 'html'; status: number } & FaultBase)
  | ({ kind: 'rateLimit'; retryAfter: number | string } & FaultBase)
  | ({ kind: 'reset' } & FaultBase)
  | ({ kind: 'hang' } & FaultBase)
  | ({ kind: 'truncate' } & FaultBase)
  | ({ kind: 'delay'; ms: number } & FaultBase)
  | ({ kind: 'dropAfterCommit' } & FaultBase);

export interface SandboxGuestStats {
  assigned_tasks: number;
  tasks_completed: number;
  last_task_completed_at: string | null;
  one_off_tasks_completed: number;
  last_one_off_task_completed_at: string | null;
}

/** The sandbox's own record of a guest. Timestamps are ISO 8601 UTC with second precision. */
export interface SandboxGuest {
  id: number;
  guest_code: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  phone_1: string | null;
  phone_2: string | null;
  company_name: string | null;
  timezone: string | null;
  image_url: string | null;
  contact_url: string | null;
  company_url: string | null;
  opportunity_url: string | null;
  opportunity_name: string | null;
  external_sync_source: string | null;
  external_date_creation: string | null;
  cadence_days: number | null;
  associated_members: number[] | null;
  /** 'active' or 'disabled'. */
  status: string;
  last_known_ip: string | null;
  last_known_country: string | null;
  last_city: string | null;
  created_at: string;
  updated_at: string;
  last_accessed_at: string | null;
  deleted_at: string | null;
  disabled_at: string | null;
  disabled_by: number | null;
  reactivated_at: string | null;
  reactivated_by: number | null;
  stats: SandboxGuestStats;
}

export interface SandboxGroup {
  id: string;
  name: string;
  description: string | null;
  logo: string | null;
  members: number[];
  guests: string[];
  created_at: string;
  last_updated: string;
}

export interface SandboxMember {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
}

export interface Sandbox {
  /** e.g. http://127.0.0.1:41234/api (the /api prefix like go.tallyfy.com/api). */
  readonly baseUrl: string;
  readonly port: number;
  readonly orgId: string;
  readonly token: string;
  /** Every API request, in order (control endpoints excluded). */
  readonly requests: RecordedRequest[];
  guests(): SandboxGuest[];
  guest(email: string): SandboxGuest | undefined;
  groups(): SandboxGroup[];
  setPutMode(mode: PutMode): void;
  setRateLimit(limit: RateLimitOptions | null): void;
  setLatency(ms: number): void;
  /** Change any runtime option (linksStyle, unknownEmailOnPut, inviteCapPerHour, …). */
  configure(changes: Partial<RuntimeOptions>): void;
  injectFault(fault: Fault): void;
  clearFaults(): void;
  clearRequests(): void;
  /** Change a guest behind the client's back (simulates another admin); bumps updated_at. */
  mutateGuest(email: string, changes: Record<string, unknown>): void;
  addGuest(partial: Partial<SandboxGuest> & { email: string }): SandboxGuest;
  removeGuest(email: string): void;
  mutateGroup(id: string, changes: Partial<SandboxGroup>): void;
  /** Back to the seeded state, no faults, no requests, options as started. */
  reset(): void;
  /** Closes the server AND destroys open/hanging sockets. */
  close(): Promise<void>;
}
