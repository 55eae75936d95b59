import { strict as assert } from 'assert';
import { editBaseOf, findConflict, rebaseEdits } from '../../../src/editing/conflict';
import { pickFields } from '../../../src/editing/formValues';
import { saveGuest, type ConflictChoice } from '../../../src/editing/saveGuest';
import { undoRecordFor, undoUpdate } from '../../../src/editing/undo';
import type { Conflict } from '../../../src/editing/conflict';
import { FakeGuestApi, guest } from './fakeApi';

function answering(choice: ConflictChoice, seen: Conflict[] = []) {
  return async (conflict: Conflict): Promise<ConflictChoice> => {
    seen.push(conflict);
    return choice;
  };
}

describe('editing: findConflict', () => {
  it('uses updated_at when both sides have it, even if no editable field differs', () => {
    const base = editBaseOf(guest());
    assert.equal(findConflict(base, guest()), undefined);
    const moved = findConflict(base, guest({ updated_at: '2025-02-02T00:00:00Z' }));
    assert.ok(moved);
    assert.deepEqual(moved.fields, []);
  });

  it('compares the editable fields when Tallyfy sends no updated_at (2026 shape)', () => {
    const base = editBaseOf(guest({ updated_at: null }));
    assert.equal(findConflict(base, guest({ updated_at: null, associated_members: [1, 3] })), undefined, 'member order does not matter');
    const changed = findConflict(base, guest({ updated_at: null, phone_1: '+1 555 0199', company_name: '  Client Co ' }));
    assert.deepEqual(changed?.fields, ['phone_1']);
  });

  it('rebaseEdits takes their value for conflicting fields and keeps the user\'s other edits', () => {
    const base = editBaseOf(guest());
    const edited = { ...base.fields, first_name: 'Anna', phone_1: '+1 555 0111' };
    const conflict = findConflict(base, guest({ phone_1: '+44 20 7946 0958', updated_at: '2025-02-03T00:00:00Z' }));
    assert.ok(conflict);
    const rebased = rebaseEdits(edited, conflict);
    assert.equal(rebased.first_name, 'Anna');
    assert.equal(rebased.phone_1, '+44 20 7946 0958');
  });
});

describe('editing: saveGuest', () => {
  it('sends only the changed fields after re-reading the guest', async () => {
    const api = new FakeGuestApi(guest());
    const base = editBaseOf(guest());
    const outcome = await saveGuest(api, { email: 'ana+ops@client.test', base, edited: { ...base.fields, phone_2: ' 020 7946 0000 ', first_name: 'Ana' }, resolveConflict: answering('cancel') });
    assert.equal(outcome.kind, 'saved');
    assert.equal(api.gets, 1);
    assert.deepEqual(api.puts, [{ email: 'ana+ops@client.test', body: { phone_2: '020 7946 0000' } }]);
    if (outcome.kind === 'saved') assert.deepEqual(outcome.unapplied, []);
  });

  it('sends nothing (and reads nothing) when nothing changed', async () => {
    const api = new FakeGuestApi(guest());
    const base = editBaseOf(guest());
    const outcome = await saveGuest(api, { email: 'ana+ops@client.test', base, edited: { ...base.fields, associated_members: [1, 3, 3] }, resolveConflict: answering('overwrite') });
    assert.equal(outcome.kind, 'unchanged');
    assert.equal(api.gets, 0);
    assert.equal(api.puts.length, 0);
  });

  it('reports fields a docs2026-style PUT ignored', async () => {
    const api = new FakeGuestApi(guest({ updated_at: null }), 'docs2026');
    const base = editBaseOf(guest({ updated_at: null }));
    const outcome = await saveGuest(api, { email: 'ana+ops@client.test', base, edited: { ...base.fields, first_name: 'Anna', associated_members: [7] }, resolveConflict: answering('cancel') });
    assert.equal(outcome.kind, 'saved');
    if (outcome.kind === 'saved') {
      assert.deepEqual(outcome.unapplied, ['first_name']);
      assert.deepEqual(outcome.guest.associated_members, [7]);
    }
  });

  for (const [choice, kind, puts] of [['overwrite', 'saved', 1], ['reload', 'reload', 0], ['cancel', 'cancelled', 0]] as const) {
    it(`on a conflict, "${choice}" gives ${kind} with ${puts} PUT`, async () => {
      const api = new FakeGuestApi(guest());
      const base = editBaseOf(guest());
      api.server = guest({ company_name: 'Their Co', updated_at: '2025-02-05T00:00:00Z' });
      const seen: Conflict[] = [];
      const outcome = await saveGuest(api, { email: 'ana+ops@client.test', base, edited: { ...base.fields, first_name: 'Anna' }, resolveConflict: answering(choice, seen) });
      assert.equal(outcome.kind, kind);
      assert.equal(api.puts.length, puts);
      assert.deepEqual(seen.map((c) => c.fields), [['company_name']]);
      if (choice === 'overwrite') {
        assert.deepEqual(api.puts[0].body, { first_name: 'Anna' }, 'overwrite sends the user\'s changes only');
        assert.equal(api.server.company_name, 'Their Co', 'their change to a field the user did not touch stays');
      }
    });
  }
});

describe('editing: undo', () => {
  it('restores the previous values of the applied fields', async () => {
    const api = new FakeGuestApi(guest());
    const base = editBaseOf(guest());
    const saved = await saveGuest(api, { email: 'ana+ops@client.test', base, edited: { ...base.fields, phone_1: null, associated_members: null }, resolveConflict: answering('cancel') });
    assert.equal(saved.kind, 'saved');
    if (saved.kind !== 'saved') return;
    const record = undoRecordFor(saved);
    assert.ok(record);
    assert.deepEqual(record.fields.sort(), ['associated_members', 'phone_1']);
    const undone = await undoUpdate(api, record, async () => false);
    assert.equal(undone.kind, 'saved');
    assert.deepEqual(api.puts[1].body, { phone_1: '+1 555 0100', associated_members: [1, 3] });
    assert.deepEqual(pickFields(api.server), pickFields({ ...guest(), associated_members: [1, 3] }));
  });

  it('has nothing to undo when Tallyfy applied none of the fields', async () => {
    const api = new FakeGuestApi(guest({ updated_at: null }), 'docs2026');
    const base = editBaseOf(guest({ updated_at: null }));
    const saved = await saveGuest(api, { email: 'ana+ops@client.test', base, edited: { ...base.fields, last_name: 'Operations' }, resolveConflict: answering('cancel') });
    assert.equal(saved.kind, 'saved');
    if (saved.kind === 'saved') assert.equal(undoRecordFor(saved), undefined);
  });

  it('asks before overwriting a change made after the update, and declining sends nothing', async () => {
    const api = new FakeGuestApi(guest());
    const base = editBaseOf(guest());
    const saved = await saveGuest(api, { email: 'ana+ops@client.test', base, edited: { ...base.fields, timezone: 'UTC' }, resolveConflict: answering('cancel') });
    if (saved.kind !== 'saved') throw new Error(saved.kind);
    const record = undoRecordFor(saved);
    assert.ok(record);
    api.server = { ...api.server, timezone: 'Asia/Tokyo', updated_at: '2025-04-01T00:00:00Z' };
    const asked: Conflict[] = [];
    const declined = await undoUpdate(api, record, async (conflict) => (asked.push(conflict), false));
    assert.equal(declined.kind, 'cancelled');
    assert.deepEqual(asked.map((c) => c.fields), [['timezone']]);
    assert.equal(api.puts.length, 1);
    const accepted = await undoUpdate(api, record, async () => true);
    assert.equal(accepted.kind, 'saved');
    assert.equal(api.server.timezone, 'Europe/London');
  });
});
