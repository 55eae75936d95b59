// A TallyfyApi stand-in for the editing logic's unit tests: getGuest returns what the test put on
// the "server", updateGuest applies the body the way a chosen PUT mode would and records it.
import type { Guest, GuestChanges } from '../../../src/api/types';
import { EDITABLE_FIELDS } from '../../../src/api/types';
import type { GuestWriter } from '../../../src/editing/saveGuest';

export function guest(overrides: Partial<Guest> = {}): Guest {
  return {
    id: '1', email: 'ana+ops@client.test', status: 'active',
    first_name: 'Ana', last_name: 'Ops', phone_1: '+1 555 0100', phone_2: null, company_name: 'Client Co',
    timezone: 'Europe/London', associated_members: [3, 1],
    created_at: '2025-01-01T00:00:00Z', updated_at: '2025-02-01T00:00:00Z', last_accessed_at: null, disabled_at: null, link: null,
    ...overrides,
  };
}

export class FakeGuestApi implements GuestWriter {
  readonly puts: { email: string; body: GuestChanges }[] = [];
  gets = 0;
  private tick = 0;

  constructor(
    public server: Guest,
    /** 'seed' applies every field; 'docs2026' only associated_members and drops updated_at. */
    readonly mode: 'seed' | 'docs2026' = 'seed',
  ) {}

  async getGuest(): Promise<Guest> {
    this.gets++;
    return { ...this.server };
  }

  async updateGuest(email: string, changes: GuestChanges): Promise<Guest> {
    this.puts.push({ email, body: { ...changes } });
    const next = { ...this.server } as unknown as Record<string, unknown>;
    for (const field of EDITABLE_FIELDS) {
      if (changes[field] === undefined) continue;
      if (this.mode === 'docs2026' && field !== 'associated_members') continue;
      next[field] = field === 'associated_members' && Array.isArray(changes[field]) && changes[field]!.length === 0 ? null : changes[field];
    }
    next.updated_at = this.mode === 'docs2026' ? null : `2025-03-01T00:00:${String(++this.tick).padStart(2, '0')}Z`;
    this.server = next as unknown as Guest;
    return { ...this.server };
  }
}
