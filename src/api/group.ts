// Group, user and organization JSON → the extension's types, as leniently as guests (guest.ts).
import { ProtocolError } from './errors';
import { asId, asObject, asText } from './jsonValues';
import type { Group, Me, Organization } from './types';

export function normalizeGroup(raw: unknown): Group {
  const group = asObject(raw);
  const id = asId(group?.id);
  if (!group || id === undefined) {
    throw new ProtocolError('Tallyfy sent a group without an id, which this extension cannot use. Try refreshing.');
  }
  return {
    id,
    name: asText(group.name) ?? '',
    description: asText(group.description),
    members: memberIds(group.members),
    guests: guestEmails(group.guests),
    created_at: asText(group.created_at),
    last_updated: asText(group.last_updated) ?? asText(group.updated_at),
  };
}

/** Integers, or objects carrying an integer `id` (with=users). */
function memberIds(value: unknown): number[] {
  if (!Array.isArray(value)) return [];
  const out: number[] = [];
  for (const item of value) {
    const id = Number.isInteger(item) ? item : asObject(item)?.id;
    if (Number.isInteger(id)) out.push(id as number);
  }
  return out;
}

/** Emails as strings, or objects with an `email` key (with=guests). */
function guestEmails(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const item of value) {
    const email = typeof item === 'string' ? item : asObject(item)?.email;
    if (typeof email === 'string' && email !== '') out.push(email);
  }
  return out;
}

export function normalizeMe(raw: unknown): Me {
  const me = asObject(raw);
  const id = typeof me?.id === 'string' && /^\d+$/.test(me.id) ? Number(me.id) : me?.id;
  if (!me || !Number.isInteger(id) || typeof me.email !== 'string') {
    throw new ProtocolError('Tallyfy did not say who this token belongs to (GET /me). Check the API base URL setting.');
  }
  return {
    id: id as number,
    email: me.email,
    first_name: asText(me.first_name),
    last_name: asText(me.last_name),
    username: asText(me.username),
    timezone: asText(me.timezone),
  };
}

export function normalizeOrganization(raw: unknown): Organization {
  const org = asObject(raw);
  const id = asId(org?.id);
  if (!org || id === undefined) {
    throw new ProtocolError('Tallyfy sent an organization without an id. Try again.');
  }
  return { id, name: asText(org.name) ?? id };
}
