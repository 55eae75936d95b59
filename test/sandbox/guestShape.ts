// Guest JSON as Tallyfy sends it. The sources disagree (shared doc §2), so the shape follows putMode:
// - 'docs2026' (current docs): integer `id`, names and access data at the top level, the rest in
//   `details`, dates as `Y-m-d H:i:s`, and no updated_at anywhere.
// - 'seed' (the 2025 docs the team started from): `id` "guest_code_…", only `id` and `email` at the
//   top level, everything else (names, updated_at) in `details`, dates as ISO 8601.
//   Assumption: created_at also lives in `details` in this form (the 2025 example shows only
//   id, email and details).
// `stats` is added only when the request asked for `with=stats`.
import { ymdHis } from './time';
import type { PutMode, SandboxGuest } from './types';

const LINK_BASE = 'https://go.tallyfy.test/guest-link/';

function sharedDetails(g: SandboxGuest, date: (iso: string | null) => string | null): Record<string, unknown> {
  return {
    status: g.status,
    phone_1: g.phone_1,
    phone_2: g.phone_2,
    timezone: g.timezone,
    image_url: g.image_url,
    contact_url: g.contact_url,
    company_url: g.company_url,
    opportunity_url: g.opportunity_url,
    company_name: g.company_name,
    opportunity_name: g.opportunity_name,
    external_sync_source: g.external_sync_source,
    external_date_creation: g.external_date_creation,
    cadence_days: g.cadence_days,
    associated_members: g.associated_members === null ? null : [...g.associated_members],
    last_city: g.last_city,
    last_country: g.last_known_country,
    last_accessed_at: date(g.last_accessed_at),
    disabled_at: date(g.disabled_at),
    disabled_by: g.disabled_by,
    reactivated_at: date(g.reactivated_at),
    reactivated_by: g.reactivated_by,
  };
}

function docs2026(g: SandboxGuest): Record<string, unknown> {
  return {
    id: g.id,
    email: g.email,
    first_name: g.first_name,
    last_name: g.last_name,
    last_accessed_at: ymdHis(g.last_accessed_at),
    last_known_ip: g.last_known_ip,
    last_known_country: g.last_known_country,
    created_at: ymdHis(g.created_at),
    deleted_at: ymdHis(g.deleted_at),
    link: LINK_BASE + g.guest_code,
    details: sharedDetails(g, ymdHis),
  };
}

function seed2025(g: SandboxGuest): Record<string, unknown> {
  return {
    id: `guest_code_${g.guest_code}`,
    email: g.email,
    details: {
      first_name: g.first_name,
      last_name: g.last_name,
      ...sharedDetails(g, (iso) => iso),
      created_at: g.created_at,
      updated_at: g.updated_at,
    },
  };
}

export function guestJson(g: SandboxGuest, mode: PutMode, withStats: boolean): Record<string, unknown> {
  const json = mode === 'docs2026' ? docs2026(g) : seed2025(g);
  if (withStats) {
    const date = mode === 'docs2026' ? ymdHis : (iso: string | null): string | null => iso;
    json.stats = {
      ...g.stats,
      last_task_completed_at: date(g.stats.last_task_completed_at),
      last_one_off_task_completed_at: date(g.stats.last_one_off_task_completed_at),
    };
  }
  return json;
}

/** `with=stats`, `with=stats,assets` and similar. */
export function wantsStats(query: Record<string, string>): boolean {
  return (query.with ?? '').split(',').map((s) => s.trim()).includes('stats');
}
