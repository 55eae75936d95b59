import { strict as assert } from 'assert';
import { countImport, planImport } from '../../../src/bulk/importPlan';
import { CsvFormatError, guestsToCsv, readCsv } from '../../../src/model/csv';
import { guestKey } from '../../../src/state/guestStore';
import type { Guest } from '../../../src/api/types';
import { guest } from './fixtures';

function lookup(guests: Guest[]): (email: string) => Guest | undefined {
  const map = new Map(guests.map((g) => [guestKey(g.email), g]));
  return (email) => map.get(guestKey(email));
}

describe('importPlan', () => {
  const ana = guest('ana+ops@client.test', { first_name: 'Ana', last_name: 'Ops', company_name: 'A, "B"', associated_members: [2] });
  const bob = guest('bob@client.test', { first_name: 'Bob', phone_1: '+1 555' });

  it('an unedited export changes nothing', () => {
    const plan = planImport(readCsv(guestsToCsv([ana, bob])), lookup([ana, bob]));
    assert.deepEqual(countImport(plan), { create: 0, update: 0, unchanged: 2, invalid: 0 });
    assert.deepEqual(plan.ignoredColumns, ['status', 'created_at', 'last_accessed_at']);
  });

  it('plans updates of exactly the edited cells, creates for new emails and keeps absent columns', () => {
    const csv = [
      'Email,Company,Phone 1',
      'ANA+OPS@client.test,"New, ""Co""",',
      'bob@client.test,,+1 555',
      'new@client.test,Newco,+33 1',
    ].join('\r\n');
    const plan = planImport(readCsv(csv), lookup([ana, bob]));
    assert.deepEqual(plan.rows.map((r) => r.kind), ['update', 'unchanged', 'create']);
    const update = plan.rows[0];
    assert.ok(update.kind === 'update');
    assert.equal(update.email, 'ana+ops@client.test', 'the guest\'s own email names it');
    assert.deepEqual(update.changes, { company_name: 'New, "Co"' });
    assert.deepEqual(update.previous, { company_name: 'A, "B"' });
    const create = plan.rows[2];
    assert.ok(create.kind === 'create');
    assert.deepEqual(create.input, { email: 'new@client.test', company_name: 'Newco', phone_1: '+33 1' });
  });

  it('an empty cell clears the field', () => {
    const plan = planImport(readCsv('email,phone_1,associated_members\nbob@client.test,,\nana+ops@client.test,,'), lookup([ana, bob]));
    assert.deepEqual(plan.rows.map((r) => (r.kind === 'update' ? r.changes : r.kind)), [{ phone_1: null }, { associated_members: [] }]);
  });

  it('marks invalid rows with every reason and never plans a request for them', () => {
    const csv = [
      'email,phone_1,timezone,associated_members',
      'not-an-email,abc,Mars/Base,x',
      'dup@client.test,,,',
      'DUP@client.test,,,',
      'short@client.test,1',
    ].join('\n');
    const plan = planImport(readCsv(csv), lookup([]));
    assert.deepEqual(plan.rows.map((r) => [r.kind, r.line]), [['invalid', 2], ['invalid', 3], ['invalid', 4], ['invalid', 5]]);
    const first = plan.rows[0];
    assert.ok(first.kind === 'invalid');
    assert.equal(first.reasons.length, 4);
    assert.match(first.reasons.join(' '), /Phone 1 can only contain/);
    assert.match(first.reasons.join(' '), /not an IANA time zone/);
    assert.match(plan.rows[1].kind === 'invalid' ? plan.rows[1].reasons[0] : '', /lines 3, 4/);
    assert.match(plan.rows[3].kind === 'invalid' ? plan.rows[3].reasons[0] : '', /2 cells; the header has 4/);
  });

  it('skips blank rows and rejects headers without email or with a column twice', () => {
    assert.equal(planImport(readCsv('email,first_name\n,\n'), lookup([])).rows.length, 0);
    assert.throws(() => planImport(readCsv('name\nx'), lookup([])), CsvFormatError);
    assert.throws(() => planImport(readCsv('email,Company,company_name\na@b.test,x,y'), lookup([])), /twice/);
  });
});
