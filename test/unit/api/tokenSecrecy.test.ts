// The token must never appear in errors, logs, records or curl output, even when a server echoes it.
import { strict as assert } from 'assert';
import { toCurl } from '../../../src/api/curl';
import { caught, errorSurfaces, makeClient, TOKEN } from './helpers';
import { startStub, type Stub, type StubReply } from './stubServer';

describe('token secrecy', () => {
  let stub: Stub;
  let reply: StubReply;
  before(async () => {
    stub = await startStub(() => reply);
  });
  after(() => stub.close());

  it('never appears in any error surface, log line, record or curl command', async () => {
    const { client, logs, records } = makeClient(stub.baseUrl, { maxRetries: 1, timeoutMs: 100 });
    const echo = `Bearer ${TOKEN}`;
    const replies: StubReply[] = [
      { status: 401, body: { error: true, message: `Unauthenticated: ${echo}` } },
      { status: 403, body: { error: true, message: `Token ${TOKEN} may not do this` } },
      { status: 404, body: { error: true, message: echo } },
      { status: 422, body: { message: echo, errors: { token: [TOKEN], nested: { deep: TOKEN } } } },
      { status: 429, body: { message: echo }, headers: { 'Retry-After': '1' } },
      { status: 500, body: `<html>${echo}</html>`, headers: { 'Content-Type': 'text/html' } },
      { status: 502, body: { error: true, message: echo } },
      { status: 409, body: { error: { code: 'SEAT_POOL_EXHAUSTED', message: echo } } },
      { status: 200, body: `not json ${echo}` },
      'reset',
      'hang',
    ];
    const errors: Error[] = [];
    for (const next of replies) {
      reply = next;
      errors.push(await caught(() => client.updateGuest('ana+ops@client.test', { first_name: 'Ana' })));
      errors.push(await caught(() => client.createGuest({ email: 'new@client.test' })));
    }
    // A successful answer echoing the token: the trace log must not carry it either.
    reply = { status: 200, body: { data: { id: 1, email: 'ana+ops@client.test', first_name: TOKEN } } };
    await client.getGuest('ana+ops@client.test');

    assert.ok(errors.length >= 20);
    for (const error of errors) assert.ok(!errorSurfaces(error).includes(TOKEN), errorSurfaces(error));
    assert.ok(logs.length > 20);
    for (const line of logs) assert.ok(!line.includes(TOKEN), line);
    assert.ok(records.length > 20);
    for (const record of records) {
      assert.ok(!JSON.stringify(record).includes(TOKEN));
      assert.equal(record.headers.Authorization, 'Bearer $TALLYFY_TOKEN');
      assert.ok(!toCurl(record).includes(TOKEN));
    }
    // The token did go to the server, so the checks above are not vacuous.
    assert.ok(stub.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`));
  });
});
