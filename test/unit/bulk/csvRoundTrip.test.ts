// An unedited export of the sandbox's guests (awkward names, quotes, unicode, nulls; both JSON
// shapes Tallyfy is documented to send) must import as "unchanged" for every row.
import { strict as assert } from 'assert';
import fetch from 'node-fetch';
import { TallyfyClient } from '../../../src/api/client';
import type { FetchLike } from '../../../src/api/tallyfyApi';
import type { Guest } from '../../../src/api/types';
import { countImport, planImport } from '../../../src/bulk/importPlan';
import { guestsToCsv, readCsv } from '../../../src/model/csv';
import { guestKey } from '../../../src/state/guestStore';
import { startSandbox } from '../../sandbox';

describe('CSV round trip against the sandbox\'s guests', () => {
  for (const putMode of ['seed', 'docs2026'] as const) {
    it(`an unedited export imports as all unchanged (${putMode} shape)`, async () => {
      const sandbox = await startSandbox({ guests: 150, seed: 5, putMode });
      try {
        const client = new TallyfyClient({ baseUrl: sandbox.baseUrl, orgId: sandbox.orgId, getToken: async () => sandbox.token, fetch: fetch as unknown as FetchLike });
        const guests: Guest[] = [];
        for await (const page of client.listGuests()) guests.push(...page.guests);
        const byKey = new Map(guests.map((g) => [guestKey(g.email), g]));
        const plan = planImport(readCsv(guestsToCsv(guests)), (email) => byKey.get(guestKey(email)));
        assert.deepEqual(countImport(plan), { create: 0, update: 0, unchanged: guests.length, invalid: 0 });
        assert.ok(guests.some((g) => g.first_name === '<img src=x onerror=alert(1)>'), 'the awkward guests were part of it');
      } finally {
        await sandbox.close();
      }
    });
  }
});
