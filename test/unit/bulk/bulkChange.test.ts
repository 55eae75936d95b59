import { strict as assert } from 'assert';
import fc from 'fast-check';
import {
  applyOperations,
  changeForGuest,
  dependsOnCurrentMembers,
  describeOperation,
  describePlan,
  planBulkChange,
  undoStep,
  type BulkOperation,
} from '../../../src/model/bulkChange';
import { applyChanges } from '../../../src/model/diff';
import { guest } from './fixtures';

describe('bulkChange', () => {
  it('sets a text field only where it differs and records the previous value', () => {
    const guests = [
      guest('a@x.test', { company_name: 'Old' }),
      guest('b@x.test', { company_name: ' Acme ' }),
      guest('c@x.test', { company_name: null }),
    ];
    const plan = planBulkChange(guests, [{ kind: 'set', field: 'company_name', value: 'Acme' }]);
    assert.deepEqual(plan.changes.map((c) => [c.guest.email, c.changes, c.previous]), [
      ['a@x.test', { company_name: 'Acme' }, { company_name: 'Old' }],
      ['c@x.test', { company_name: 'Acme' }, { company_name: null }],
    ]);
    assert.deepEqual(plan.unchanged.map((g) => g.email), ['b@x.test']);
    assert.deepEqual(plan.fieldCounts, { company_name: 2 });
  });

  it('clears a field with null or empty text', () => {
    const change = changeForGuest(guest('a@x.test', { timezone: 'Europe/London' }), [{ kind: 'set', field: 'timezone', value: '' }]);
    assert.deepEqual(change.changes, { timezone: null });
    assert.deepEqual(change.previous, { timezone: 'Europe/London' });
  });

  it('computes member lists per guest for add, remove and set', () => {
    const a = guest('a@x.test', { associated_members: [3, 1] });
    const b = guest('b@x.test', { associated_members: null });
    const add: BulkOperation[] = [{ kind: 'addMembers', members: [2, 3] }];
    assert.deepEqual(changeForGuest(a, add).changes, { associated_members: [1, 2, 3] });
    assert.deepEqual(changeForGuest(b, add).changes, { associated_members: [2, 3] });
    const remove: BulkOperation[] = [{ kind: 'removeMembers', members: [1, 3] }];
    assert.deepEqual(changeForGuest(a, remove).changes, { associated_members: [] }, 'removing every member sends [] (clears)');
    assert.deepEqual(changeForGuest(a, remove).previous, { associated_members: [1, 3] });
    assert.deepEqual(changeForGuest(b, remove).changes, {}, 'nothing to remove: unchanged');
    assert.deepEqual(changeForGuest(a, [{ kind: 'setMembers', members: [1, 3] }]).changes, {}, 'same set in another order');
    assert.deepEqual(changeForGuest(b, [{ kind: 'setMembers', members: [] }]).changes, {});
  });

  it('applies several operations in order', () => {
    const fields = applyOperations(guest('a@x.test', { associated_members: [1] }), [
      { kind: 'set', field: 'company_name', value: 'Acme' },
      { kind: 'addMembers', members: [5] },
      { kind: 'removeMembers', members: [1] },
    ]);
    assert.equal(fields.company_name, 'Acme');
    assert.deepEqual(fields.associated_members, [5]);
  });

  it('says when the fresh member list is needed', () => {
    assert.equal(dependsOnCurrentMembers([{ kind: 'set', field: 'company_name', value: 'x' }]), false);
    assert.equal(dependsOnCurrentMembers([{ kind: 'setMembers', members: [1] }]), false);
    assert.equal(dependsOnCurrentMembers([{ kind: 'addMembers', members: [1] }]), true);
  });

  it('describes the plan with the counts of changed and skipped guests', () => {
    const ops: BulkOperation[] = [{ kind: 'set', field: 'company_name', value: 'Acme' }];
    const plan = planBulkChange([guest('a@x.test'), guest('b@x.test', { company_name: 'Acme' }), guest('c@x.test')], ops);
    const text = describePlan(plan, ops);
    assert.match(text, /Company → "Acme"/);
    assert.match(text, /2 of 3 guests will change; 1 already has that value and will be skipped/);
    assert.equal(describeOperation({ kind: 'set', field: 'phone_1', value: null }), 'Phone 1 → (empty)');
    assert.equal(describeOperation({ kind: 'addMembers', members: [4, 5] }), 'Add associated members 4, 5');
  });

  it('a planned change applied to the guest gives the operations\' result (property)', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), field: fc.constantFrom('first_name' as const, 'company_name' as const, 'phone_1' as const), value: fc.oneof(fc.constant(null), fc.string({ maxLength: 5 })) }),
      fc.record({ kind: fc.constantFrom('setMembers' as const, 'addMembers' as const, 'removeMembers' as const), members: fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 4 }) }),
    );
    fc.assert(
      fc.property(
        fc.record({ company: fc.oneof(fc.constant(null), fc.string({ maxLength: 5 })), members: fc.oneof(fc.constant(null), fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 4 })) }),
        fc.array(op as fc.Arbitrary<BulkOperation>, { minLength: 1, maxLength: 3 }),
        ({ company, members }, ops) => {
          const g = guest('p@x.test', { company_name: company, associated_members: members });
          const { changes } = changeForGuest(g, ops);
          assert.deepEqual(applyChanges(g, changes), applyOperations(g, ops));
          // And once applied, the same operations change nothing more.
          assert.deepEqual(changeForGuest({ ...g, ...applyChanges(g, changes) }, ops).changes, {});
        },
      ),
    );
  });

  describe('undoStep', () => {
    it('puts back previous values of fields still at what the run set', () => {
      const step = undoStep(guest('a@x.test', { company_name: 'Acme', associated_members: [1, 2] }), { company_name: 'Acme', associated_members: [1, 2] }, { company_name: 'Old', associated_members: [] });
      assert.deepEqual(step, { changes: { company_name: 'Old', associated_members: [] }, changedSince: [] });
    });

    it('keeps fields someone changed since, and skips fields already back', () => {
      const step = undoStep(
        guest('a@x.test', { company_name: 'Other', timezone: 'UTC' }),
        { company_name: 'Acme', timezone: 'Europe/Paris' },
        { company_name: 'Old', timezone: 'UTC' },
      );
      assert.deepEqual(step, { changes: {}, changedSince: ['company_name'] });
    });
  });
});
