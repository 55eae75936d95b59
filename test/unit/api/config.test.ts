import { strict as assert } from 'assert';
import { ConfigError } from '../../../src/api/errors';
import { TallyfyClient } from '../../../src/api/client';
import { startStub, type Stub } from './stubServer';
import { caught, nodeFetch, ORG } from './helpers';

function construct(baseUrl: string, orgId = ORG): TallyfyClient {
  return new TallyfyClient({ baseUrl, orgId, getToken: async () => 'x', fetch: nodeFetch });
}

function settingOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.setting;
  }
  return undefined;
}

describe('client configuration', () => {
  it('accepts https anywhere and http only on loopback, tolerating trailing slashes', () => {
    for (const url of ['https://go.tallyfy.com/api', 'https://api.tallyfy.com/', 'https://go.tallyfy.com/api///', 'http://127.0.0.1:4010/api', 'http://localhost:4010/api/', 'http://[::1]:4010/api']) {
      assert.equal(settingOf(() => construct(url)), undefined, url);
    }
  });

  it('rejects http to other hosts, other schemes, junk and credentials with ConfigError(apiBaseUrl)', () => {
    for (const url of ['http://go.tallyfy.com/api', 'http://127.0.0.2/api', 'http://localhost.evil.test/api', 'ftp://go.tallyfy.com', 'go.tallyfy.com/api', '', 'https://user:pw@go.tallyfy.com/api', 'https://go.tallyfy.com/api?x=1']) {
      assert.equal(settingOf(() => construct(url)), 'apiBaseUrl', url);
    }
    try {
      construct('http://go.tallyfy.com/api');
    } catch (error) {
      assert.match((error as ConfigError).userMessage, /https:\/\//);
    }
  });

  it('rejects an empty organization id with ConfigError(organizationId)', () => {
    assert.equal(settingOf(() => construct('https://go.tallyfy.com/api', '')), 'organizationId');
    assert.equal(settingOf(() => construct('https://go.tallyfy.com/api', '   ')), 'organizationId');
  });

  describe('token', () => {
    let stub: Stub;
    before(async () => {
      stub = await startStub(() => ({ status: 200, body: { data: { id: 1, email: 'me@x.test' } } }));
    });
    after(() => stub.close());

    it('a missing or empty token → ConfigError(token) and no request is sent', async () => {
      for (const token of [undefined, '']) {
        const client = new TallyfyClient({ baseUrl: stub.baseUrl, orgId: ORG, getToken: async () => token, fetch: nodeFetch });
        const error = await caught(() => client.getMe());
        assert.ok(error instanceof ConfigError);
        assert.equal(error.setting, 'token');
      }
      assert.equal(stub.requests.length, 0);
    });

    it('reads the token on every request, so a new sign-in takes effect at once', async () => {
      let token = 'first-token-value';
      const client = new TallyfyClient({ baseUrl: stub.baseUrl, orgId: ORG, getToken: async () => token, fetch: nodeFetch });
      await client.getMe();
      token = 'second-token-value';
      await client.getMe();
      assert.deepEqual(stub.requests.map((r) => r.headers.authorization), ['Bearer first-token-value', 'Bearer second-token-value']);
    });
  });
});
