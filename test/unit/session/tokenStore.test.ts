import { strict as assert } from 'assert';
import { SecretStorageError, TOKEN_SECRET_KEY, TokenStore, fingerprint, type TokenChange } from '../../../src/auth/tokenStore';
import { FakeSecrets } from './fakes';

const TOKEN = 'tok-abcdef-0123456789-secret';

describe('TokenStore', () => {
  it('stores, reads and deletes the token under tallyfy.token only', async () => {
    const secrets = new FakeSecrets();
    const tokens = new TokenStore(secrets);
    assert.equal(await tokens.get(), undefined);
    await tokens.store(TOKEN);
    assert.deepEqual([...secrets.values.keys()], [TOKEN_SECRET_KEY]);
    assert.equal(await tokens.get(), TOKEN);
    await tokens.delete();
    assert.equal(await tokens.get(), undefined);
    assert.equal(secrets.values.size, 0);
  });

  it('treats an empty stored secret as no token', async () => {
    const secrets = new FakeSecrets();
    secrets.values.set(TOKEN_SECRET_KEY, '');
    assert.equal(await new TokenStore(secrets).get(), undefined);
  });

  for (const operation of ['read', 'store', 'delete'] as const) {
    it(`explains a keyring failure on ${operation} with the argv.json password-store fix`, async () => {
      const secrets = new FakeSecrets();
      secrets.failWith = new Error('An OS keyring couldn\'t be identified for storing the encryption related data');
      const tokens = new TokenStore(secrets);
      const attempt = operation === 'read' ? tokens.get() : operation === 'store' ? tokens.store(TOKEN) : tokens.delete();
      await assert.rejects(attempt, (error: unknown) => {
        assert.ok(error instanceof SecretStorageError);
        assert.equal(error.operation, operation);
        assert.match(error.message, /OS keyring couldn't be identified/);
        assert.match(error.message, /"password-store": "gnome-libsecret"/);
        assert.match(error.message, /"basic"/);
        assert.match(error.message, /Configure Runtime Arguments/);
        assert.ok(!error.message.includes(TOKEN));
        return true;
      });
    });
  }

  it('reports a change made by another window and ignores its own writes', async () => {
    const secrets = new FakeSecrets();
    const here = new TokenStore(secrets);
    const there = new TokenStore(secrets);
    const seen: TokenChange[] = [];
    const errors: unknown[] = [];
    here.onDidChange((change) => seen.push(change), (error) => errors.push(error));

    await here.store(TOKEN);
    await secrets.settled();
    assert.deepEqual(seen, [], 'own store is not reported');

    await there.store('another-token');
    await secrets.settled();
    assert.deepEqual(seen, [{ present: true, replaced: true }]);

    await there.delete();
    await secrets.settled();
    assert.deepEqual(seen.at(-1), { present: false, replaced: false });

    await there.store(TOKEN);
    await secrets.settled();
    assert.deepEqual(seen.at(-1), { present: true, replaced: false });

    await here.delete();
    await secrets.settled();
    assert.equal(seen.length, 3, 'own delete is not reported');
    assert.deepEqual(errors, []);
  });

  it('readAndRemember makes an unchanged token at start a non-event', async () => {
    const secrets = new FakeSecrets();
    secrets.values.set(TOKEN_SECRET_KEY, TOKEN);
    const tokens = new TokenStore(secrets);
    const seen: TokenChange[] = [];
    tokens.onDidChange((change) => seen.push(change), () => undefined);
    assert.equal(await tokens.readAndRemember(), true);
    await new TokenStore(secrets).store(TOKEN);
    await secrets.settled();
    assert.deepEqual(seen, []);
  });

  it('fingerprints never contain the token and differ between tokens', () => {
    const a = fingerprint(TOKEN);
    assert.ok(a && !a.includes(TOKEN) && a.length === 16);
    assert.notEqual(a, fingerprint(`${TOKEN}x`));
    assert.equal(fingerprint(''), undefined);
    assert.equal(fingerprint(undefined), undefined);
  });
});
