// Deterministic seeded data: the org's members, the /me user, guests (generated plus fixed awkward
// ones that exercise escaping, case and encoding) and groups. Same options => same data.
import { Prng } from './prng';
import { COMPANIES, DOMAINS, FIRST_NAMES, GROUP_NAMES, LAST_NAMES, MEMBER_NAMES, PLACES, TIMEZONES } from './seedNames';
import { SEED_EPOCH_MS, isoSeconds } from './time';
import type { SandboxGroup, SandboxGuest, SandboxMember } from './types';

export const ME: SandboxMember & { username: string; timezone: string } = {
  id: 7001,
  email: 'sandra.admin@sandbox-org.test',
  username: 'sandra.admin',
  first_name: 'Sandra',
  last_name: 'Admin',
  timezone: 'Europe/London',
};

const DAY_MS = 24 * 3600 * 1000;
const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export interface SeedData {
  members: SandboxMember[];
  guests: SandboxGuest[];
  groups: SandboxGroup[];
}

/** Members 1..20 plus the /me user. */
export function seedMembers(): SandboxMember[] {
  const members = MEMBER_NAMES.map(([first, last], i) => ({
    id: i + 1,
    email: `${first.toLowerCase()}.${last.toLowerCase()}@sandbox-org.test`,
    first_name: first,
    last_name: last,
  }));
  return [...members, { id: ME.id, email: ME.email, first_name: ME.first_name, last_name: ME.last_name }];
}

export function guestCode(prng: Prng): string {
  return prng.string(40, CODE_ALPHABET);
}

/** A guest with every optional field empty; the caller fills in what it knows. */
export function blankGuest(id: number, code: string, email: string, createdAt: string): SandboxGuest {
  return {
    id, guest_code: code, email,
    first_name: null, last_name: null, phone_1: null, phone_2: null, company_name: null, timezone: null,
    image_url: null, contact_url: null, company_url: null, opportunity_url: null, opportunity_name: null,
    external_sync_source: null, external_date_creation: null, cadence_days: null, associated_members: null,
    status: 'active', last_known_ip: null, last_known_country: null, last_city: null,
    created_at: createdAt, updated_at: createdAt, last_accessed_at: null, deleted_at: null,
    disabled_at: null, disabled_by: null, reactivated_at: null, reactivated_by: null,
    stats: { assigned_tasks: 0, tasks_completed: 0, last_task_completed_at: null, one_off_tasks_completed: 0, last_one_off_task_completed_at: null },
  };
}

function asciiSlug(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/gi, 'l').toLowerCase().replace(/[^a-z0-9]/g, '');
}

function randomPhone(prng: Prng): string {
  const formats = [
    () => `+1 555 ${prng.int(100, 999)} ${prng.int(1000, 9999)}`,
    () => `+44 20 7946 ${prng.int(1000, 9999)}`,
    () => `(555) ${prng.int(100, 999)}-${prng.int(1000, 9999)}`,
    () => `+49 30 ${prng.int(1000000, 9999999)}`,
    () => `0${prng.int(100000000, 999999999)}`,
  ];
  return prng.pick(formats)();
}

/** Fills the randomised parts (dates, activity, stats, contact details) of a guest. */
function randomise(prng: Prng, guest: SandboxGuest): void {
  const createdMs = SEED_EPOCH_MS - prng.int(1, 730) * DAY_MS - prng.int(0, 86399) * 1000;
  guest.created_at = isoSeconds(createdMs);
  guest.updated_at = isoSeconds(createdMs + prng.int(0, Math.floor((SEED_EPOCH_MS - createdMs) / 1000)) * 1000);
  guest.timezone = prng.chance(0.85) ? prng.pick(TIMEZONES) : null;
  guest.phone_1 = prng.chance(0.7) ? randomPhone(prng) : null;
  guest.phone_2 = prng.chance(0.2) ? randomPhone(prng) : null;
  guest.associated_members = prng.chance(0.5) ? prng.sample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], prng.int(1, 3)).sort((a, b) => a - b) : null;
  if (prng.chance(0.8)) {
    const place = prng.pick(PLACES);
    guest.last_accessed_at = isoSeconds(createdMs + prng.int(0, Math.floor((SEED_EPOCH_MS - createdMs) / 1000)) * 1000);
    guest.last_known_ip = `203.0.113.${prng.int(1, 254)}`;
    guest.last_known_country = place.country;
    guest.last_city = place.city;
  }
  const assigned = prng.int(0, 30);
  const completed = prng.chance(0.6) ? assigned : prng.int(0, assigned);
  guest.stats = {
    assigned_tasks: assigned,
    tasks_completed: completed,
    last_task_completed_at: completed > 0 ? guest.last_accessed_at ?? guest.updated_at : null,
    one_off_tasks_completed: prng.int(0, 3),
    last_one_off_task_completed_at: null,
  };
  if (prng.chance(0.1)) {
    guest.status = 'disabled';
    guest.disabled_at = guest.updated_at;
    guest.disabled_by = prng.int(1, 20);
  }
}

function fixedGuests(prng: Prng, nextId: () => number): SandboxGuest[] {
  const fixed: Array<[string, string | null, string | null, string | null]> = [
    ['ana+ops@client.test', 'Ana', 'Ops', 'Client Ops Ltd'],
    ['Mixed.Case@Client.test', 'Mixed', 'Case', 'Client Ops Ltd'],
    ['zoe.muller@client.test', 'Zoë', 'Müller-Łukasiewicz', 'Müller & Söhne KG'],
    ['html.name@client.test', '<img src=x onerror=alert(1)>', null, `"Quotes" & 'Apostrophes' <b>bold</b>`],
    ['markdown.name@client.test', '[click](https://evil.test)', null, null],
    ['no.name@client.test', null, null, null],
  ];
  return fixed.map(([email, first, last, company]) => {
    const guest = blankGuest(nextId(), guestCode(prng), email, '');
    randomise(prng, guest);
    Object.assign(guest, { first_name: first, last_name: last, company_name: company });
    return guest;
  });
}

function generatedGuests(prng: Prng, count: number, nextId: () => number): SandboxGuest[] {
  const guests: SandboxGuest[] = [];
  for (let n = 1; n <= count; n++) {
    const first = prng.pick(FIRST_NAMES);
    const last = prng.pick(LAST_NAMES);
    const email = `${asciiSlug(first)}.${asciiSlug(last)}.${n}@${prng.pick(DOMAINS)}`;
    const guest = blankGuest(nextId(), guestCode(prng), email, '');
    randomise(prng, guest);
    guest.first_name = first;
    guest.last_name = last;
    guest.company_name = prng.chance(0.8) ? prng.pick(COMPANIES) : null;
    guests.push(guest);
  }
  return guests;
}

function seedGroups(prng: Prng, count: number, guests: SandboxGuest[]): SandboxGroup[] {
  const groups: SandboxGroup[] = [];
  for (let i = 0; i < count; i++) {
    const base = GROUP_NAMES[i % GROUP_NAMES.length];
    const createdMs = SEED_EPOCH_MS - prng.int(30, 400) * DAY_MS;
    groups.push({
      id: prng.string(32, '0123456789abcdef'),
      name: i < GROUP_NAMES.length ? base : `${base} ${Math.floor(i / GROUP_NAMES.length) + 1}`,
      description: `Seeded group: ${base.toLowerCase()}`,
      logo: null,
      members: prng.sample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], prng.int(1, 4)).sort((a, b) => a - b),
      guests: prng.sample(guests, Math.min(guests.length, prng.int(0, 5))).map((g) => g.email),
      created_at: isoSeconds(createdMs),
      last_updated: isoSeconds(createdMs + prng.int(0, 29) * DAY_MS),
    });
  }
  return groups;
}

export function createSeedData(seed: number, guestCount: number, groupCount: number): SeedData {
  const prng = new Prng(seed);
  let id = 1000;
  const nextId = (): number => ++id;
  const guests = [...fixedGuests(prng, nextId), ...generatedGuests(prng, guestCount, nextId)];
  return { members: seedMembers(), guests, groups: seedGroups(prng, groupCount, guests) };
}
