import { strict as assert } from 'assert';
import { startSandbox, type Sandbox } from '../../sandbox';
import { api, guestsPath } from './helpers';

describe('sandbox: rate limit', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ guests: 3, rateLimit: { perSecond: 0.25, burst: 2 } });
  });
  after(() => sandbox.close());

  it('answers 429 with Retry-After from the bucket once the burst is spent', async () => {
    const path = guestsPath(sandbox, '?per_page=1');
    const unauthenticated = await api(sandbox, 'GET', path, undefined, { 'X-Tallyfy-Client': 'APIClient' });
    assert.deepEqual([unauthenticated.status, unauthenticated.headers.get('x-ratelimit-remaining')], [401, '2'], 'a 401 costs no token');
    const first = await api(sandbox, 'GET', path);
    const second = await api(sandbox, 'GET', path);
    assert.deepEqual([first.status, first.headers.get('x-ratelimit-limit'), first.headers.get('x-ratelimit-remaining')], [200, '2', '1']);
    assert.deepEqual([second.status, second.headers.get('x-ratelimit-remaining')], [200, '0']);
    const refused = await api(sandbox, 'GET', path);
    assert.equal(refused.status, 429);
    assert.deepEqual(refused.json, { message: 'Too Many Attempts.', code: 'RATE_LIMIT_EXCEEDED' });
    assert.equal(refused.headers.get('retry-after'), '4', 'one token at 0.25/s takes 4 s');
    assert.equal(refused.headers.get('x-ratelimit-remaining'), '0');
  });

  it('can be switched off and on at run time', async () => {
    sandbox.setRateLimit(null);
    const open = await api(sandbox, 'GET', guestsPath(sandbox));
    assert.deepEqual([open.status, open.headers.get('x-ratelimit-limit')], [200, null]);
    sandbox.setRateLimit({ perSecond: 1, burst: 1 });
    assert.equal((await api(sandbox, 'GET', guestsPath(sandbox))).status, 200);
    const refused = await api(sandbox, 'GET', guestsPath(sandbox));
    assert.deepEqual([refused.status, refused.headers.get('retry-after')], [429, '1']);
  });
});
