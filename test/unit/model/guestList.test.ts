import { strict as assert } from 'assert';
import fc from 'fast-check';
import type { Guest } from '../../../src/api/types';
import { groupByCompany, guestTreeData, matchesLocalFilter, sortGuests } from '../../../src/model/guestList';
import { arbitraryMalformedGuest, makeGuest } from './guestFixtures';

const emails = (guests: Guest[]) => guests.map((g) => g.email);

function guest(email: string, overrides: Partial<Guest> = {}): Guest {
  return makeGuest({ email, first_name: null, last_name: null, created_at: null, ...overrides });
}

describe('model/guestList', () => {
  describe('sortGuests', () => {
    it('sorts by name, locale-aware and case-insensitive, with nameless guests last by email', () => {
      const guests = [
        guest('z@x.io', { first_name: 'zoë' }),
        guest('c@x.io'),
        guest('b@x.io', { first_name: 'Émile' }),
        guest('a@x.io', { first_name: 'adam' }),
        guest('d@x.io', { first_name: 'Guest 10' }),
        guest('e@x.io', { first_name: 'Guest 2' }),
        guest('0@x.io', { first_name: '  ' }),
      ];
      assert.deepEqual(emails(sortGuests(guests, 'name')), ['a@x.io', 'b@x.io', 'e@x.io', 'd@x.io', 'z@x.io', '0@x.io', 'c@x.io']);
    });

    it('breaks name ties by email and otherwise keeps input order (stable)', () => {
      const guests = [guest('b@x.io', { first_name: 'Ann' }), guest('a@x.io', { first_name: 'ann' }), guest('a@x.io', { first_name: 'Ann', id: 'second' })];
      const sorted = sortGuests(guests, 'name');
      assert.deepEqual(sorted.map((g) => `${g.email}/${g.id}`), ['a@x.io/1', 'a@x.io/second', 'b@x.io/1']);
    });

    it('sorts by email and by company, empties last', () => {
      const guests = [guest('b@x.io', { company_name: 'beta' }), guest('c@x.io'), guest('a@x.io', { company_name: 'Alpha' })];
      assert.deepEqual(emails(sortGuests(guests, 'email')), ['a@x.io', 'b@x.io', 'c@x.io']);
      assert.deepEqual(emails(sortGuests(guests, 'company')), ['a@x.io', 'b@x.io', 'c@x.io']);
    });

    it('puts the most recent first for dates, mixing both timestamp formats, unknown dates last', () => {
      const guests = [
        guest('old@x.io', { created_at: '2023-01-01 00:00:00', last_accessed_at: '2024-01-01T00:00:00Z' }),
        guest('none@x.io', { created_at: 'not a date' }),
        guest('new@x.io', { created_at: '2024-06-01T00:00:00+00:00' }),
        guest('mid@x.io', { created_at: '2024-01-01 12:00:00', last_accessed_at: '2024-01-02 00:00:00' }),
      ];
      assert.deepEqual(emails(sortGuests(guests, 'created')), ['new@x.io', 'mid@x.io', 'old@x.io', 'none@x.io']);
      assert.deepEqual(emails(sortGuests(guests, 'lastAccess')), ['mid@x.io', 'old@x.io', 'new@x.io', 'none@x.io']);
    });

    it('returns a sorted copy, leaving the input as it was', () => {
      const guests = [guest('b@x.io'), guest('a@x.io')];
      assert.deepEqual(emails(sortGuests(guests, 'email')), ['a@x.io', 'b@x.io']);
      assert.deepEqual(emails(guests), ['b@x.io', 'a@x.io']);
    });

    it('keeps every guest, even malformed ones', () => {
      fc.assert(fc.property(fc.array(arbitraryMalformedGuest, { maxLength: 30 }), fc.constantFrom('name', 'email', 'company', 'created', 'lastAccess' as const), (list, by) => {
        const out = sortGuests(list, by);
        assert.equal(out.length, list.length);
        assert.deepEqual(new Set(out), new Set(list));
      }), { numRuns: 200 });
    });
  });

  describe('groupByCompany', () => {
    it('groups by company in collation order, merging case and spacing, with "No company" last', () => {
      const guests = [
        guest('1@x.io', { company_name: 'beta co' }),
        guest('2@x.io'),
        guest('3@x.io', { company_name: 'Alpha' }),
        guest('4@x.io', { company_name: ' Beta  Co ' }),
        guest('5@x.io', { company_name: '   ' }),
      ];
      const groups = groupByCompany(guests);
      assert.deepEqual(groups.map((g) => [g.company, emails(g.guests)]), [
        ['Alpha', ['3@x.io']],
        ['beta co', ['1@x.io', '4@x.io']],
        [null, ['2@x.io', '5@x.io']],
      ]);
    });

    it('has no "No company" group when every guest has one, and no groups for no guests', () => {
      assert.deepEqual(groupByCompany([guest('a@x.io', { company_name: 'A' })]).map((g) => g.company), ['A']);
      assert.deepEqual(groupByCompany([]), []);
    });
  });

  describe('matchesLocalFilter', () => {
    const jane = makeGuest({ first_name: 'José', last_name: 'Núñez', email: 'jn@acme.example', company_name: 'Acme Widgets' });

    it('matches name, email and company, ignoring case and accents', () => {
      for (const text of ['', '  ', 'jose', 'NUNEZ', 'josé núñez', 'jn@acme', 'widgets', 'ACME jose']) {
        assert.equal(matchesLocalFilter(jane, text), true, text);
      }
    });

    it('requires every word to match somewhere, and ignores other fields', () => {
      assert.equal(matchesLocalFilter(jane, 'jose smith'), false);
      assert.equal(matchesLocalFilter(makeGuest({ phone_1: '555' }), '555'), false);
    });

    it('never throws on malformed guests', () => {
      fc.assert(fc.property(arbitraryMalformedGuest, fc.string(), (g, text) => {
        assert.equal(typeof matchesLocalFilter(g, text), 'boolean');
      }), { numRuns: 300 });
    });
  });

  describe('guestTreeData', () => {
    it('gives an active guest its label, company, tooltip and menu', () => {
      const data = guestTreeData(makeGuest({ email: 'Jane@Example.com', company_name: 'Acme' }));
      assert.equal(data.id, 'guest:jane@example.com');
      assert.equal(data.label, 'Jane Doe');
      assert.equal(data.description, 'Acme');
      assert.equal(data.contextValue, 'guest');
      assert.equal(data.iconId, 'person');
      assert.ok(data.tooltipMarkdown.startsWith('**Jane Doe**'));
    });

    it('marks a disabled guest', () => {
      const data = guestTreeData(makeGuest({ status: 'disabled' }));
      assert.equal(data.contextValue, 'guest.disabled');
      assert.equal(data.iconId, 'circle-slash');
    });

    it('keeps labels on one line, free of bidi controls, and capped', () => {
      const data = guestTreeData(makeGuest({ first_name: 'Eve\n\u202Eevil', last_name: 'x'.repeat(300), company_name: 'Acme\r\nInc' }));
      assert.ok(data.label.startsWith('Eve evil x'));
      assert.equal([...data.label].length, 100);
      assert.ok(data.label.endsWith('…'));
      assert.equal(data.description, 'Acme Inc');
    });

    it('falls back to the id when there is no email', () => {
      const data = guestTreeData({ id: 77, email: null } as unknown as Guest);
      assert.equal(data.id, 'guest-id:77');
      assert.equal(data.label, '(guest without email)');
    });

    it('never throws on guests with nulls or numbers where strings are expected', () => {
      fc.assert(fc.property(arbitraryMalformedGuest, (g) => {
        const data = guestTreeData(g);
        for (const key of ['id', 'label', 'description', 'tooltipMarkdown'] as const) assert.equal(typeof data[key], 'string');
        assert.ok(!/[\n\u202A-\u202E\u2066-\u2069]/.test(data.label + data.description));
      }), { numRuns: 500 });
      assert.doesNotThrow(() => guestTreeData({ email: 5, first_name: 6, company_name: 7, status: 8, stats: null } as unknown as Guest));
    });
  });

  describe('10,000 guests', () => {
    const companies = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Wonka'];
    const many: Guest[] = Array.from({ length: 10_000 }, (_, i) => makeGuest({
      email: `guest${(i * 7919) % 10_000}@example.com`,
      first_name: `Name${(i * 104_729) % 9973}`,
      last_name: i % 3 === 0 ? null : 'Smith',
      company_name: i % 5 === 0 ? null : `${companies[i % companies.length]} ${i % 40}`,
      created_at: `2024-0${1 + (i % 9)}-1${i % 10} 0${i % 10}:00:00`,
    }));

    // Speed is measured by `npm run bench` (tree build case), never asserted here: the machines are shared and noisy.
    it('sorts and groups all of them without losing or duplicating one', () => {
      for (const by of ['name', 'company', 'created'] as const) {
        const groups = groupByCompany(sortGuests(many, by));
        const emails = groups.flatMap((g) => g.guests.map((x) => x.email));
        assert.equal(emails.length, 10_000);
        assert.equal(new Set(emails).size, 10_000);
      }
    });
  });
});
