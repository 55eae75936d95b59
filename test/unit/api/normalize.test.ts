import { strict as assert } from 'assert';
import fc from 'fast-check';
import { ProtocolError } from '../../../src/api/errors';
import { normalizeGroup, normalizeMe, normalizeOrganization } from '../../../src/api/group';
import { normalizeGuest } from '../../../src/api/guest';

describe('normalizeGuest', () => {
  it('reads the 2026 docs shape: names at top level, the rest in details, integer id, no updated_at', () => {
    const guest = normalizeGuest({
      id: 4711,
      email: 'ana+ops@client.test',
      first_name: 'Ana',
      last_name: 'Ops',
      last_accessed_at: '2026-01-02 10:00:00',
      created_at: '2025-12-01 09:00:00',
      link: 'https://go.tallyfy.com/guest/abc',
      details: { status: 'active', phone_1: '+1 555', phone_2: null, timezone: 'Europe/Paris', company_name: 'Client Co', associated_members: [1, 2], disabled_at: null },
    });
    assert.deepEqual(guest, {
      id: '4711', email: 'ana+ops@client.test', first_name: 'Ana', last_name: 'Ops', phone_1: '+1 555', phone_2: null,
      company_name: 'Client Co', timezone: 'Europe/Paris', associated_members: [1, 2], status: 'active',
      created_at: '2025-12-01 09:00:00', updated_at: null, last_accessed_at: '2026-01-02 10:00:00', disabled_at: null,
      link: 'https://go.tallyfy.com/guest/abc',
    });
  });

  it('reads the 2025 shape: everything, updated_at included, in details, string id', () => {
    const guest = normalizeGuest({
      id: 'guest_code_abc123',
      email: 'g@x.test',
      details: { first_name: 'Guesty', last_name: 'McGuestface', company_name: 'Corp', status: 'disabled', updated_at: '2019-09-14T12:30:00Z', disabled_at: '2019-09-14T12:00:00Z' },
    });
    assert.equal(guest.id, 'guest_code_abc123');
    assert.equal(guest.first_name, 'Guesty');
    assert.equal(guest.last_name, 'McGuestface');
    assert.equal(guest.company_name, 'Corp');
    assert.equal(guest.status, 'disabled');
    assert.equal(guest.updated_at, '2019-09-14T12:30:00Z');
    assert.equal(guest.disabled_at, '2019-09-14T12:00:00Z');
    assert.equal(guest.associated_members, null);
  });

  it('prefers the top level and falls back to details when the top level is null', () => {
    const guest = normalizeGuest({ email: 'a@b.test', first_name: 'Top', last_accessed_at: null, details: { first_name: 'Inner', last_accessed_at: '2026-02-02' } });
    assert.equal(guest.first_name, 'Top');
    assert.equal(guest.last_accessed_at, '2026-02-02');
  });

  it('turns numbers into strings, junk into null, keeps only integer members, treats "" as empty', () => {
    const guest = normalizeGuest({
      email: 'a@b.test',
      phone_1: 5551234,
      first_name: { nested: true },
      last_name: ['x'],
      company_name: '',
      timezone: true,
      details: { associated_members: [1, '2', 3.5, null, 4, { id: 5 }], status: 7 },
      stats: { assigned_tasks: 3, tasks_completed: '2', last_task_completed_at: 17, junk: 'x' },
    });
    assert.equal(guest.phone_1, '5551234');
    assert.equal(guest.first_name, null);
    assert.equal(guest.last_name, null);
    assert.equal(guest.company_name, null);
    assert.equal(guest.timezone, null);
    assert.deepEqual(guest.associated_members, [1, 4]);
    assert.equal(guest.status, '7');
    assert.deepEqual(guest.stats, { assigned_tasks: 3, tasks_completed: 2, last_task_completed_at: '17' });
  });

  it('keeps associated_members null when null, and defaults status from disabled_at', () => {
    assert.equal(normalizeGuest({ email: 'a@b.test', details: { associated_members: null } }).associated_members, null);
    assert.equal(normalizeGuest({ email: 'a@b.test' }).status, 'active');
    assert.equal(normalizeGuest({ email: 'a@b.test', details: { disabled_at: '2026-01-01' } }).status, 'disabled');
  });

  it('throws ProtocolError only for a missing or non-string email', () => {
    for (const raw of [undefined, null, 42, 'x', [], {}, { email: 3 }, { email: '' }, { details: { email: 'a@b.test' } }]) {
      assert.throws(() => normalizeGuest(raw), ProtocolError);
    }
  });

  it('never throws on any JSON value that has a string email (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.jsonValue(), fc.string({ minLength: 1 }), (top, details, email) => {
        const guest = normalizeGuest({ ...top, details, email });
        assert.equal(guest.email, email);
        assert.equal(typeof guest.id, 'string');
        for (const key of ['first_name', 'last_name', 'phone_1', 'phone_2', 'company_name', 'timezone', 'updated_at'] as const) {
          assert.ok(guest[key] === null || typeof guest[key] === 'string');
        }
        assert.ok(guest.associated_members === null || guest.associated_members.every(Number.isInteger));
      }),
      { numRuns: 300 },
    );
  });
});

describe('normalizeGroup, normalizeMe, normalizeOrganization', () => {
  it('turns a group into ids and emails, accepting guest objects and member objects', () => {
    const group = normalizeGroup({
      id: 12,
      name: 'Ops',
      description: null,
      members: [1, '2', 3.5, { id: 4 }],
      guests: ['a@b.test', { email: 'c@d.test', id: 9 }, { nope: 1 }, 5],
      created_at: '2026-01-01',
      last_updated: '2026-02-01',
    });
    assert.deepEqual(group, {
      id: '12', name: 'Ops', description: null, members: [1, 4], guests: ['a@b.test', 'c@d.test'], created_at: '2026-01-01', last_updated: '2026-02-01',
    });
    assert.deepEqual(normalizeGroup({ id: 'g1' }).members, []);
    assert.throws(() => normalizeGroup({ name: 'no id' }), ProtocolError);
  });

  it('reads /me and organizations', () => {
    assert.deepEqual(normalizeMe({ id: '7', email: 'me@x.test', first_name: 'Me', extra: 1 }), {
      id: 7, email: 'me@x.test', first_name: 'Me', last_name: null, username: null, timezone: null,
    });
    assert.throws(() => normalizeMe({ email: 'me@x.test' }), ProtocolError);
    assert.deepEqual(normalizeOrganization({ id: 'org_1', name: 'Acme' }), { id: 'org_1', name: 'Acme' });
    assert.deepEqual(normalizeOrganization({ id: 5 }), { id: '5', name: '5' });
    assert.throws(() => normalizeOrganization({ name: 'x' }), ProtocolError);
  });
});
