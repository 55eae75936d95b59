// The sandbox's mutable world: guests, groups, members, runtime options and limit state.
// Guests are keyed by lower-case email: the path lookup is case-insensitive (an assumption; the
// doc marks it unknown) and emails are unique case-insensitively.
import { Prng } from './prng';
import { TokenBucket, InviteCap } from './rateLimit';
import { blankGuest, createSeedData, guestCode } from './seedData';
import { bumpedIso, nowIso } from './time';
import type { RuntimeOptions, SandboxGroup, SandboxGuest, SandboxMember } from './types';

export interface StartOptions extends RuntimeOptions {
  port: number;
  host: string;
  guests: number;
  seed: number;
  orgId: string;
  token: string;
  maxPerPage: number;
  groups: number;
}

export class SandboxState {
  readonly guests = new Map<string, SandboxGuest>();
  groups: SandboxGroup[] = [];
  members: SandboxMember[] = [];
  options!: RuntimeOptions;
  bucket: TokenBucket | null = null;
  readonly inviteCap = new InviteCap();
  private prng!: Prng;
  private lastGuestId = 0;

  constructor(readonly start: StartOptions) {
    this.reset();
  }

  reset(): void {
    const seeded = createSeedData(this.start.seed, this.start.guests, this.start.groups);
    this.guests.clear();
    for (const guest of seeded.guests) this.guests.set(guest.email.toLowerCase(), guest);
    this.groups = seeded.groups;
    this.members = seeded.members;
    this.lastGuestId = Math.max(1000, ...seeded.guests.map((g) => g.id));
    // A separate stream for ids made at run time, so they do not disturb the seeded data.
    this.prng = new Prng(this.start.seed ^ 0x5eed);
    this.inviteCap.clear();
    const { port: _p, host: _h, guests: _g, seed: _s, orgId: _o, token: _t, maxPerPage: _m, groups: _n, ...runtime } = this.start;
    this.options = { ...runtime };
    this.bucket = runtime.rateLimit ? new TokenBucket(runtime.rateLimit) : null;
  }

  configure(changes: Partial<RuntimeOptions>): void {
    this.options = { ...this.options, ...changes };
    if ('rateLimit' in changes) this.bucket = changes.rateLimit ? new TokenBucket(changes.rateLimit) : null;
  }

  findGuest(email: string): SandboxGuest | undefined {
    return this.guests.get(email.toLowerCase());
  }

  memberIds(): Set<number> {
    return new Set(this.members.map((m) => m.id));
  }

  isMemberEmail(email: string): boolean {
    return this.members.some((m) => m.email.toLowerCase() === email.toLowerCase());
  }

  /** Adds a guest; throws if the email is taken. */
  insertGuest(fields: Partial<SandboxGuest> & { email: string }): SandboxGuest {
    if (this.findGuest(fields.email)) throw new Error(`Sandbox already has a guest ${fields.email}`);
    const now = nowIso();
    const guest: SandboxGuest = { ...blankGuest(++this.lastGuestId, guestCode(this.prng), fields.email, now), ...fields };
    this.guests.set(guest.email.toLowerCase(), guest);
    return guest;
  }

  /** Removes a guest from the org and from every group's guest list. */
  deleteGuest(email: string): SandboxGuest | undefined {
    const guest = this.findGuest(email);
    if (!guest) return undefined;
    this.guests.delete(guest.email.toLowerCase());
    for (const group of this.groups) {
      const before = group.guests.length;
      group.guests = group.guests.filter((e) => e.toLowerCase() !== guest.email.toLowerCase());
      if (group.guests.length !== before) group.last_updated = bumpedIso(group.last_updated);
    }
    return guest;
  }

  touchGuest(guest: SandboxGuest): void {
    guest.updated_at = bumpedIso(guest.updated_at);
  }

  newGroupId(): string {
    let id: string;
    do id = this.prng.string(32, '0123456789abcdef');
    while (this.groups.some((g) => g.id === id));
    return id;
  }

  /** Turns a guest into an org member (POST …/to/member). */
  addMember(guest: SandboxGuest): SandboxMember {
    const member = {
      id: Math.max(...this.members.map((m) => m.id)) + 1,
      email: guest.email,
      first_name: guest.first_name ?? '',
      last_name: guest.last_name ?? '',
    };
    this.members.push(member);
    return member;
  }
}
