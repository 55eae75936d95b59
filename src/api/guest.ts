// Guest JSON → Guest. Tallyfy's sources disagree on the shape (shared/docs/tallyfy-api.md §2):
// the 2026 docs put names at the top level and the rest in `details` (no updated_at); the 2025
// docs put everything, updated_at included, in `details`. So each field is read from the top
// level first and falls back to `details`.
import { ProtocolError } from './errors';
import { asCount, asIntegerList, asObject, asText, type JsonObject } from './jsonValues';
import type { Guest, GuestStats } from './types';

const EMPTY: JsonObject = {};

/** Pure; never throws except for a guest without a string email (ProtocolError). */
export function normalizeGuest(raw: unknown): Guest {
  const top = asObject(raw) ?? EMPTY;
  const email = top.email;
  if (typeof email !== 'string' || email === '') {
    throw new ProtocolError('Tallyfy sent a guest without an email address, which this extension cannot show. Try refreshing.');
  }
  const details = asObject(top.details) ?? EMPTY;
  const text = (key: string): string | null => field(top, details, key);
  const disabledAt = text('disabled_at');
  const guest: Guest = {
    id: asText(top.id) ?? '',
    email,
    first_name: text('first_name'),
    last_name: text('last_name'),
    phone_1: text('phone_1'),
    phone_2: text('phone_2'),
    company_name: text('company_name'),
    timezone: text('timezone'),
    associated_members: asIntegerList(top.associated_members) ?? asIntegerList(details.associated_members),
    // A guest without a status is treated as active unless it carries a disable date.
    status: text('status') ?? (disabledAt ? 'disabled' : 'active'),
    created_at: text('created_at'),
    updated_at: text('updated_at'),
    last_accessed_at: text('last_accessed_at'),
    disabled_at: disabledAt,
    link: text('link'),
  };
  const stats = normalizeStats(top.stats);
  if (stats) guest.stats = stats;
  return guest;
}

function field(top: JsonObject, details: JsonObject, key: string): string | null {
  const value = top[key];
  // Fast path: most values are strings already.
  if (typeof value === 'string' && value !== '') return value;
  return asText(value) ?? asText(details[key]);
}

function normalizeStats(raw: unknown): GuestStats | undefined {
  const stats = asObject(raw);
  if (!stats) return undefined;
  const out: GuestStats = {};
  for (const key of ['assigned_tasks', 'tasks_completed', 'one_off_tasks_completed'] as const) {
    const count = asCount(stats[key]);
    if (count !== undefined) out[key] = count;
  }
  for (const key of ['last_task_completed_at', 'last_one_off_task_completed_at'] as const) {
    if (key in stats) out[key] = asText(stats[key]);
  }
  return out;
}
