import { strict as assert } from 'assert';
import { groupDifferences, groupsOfGuest, membershipChange } from '../../../src/bulk/groupMembership';
import type { Group } from '../../../src/api/types';

const group: Group = {
  id: 'g1',
  name: 'Sales',
  description: 'Sales team',
  members: [1, 2],
  guests: ['a@x.test', 'B@x.test'],
  created_at: null,
  last_updated: '2025-01-01 00:00:00',
};

describe('groupMembership', () => {
  it('adds guests keeping every member and guest already there', () => {
    const change = membershipChange(group, ['c@x.test', 'b@x.test', 'c@x.test'], 'add');
    assert.deepEqual(change.body, { members: [1, 2], guests: ['a@x.test', 'B@x.test', 'c@x.test'], description: 'Sales team' });
    assert.deepEqual(change.affected, ['c@x.test']);
    assert.deepEqual(change.alreadyThere, ['b@x.test']);
  });

  it('removes guests case-insensitively and keeps the members', () => {
    const change = membershipChange(group, ['A@X.test'], 'remove');
    assert.deepEqual(change.body, { members: [1, 2], guests: ['B@x.test'], description: 'Sales team' });
  });

  it('has no body when nothing would change', () => {
    assert.equal(membershipChange(group, ['a@x.test'], 'add').body, undefined);
    assert.equal(membershipChange(group, ['z@x.test'], 'remove').body, undefined);
  });

  it('sees a changed group between two reads', () => {
    assert.deepEqual(groupDifferences(group, { ...group, guests: ['b@x.test', 'A@x.test'] }), []);
    assert.equal(groupDifferences(group, { ...group, last_updated: '2025-01-02 00:00:00' }).length, 1);
    assert.deepEqual(groupDifferences(group, { ...group, members: [1] }), ['its members changed']);
    assert.deepEqual(groupDifferences(group, { ...group, guests: ['a@x.test'] }), ['its guests changed']);
  });

  it('finds the groups of a guest', () => {
    assert.deepEqual(groupsOfGuest([group, { ...group, id: 'g2', guests: [] }], 'b@X.TEST').map((g) => g.id), ['g1']);
  });
});
