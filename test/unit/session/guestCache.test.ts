import { strict as assert } from 'assert';
import type { Guest } from '../../../src/api/types';
import { BaseUrlGuard, CONFIRMED_BASE_URL_KEY } from '../../../src/session/baseUrlGuard';
import { GUEST_CACHE_KEY, GuestCache, cacheScope } from '../../../src/session/guestCache';
import { FakeMemento } from './fakes';

function guest(email: string): Guest {
  return {
    id: `id-${email}`, email, status: 'active', first_name: 'A', last_name: 'B', phone_1: null, phone_2: null,
    company_name: null, timezone: null, associated_members: null, created_at: null, updated_at: null,
    last_accessed_at: null, disabled_at: null, link: null,
  };
}

describe('GuestCache', () => {
  const scope = cacheScope('http://127.0.0.1:4010/api/', 'org_a');

  it('returns the saved list only for the organization and host it came from', async () => {
    const memento = new FakeMemento();
    const cache = new GuestCache(memento);
    await cache.write(scope, [guest('a@x.test'), guest('b@x.test')], 1234);
    assert.deepEqual(cache.read(scope)?.guests.map((g) => g.email), ['a@x.test', 'b@x.test']);
    assert.equal(cache.read(scope)?.savedAt, 1234);
    assert.equal(cache.read(cacheScope('http://127.0.0.1:4010/api', 'org_b')), undefined);
    assert.equal(cache.read(cacheScope('https://go.tallyfy.com/api', 'org_a')), undefined);
    assert.ok(cache.read(cacheScope('HTTP://127.0.0.1:4010/api', ' org_a ')), 'trailing slash, case of the URL and spaces do not matter');
  });

  it('clear() removes the list from globalState', async () => {
    const memento = new FakeMemento();
    const cache = new GuestCache(memento);
    await cache.write(scope, [guest('a@x.test')]);
    await cache.clear();
    assert.equal(memento.values.has(GUEST_CACHE_KEY), false);
    assert.equal(cache.read(scope), undefined);
  });

  it('ignores stored values of any other shape', () => {
    const memento = new FakeMemento();
    const cache = new GuestCache(memento);
    for (const junk of [null, 'x', 42, [], { version: 2, scope, savedAt: 1, guests: [] }, { version: 1, scope, savedAt: '1', guests: [] }, { version: 1, scope, savedAt: 1, guests: [{ id: 'x' }] }]) {
      memento.values.set(GUEST_CACHE_KEY, junk);
      assert.equal(cache.read(scope), undefined, JSON.stringify(junk));
    }
  });
});

describe('BaseUrlGuard', () => {
  it('adopts the current URL when none was confirmed, then requires confirmation for another host', async () => {
    const memento = new FakeMemento();
    const guard = new BaseUrlGuard(memento);
    assert.equal(guard.isConfirmed('https://go.tallyfy.com/api'), true);
    await guard.confirm('https://go.tallyfy.com/api');
    assert.equal(guard.isConfirmed('https://go.tallyfy.com/api/'), true);
    assert.equal(guard.isConfirmed('https://GO.tallyfy.com/api'), true);
    assert.equal(guard.isConfirmed('https://evil.test/api'), false);
    assert.equal(guard.isConfirmed('https://api.tallyfy.com'), false);
    await guard.confirm('https://api.tallyfy.com');
    assert.equal(guard.isConfirmed('https://api.tallyfy.com'), true);
    assert.equal(guard.isConfirmed('https://go.tallyfy.com/api'), false);
    await guard.forget();
    assert.equal(memento.values.has(CONFIRMED_BASE_URL_KEY), false);
    assert.equal(guard.isConfirmed('https://anything.test'), true);
  });
});
