// Shapes of Tallyfy's API as this extension uses them. See ../shared/docs/tallyfy-api.md:
// sources disagree on where names and updated_at live, so `normalizeGuest` (guest.ts) reads the
// top level first and falls back to `details`.

/** Fields of a guest that the extension lets a user edit (the PUT body's keys). */
export type EditableField =
  | 'first_name'
  | 'last_name'
  | 'phone_1'
  | 'phone_2'
  | 'company_name'
  | 'timezone'
  | 'associated_members';

export const EDITABLE_FIELDS: readonly EditableField[] = [
  'first_name',
  'last_name',
  'phone_1',
  'phone_2',
  'company_name',
  'timezone',
  'associated_members',
];

/** Values of the editable fields. Strings are null when Tallyfy has no value. */
export interface GuestFields {
  first_name: string | null;
  last_name: string | null;
  phone_1: string | null;
  phone_2: string | null;
  company_name: string | null;
  timezone: string | null;
  associated_members: number[] | null;
}

/** A PUT body: only the fields that change. */
export type GuestChanges = Partial<GuestFields>;

export interface GuestStats {
  assigned_tasks?: number;
  tasks_completed?: number;
  last_task_completed_at?: string | null;
  one_off_tasks_completed?: number;
  last_one_off_task_completed_at?: string | null;
}

/** A guest, normalised from whichever shape Tallyfy answered with. */
export interface Guest extends GuestFields {
  /** Tallyfy's id as a string (an integer in the 2026 docs, "guest_code_…" in 2025). */
  id: string;
  email: string;
  /** "active" or "disabled" (Tallyfy's details.status); other strings are kept as they are. */
  status: string;
  created_at: string | null;
  updated_at: string | null;
  last_accessed_at: string | null;
  disabled_at: string | null;
  link: string | null;
  stats?: GuestStats;
}

export interface GuestCreateInput extends Partial<GuestFields> {
  email: string;
}

export interface GuestPage {
  guests: Guest[];
  /** 1-based page number as reported by meta.pagination (or counted when absent). */
  page: number;
  totalPages: number | null;
  total: number | null;
}

export interface ListGuestsOptions {
  /** Tallyfy's `q`: server-side filter (by email per the docs). */
  q?: string;
  /** Tallyfy's `sort`, e.g. "created_at", "-updated_at", "name". */
  sort?: string;
  perPage?: number;
  withStats?: boolean;
}

export interface Me {
  id: number;
  email: string;
  first_name?: string | null;
  last_name?: string | null;
  username?: string | null;
  timezone?: string | null;
}

export interface Organization {
  id: string;
  name: string;
}

export interface Group {
  id: string;
  name: string;
  description: string | null;
  /** Member (user) ids. Tallyfy's group PUT replaces this whole list. */
  members: number[];
  /** Guest emails. Tallyfy's group PUT replaces this whole list. */
  guests: string[];
  created_at: string | null;
  last_updated: string | null;
}

export interface GroupChanges {
  name?: string;
  description?: string;
  members?: number[];
  guests?: string[];
}

/** One request as sent, with the token already replaced; used for the log and "Copy as curl". */
export interface RequestRecord {
  method: string;
  url: string;
  /** Header values as sent, except Authorization, which reads `Bearer $TALLYFY_TOKEN`. */
  headers: Record<string, string>;
  body?: string;
  status?: number;
  durationMs?: number;
}

export interface Logger {
  trace?(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
