// Property: whatever string a guest's email is (+ % / ? # .. unicode, bidi controls, lone
// surrogates, empty), every request that names the guest either addresses exactly that guest as
// ONE path segment of the request line the server receives, with no query or fragment smuggled in,
// or is refused with a typed error before anything is sent. Checked over real HTTP (node-fetch to a
// loopback stub), so URL parsing and dot-segment resolution are part of what is tested.
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { ProtocolError } from '../../../src/api/errors';
import type { TallyfyClient } from '../../../src/api/client';
import { makeClient } from '../api/helpers';
import { startStub, type Stub } from '../api/stubServer';

const GUESTS = '/api/organizations/org_test/guests/';

type Call = { name: string; suffix: string; query: string; send(client: TallyfyClient, email: string): Promise<unknown> };

const CALLS: Call[] = [
  { name: 'getGuest', suffix: '', query: '', send: (c, e) => c.getGuest(e) },
  { name: 'getGuest with stats', suffix: '', query: '?with=stats', send: (c, e) => c.getGuest(e, { withStats: true }) },
  { name: 'updateGuest', suffix: '', query: '', send: (c, e) => c.updateGuest(e, { company_name: 'X' }) },
  { name: 'deleteGuest', suffix: '', query: '', send: (c, e) => c.deleteGuest(e) },
  { name: 'enableGuest', suffix: '/enable', query: '', send: (c, e) => c.enableGuest(e) },
  { name: 'disableGuest', suffix: '/disable', query: '', send: (c, e) => c.disableGuest(e) },
  { name: 'convertGuestToMember', suffix: '/to/member', query: '', send: (c, e) => c.convertGuestToMember(e) },
];

const AWKWARD = ['+', '%', '/', '?', '#', '.', '..', '&', '=', ';', ' ', '\\', '"', "'", '@', '%2F', '%2e%2e', '%40', 'ü', 'Zoë', '😀', '\u202E', '\u200F', '\t', '\n', '\u0000', ':', '[', ']'];
const piece = fc.oneof(fc.constantFrom(...AWKWARD), fc.string({ unit: 'grapheme', maxLength: 3 }));
const part = fc.array(piece, { minLength: 1, maxLength: 6 }).map((pieces) => pieces.join(''));
/** Email-like strings full of awkward characters, real-looking addresses, and any string at all. */
const emails = fc.oneof(
  fc.tuple(part, part).map(([local, domain]) => `${local}@${domain}`),
  fc.emailAddress(),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('', '.', '..', '@', '../..', '..%2F', './', '%2e', '?', '#'),
);

describe('reliability: a guest email is always one path segment (property)', () => {
  let stub: Stub;
  before(async () => {
    // Answers every call with a guest, whatever it asked for.
    stub = await startStub(() => ({ status: 200, body: { data: { id: 1, email: 'answer@client.test' } } }));
  });
  after(() => stub.close());

  it('addresses exactly that guest in the request line, or refuses before sending', async () => {
    const { client } = makeClient(stub.baseUrl);
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(emails, fc.constantFrom(...CALLS), async (email, call) => {
        stub.requests.length = 0;
        let error: unknown;
        try {
          await call.send(client, email);
        } catch (e) {
          error = e;
        }
        if (error !== undefined) {
          // Only a typed refusal is acceptable, and then nothing went out.
          assert.ok(error instanceof ProtocolError, `${call.name}(${JSON.stringify(email)}) threw ${String(error)}`);
          assert.equal(stub.requests.length, 0, 'a refused email sends nothing');
          refused++;
          return;
        }
        assert.equal(stub.requests.length, 1, 'one request');
        const raw = stub.requests[0].rawPath;
        assert.ok(raw.startsWith(GUESTS), `${raw} is under …/guests/`);
        assert.ok(raw.endsWith(`${call.suffix}${call.query}`), `${raw} ends with ${call.suffix}${call.query}`);
        const segment = raw.slice(GUESTS.length, raw.length - call.suffix.length - call.query.length);
        assert.ok(!/[/?#]/.test(segment), `the email stays one segment, with no query or fragment: ${segment}`);
        assert.ok(segment !== '' && !/^(\.|%2e){1,2}$/i.test(segment), `not an empty or dot segment: ${segment}`);
        assert.equal(decodeURIComponent(segment), email, 'the segment decodes to exactly the email');
      }),
      { numRuns: 400 },
    );
    // The generators do produce refusals ("", ".", "..", lone surrogates): the branch is exercised.
    assert.ok(refused > 0, 'no email was refused; the generator lost its edge cases');
  });
});
