// Wire-level behaviour over a raw loopback stub: headers, status handling, logs, records, errors.
import { strict as assert } from 'assert';
import * as net from 'node:net';
import {
  AuthError,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  ProtocolError,
  ServerError,
  TimeoutError,
  ValidationError,
} from '../../../src/api/errors';
import { caught, makeClient, TOKEN } from './helpers';
import { ok, useStubServer } from './stubServer';

const GUEST = { id: 1, email: 'ana+ops@client.test', first_name: 'Ana', details: { status: 'active' } };

describe('transport over HTTP', () => {
  const server = useStubServer(() => () => ok(GUEST));

  it('sends the auth, accept and client headers, and Content-Type only with a body', async () => {
    const { client } = makeClient(server.stub.baseUrl);
    await client.getGuest('ana+ops@client.test');
    await client.updateGuest('ana+ops@client.test', { first_name: 'Ana' });
    const [get, put] = server.stub.requests;
    assert.equal(get.headers.authorization, `Bearer ${TOKEN}`);
    assert.equal(get.headers.accept, 'application/json');
    assert.equal(get.headers['x-tallyfy-client'], 'APIClient');
    assert.equal(get.headers['content-type'], undefined);
    assert.equal(put.headers['content-type'], 'application/json');
    assert.equal(put.headers.authorization, `Bearer ${TOKEN}`);
    assert.equal(put.bodyText, '{"first_name":"Ana"}');
  });

  it('treats any 2xx as success: 200, 201, and 204 where no data is needed', async () => {
    const { client } = makeClient(server.stub.baseUrl);
    server.handler = () => ok(GUEST, 201);
    assert.equal((await client.getGuest('ana+ops@client.test')).email, 'ana+ops@client.test');
    server.handler = () => ({ status: 204 });
    await client.deleteGuest('ana+ops@client.test');
    assert.equal(await client.enableGuest('ana+ops@client.test'), undefined);
    server.handler = () => ({ status: 202, body: 'accepted' });
    await client.convertGuestToMember('ana+ops@client.test');
  });

  it('after a PUT answered 204, reads the guest back instead of failing', async () => {
    const { client } = makeClient(server.stub.baseUrl);
    server.handler = (request) => (request.method === 'PUT' ? { status: 204 } : ok({ ...GUEST, first_name: 'New' }));
    const guest = await client.updateGuest('ana+ops@client.test', { first_name: 'New' });
    assert.equal(guest.first_name, 'New');
    assert.deepEqual(server.stub.requests.map((r) => r.method), ['PUT', 'GET']);
  });

  it('logs one info line per request with path and status, bodies only at debug/trace', async () => {
    const { client, logs } = makeClient(server.stub.baseUrl);
    server.handler = () => ok(GUEST, 201);
    await client.updateGuest('ana+ops@client.test', { first_name: 'Ana' });
    const info = logs.filter((l) => l.startsWith('info '));
    assert.equal(info.length, 1);
    assert.match(info[0], /^info PUT \/organizations\/org_test\/guests\/ana%2Bops%40client\.test → 201 \(\d+ ms\)$/);
    assert.ok(logs.some((l) => l.startsWith('debug ') && l.includes('{"first_name":"Ana"}')));
    assert.ok(logs.some((l) => l.startsWith('trace ') && l.includes('"email":"ana+ops@client.test"')));
  });

  it('keeps lastRequest and reports every request with the token replaced', async () => {
    const { client, records } = makeClient(server.stub.baseUrl);
    await client.updateGuest('ana+ops@client.test', { last_name: 'Ops' });
    assert.equal(records.length, 1);
    const record = client.lastRequest;
    assert.equal(record, records[0]);
    assert.equal(record?.method, 'PUT');
    assert.equal(record?.url, `${server.stub.baseUrl}/organizations/org_test/guests/ana%2Bops%40client.test`);
    assert.equal(record?.headers.Authorization, 'Bearer $TALLYFY_TOKEN');
    assert.equal(record?.headers['Content-Type'], 'application/json');
    assert.equal(record?.body, '{"last_name":"Ops"}');
    assert.equal(record?.status, 200);
    assert.ok(typeof record?.durationMs === 'number');
  });

  it('maps 401, 403, 404 and 422 answers to typed errors', async () => {
    const { client } = makeClient(server.stub.baseUrl);
    server.handler = () => ({ status: 401, body: { error: true, message: 'Unauthenticated.' } });
    assert.ok((await caught(() => client.getMe())) instanceof AuthError);
    server.handler = () => ({ status: 403, body: { error: true, message: 'Cannot disable guest with incomplete tasks' } });
    const forbidden = await caught(() => client.disableGuest('a@b.test'));
    assert.ok(forbidden instanceof ForbiddenError);
    assert.ok(forbidden.userMessage.includes('Cannot disable guest with incomplete tasks'));
    server.handler = () => ({ status: 404, body: { error: true, message: 'Resource not found', code: 'RESOURCE_NOT_FOUND' } });
    assert.ok((await caught(() => client.getGuest('gone@b.test'))) instanceof NotFoundError);
    server.handler = () => ({ status: 422, body: { error: true, message: 'The given data was invalid.', errors: { email: ['The selected email is invalid.'] } } });
    assert.ok((await caught(() => client.deleteGuest('gone@b.test'))) instanceof NotFoundError);
    assert.ok((await caught(() => client.updateGuest('gone@b.test', { first_name: 'x' }))) instanceof NotFoundError);
    server.handler = () => ({ status: 422, body: { errors: { details: { phone_1: 'Too long.' }, associated_members: ['Unknown member 99.'] } } });
    const invalid = await caught(() => client.createGuest({ email: 'new@b.test', phone_1: '1'.repeat(30) }));
    assert.ok(invalid instanceof ValidationError);
    assert.deepEqual(invalid.fieldErrors, { 'details.phone_1': ['Too long.'], associated_members: ['Unknown member 99.'] });
  });

  it('maps an HTML 5xx to ServerError without dumping the page (after GET retries)', async () => {
    const { client, sleeps } = makeClient(server.stub.baseUrl);
    server.handler = () => ({ status: 503, body: '<html><body><h1>Service Unavailable</h1></body></html>', headers: { 'Content-Type': 'text/html' } });
    const error = await caught(() => client.getGuest('a@b.test'));
    assert.ok(error instanceof ServerError);
    assert.equal(error.userMessage.startsWith('Tallyfy answered with an error page (HTTP 503)'), true);
    assert.ok(!error.userMessage.includes('<'));
    assert.equal(server.stub.requests.length, 5);
    assert.equal(sleeps.length, 4);
  });

  it('a 2xx that is not JSON, or lacks data, is a ProtocolError', async () => {
    const { client } = makeClient(server.stub.baseUrl);
    server.handler = () => ({ status: 200, body: '{"data": {"email": "a@b.te', headers: { 'Content-Type': 'application/json' } });
    assert.ok((await caught(() => client.getGuest('a@b.test'))) instanceof ProtocolError);
    server.handler = () => ({ status: 200, body: '<html>login</html>', headers: { 'Content-Type': 'text/html' } });
    assert.ok((await caught(() => client.getMe())) instanceof ProtocolError);
    server.handler = () => ({ status: 200, body: { result: GUEST } });
    assert.ok((await caught(() => client.getGuest('a@b.test'))) instanceof ProtocolError);
    server.handler = () => ({ status: 200, body: { data: { id: 3 } } });
    assert.ok((await caught(() => client.getGuest('a@b.test'))) instanceof ProtocolError);
  });

  it('does not follow redirects (they would carry the token elsewhere)', async () => {
    const { client } = makeClient(server.stub.baseUrl);
    server.handler = () => ({ status: 302, headers: { Location: 'http://127.0.0.1:9/elsewhere' } });
    const error = await caught(() => client.getMe());
    assert.ok(error instanceof ProtocolError);
    assert.equal(server.stub.requests.length, 1);
  });

  it('a reset connection is a NetworkError, a refused one too, a hang a TimeoutError', async () => {
    const { client, logs } = makeClient(server.stub.baseUrl, { maxRetries: 0, timeoutMs: 150 });
    server.handler = () => 'reset';
    const reset = await caught(() => client.getMe());
    assert.ok(reset instanceof NetworkError);
    assert.equal((reset as NetworkError).code, 'ECONNRESET');
    server.handler = () => 'hang';
    const started = Date.now();
    const hung = await caught(() => client.getMe());
    assert.ok(hung instanceof TimeoutError);
    assert.ok(Date.now() - started < 1500);
    const closedPort = await unusedPort();
    const refused = makeClient(`http://127.0.0.1:${closedPort}/api`, { maxRetries: 0 });
    const error = await caught(() => refused.client.getMe());
    assert.ok(error instanceof NetworkError);
    assert.match(error.userMessage, /ECONNREFUSED/);
    assert.ok(logs.some((l) => /^info GET \/me → ECONNRESET \(\d+ ms\)$/.test(l)));
    assert.ok(logs.some((l) => /^info GET \/me → timed out \(\d+ ms\)$/.test(l)));
  });
});

/** A loopback port with nothing listening (bound, read, released). */
async function unusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
