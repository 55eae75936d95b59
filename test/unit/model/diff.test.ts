import { strict as assert } from 'assert';
import fc from 'fast-check';
import type { GuestFields } from '../../../src/api/types';
import { applyChanges, conflictingFields, diffGuest, normaliseFields, unappliedFields } from '../../../src/model/diff';
import { arbitraryFields, emptyFields, makeGuest } from './guestFixtures';

describe('model/diff', () => {
  describe('normaliseFields', () => {
    it('trims text, makes blanks null and sorts member ids without repeats', () => {
      const fields = emptyFields({ first_name: '  Jane ', last_name: '   ', phone_1: '', associated_members: [5, 3, 5, 1] });
      assert.deepEqual(normaliseFields(fields), emptyFields({ first_name: 'Jane', associated_members: [1, 3, 5] }));
    });

    it('keeps only the editable fields of a whole guest', () => {
      assert.deepEqual(Object.keys(normaliseFields(makeGuest())).sort(), [
        'associated_members', 'company_name', 'first_name', 'last_name', 'phone_1', 'phone_2', 'timezone',
      ]);
    });

    it('treats an empty member list as no members and reads numeric strings from a lenient server', () => {
      assert.equal(normaliseFields(emptyFields({ associated_members: [] })).associated_members, null);
      const lenient = emptyFields({ associated_members: ['12', 7, 'x', -1, 0, 1.5] as unknown as number[] });
      assert.deepEqual(normaliseFields(lenient).associated_members, [7, 12]);
    });
  });

  describe('diffGuest', () => {
    it('sends only the fields that changed, trimmed', () => {
      const original = emptyFields({ first_name: 'Jane', last_name: 'Doe', company_name: 'Acme' });
      const edited = emptyFields({ first_name: 'Jane', last_name: ' Smith ', company_name: 'Acme' });
      assert.deepEqual(diffGuest(original, edited), { last_name: 'Smith' });
    });

    it('treats null, "" and whitespace as the same empty value', () => {
      const original = emptyFields({ first_name: null, last_name: '', phone_1: '  ' });
      const edited = emptyFields({ first_name: '', last_name: ' \t', phone_1: null });
      assert.deepEqual(diffGuest(original, edited), {});
    });

    it('sends null to clear a text field that had a value', () => {
      const original = emptyFields({ phone_1: '+1 555', timezone: 'UTC' });
      assert.deepEqual(diffGuest(original, emptyFields({ phone_1: '  ', timezone: '' })), { phone_1: null, timezone: null });
    });

    it('compares member lists as sets and sends them sorted without repeats', () => {
      const original = emptyFields({ associated_members: [3, 1, 2] });
      assert.deepEqual(diffGuest(original, emptyFields({ associated_members: [2, 3, 1, 1] })), {});
      assert.deepEqual(diffGuest(original, emptyFields({ associated_members: [9, 3, 1, 9] })), { associated_members: [1, 3, 9] });
    });

    it('sends [] to clear the member list (Tallyfy documents [] as "remove all")', () => {
      const original = emptyFields({ associated_members: [4] });
      assert.deepEqual(diffGuest(original, emptyFields({ associated_members: null })), { associated_members: [] });
      assert.deepEqual(diffGuest(original, emptyFields({ associated_members: [] })), { associated_members: [] });
      assert.deepEqual(diffGuest(emptyFields(), emptyFields({ associated_members: [] })), {});
    });

    it('is case-sensitive for text (a changed capital is a change)', () => {
      assert.deepEqual(diffGuest(emptyFields({ company_name: 'acme' }), emptyFields({ company_name: 'Acme' })), { company_name: 'Acme' });
    });
  });

  describe('applyChanges', () => {
    it('returns the fields after the change, normalised', () => {
      const original = emptyFields({ first_name: ' Jane ', associated_members: [2, 1] });
      assert.deepEqual(applyChanges(original, { last_name: 'Doe', associated_members: [] }), emptyFields({ first_name: 'Jane', last_name: 'Doe' }));
    });

    it('ignores undefined values and keys that are not editable fields', () => {
      const original = emptyFields({ first_name: 'Jane' });
      const changes = { first_name: undefined, email: 'x@example.com' } as unknown as Partial<GuestFields>;
      assert.deepEqual(applyChanges(original, changes), original);
    });
  });

  describe('unappliedFields', () => {
    it('names each sent field that came back different, in field order', () => {
      const sent = { first_name: 'Janet', phone_1: null, associated_members: [1, 2] };
      const returned = emptyFields({ first_name: 'Jane', phone_1: '+1 555', associated_members: [2, 1] });
      assert.deepEqual(unappliedFields(sent, returned), ['first_name', 'phone_1']);
    });

    it('is empty when the answer matches, however empties and member order are written', () => {
      const sent = { last_name: null, company_name: 'Acme', associated_members: [] };
      const returned = emptyFields({ last_name: '', company_name: ' Acme ', associated_members: null });
      assert.deepEqual(unappliedFields(sent, returned), []);
    });

    it('ignores fields that were not sent', () => {
      assert.deepEqual(unappliedFields({ associated_members: [1] }, emptyFields({ first_name: 'Changed elsewhere', associated_members: [1] })), []);
    });
  });

  describe('conflictingFields', () => {
    it('lists the fields that changed on the server since the edit began', () => {
      const base = emptyFields({ first_name: 'Jane', associated_members: [1, 2] });
      const fresh = emptyFields({ first_name: 'Jane', company_name: 'Acme', associated_members: [2, 1] });
      assert.deepEqual(conflictingFields(base, fresh), ['company_name']);
      assert.deepEqual(conflictingFields(base, emptyFields({ first_name: 'Janet', associated_members: [1] })), ['first_name', 'associated_members']);
    });
  });

  describe('properties', () => {
    it('applyChanges(o, diffGuest(o, e)) equals normaliseFields(e)', () => {
      fc.assert(fc.property(arbitraryFields, arbitraryFields, (original, edited) => {
        assert.deepEqual(applyChanges(original, diffGuest(original, edited)), normaliseFields(edited));
      }), { numRuns: 1000 });
    });

    it('the diff of identical or equivalent fields is empty', () => {
      fc.assert(fc.property(arbitraryFields, (fields) => {
        assert.deepEqual(diffGuest(fields, fields), {});
        assert.deepEqual(diffGuest(fields, normaliseFields(fields)), {});
        assert.deepEqual(conflictingFields(fields, normaliseFields(fields)), []);
      }), { numRuns: 500 });
    });

    it('the diff is minimal: every key sent is a field whose value changed', () => {
      fc.assert(fc.property(arbitraryFields, arbitraryFields, (original, edited) => {
        const changes = diffGuest(original, edited);
        const changed = conflictingFields(original, edited);
        assert.deepEqual(Object.keys(changes).sort(), [...changed].sort());
      }), { numRuns: 500 });
    });

    it('a server that applies everything leaves nothing unapplied', () => {
      fc.assert(fc.property(arbitraryFields, arbitraryFields, (original, edited) => {
        const changes = diffGuest(original, edited);
        assert.deepEqual(unappliedFields(changes, applyChanges(original, changes)), []);
      }), { numRuns: 500 });
    });
  });
});
