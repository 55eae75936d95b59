import { strict as assert } from 'assert';
import {
  AuthError,
  ForbiddenError,
  NotFoundError,
  ProtocolError,
  RateLimitError,
  ServerError,
  ValidationError,
} from '../../../src/api/errors';
import { errorFromResponse, flattenFieldErrors } from '../../../src/api/errorMapping';
import { TOKEN } from './helpers';

const byEmail = { subject: 'the guest ana@client.test', addressesGuestByEmail: true, token: TOKEN };
const notByEmail = { subject: 'the guest ana@client.test', addressesGuestByEmail: false, token: TOKEN };
const json = (status: number, body: unknown) => ({ status, contentType: 'application/json', text: JSON.stringify(body) });

describe('flattenFieldErrors', () => {
  it('flattens strings, arrays and nested objects, joining nested keys with "."', () => {
    assert.deepEqual(
      flattenFieldErrors({
        email: ['The email has already been taken.', 'Second.'],
        first_name: 'Too long.',
        details: { phone_1: ['Too long.'], address: { city: 'Required.' } },
        associated_members: [{ 0: 'Not a member.' }, 'Must be integers.'],
        count: 3,
        nothing: null,
      }),
      {
        email: ['The email has already been taken.', 'Second.'],
        first_name: ['Too long.'],
        'details.phone_1': ['Too long.'],
        'details.address.city': ['Required.'],
        'associated_members.0.0': ['Not a member.'],
        associated_members: ['Must be integers.'],
        count: ['3'],
      },
    );
  });

  it('keeps a bare list of messages under "request" and ignores junk', () => {
    assert.deepEqual(flattenFieldErrors(['Something is wrong.']), { request: ['Something is wrong.'] });
    assert.deepEqual(flattenFieldErrors(undefined), {});
    assert.deepEqual(flattenFieldErrors('oops'), { request: ['oops'] });
  });
});

describe('errorFromResponse', () => {
  it('401 → AuthError telling the user to sign in again', () => {
    const error = errorFromResponse(json(401, { error: true, message: 'Unauthenticated.' }), byEmail);
    assert.ok(error instanceof AuthError);
    assert.match(error.userMessage, /token is no longer valid/);
    assert.match(error.userMessage, /Sign in again/);
  });

  it('403 → ForbiddenError showing Tallyfy\'s message as written', () => {
    const error = errorFromResponse(json(403, { error: true, message: 'Cannot disable guest with incomplete tasks' }), byEmail);
    assert.ok(error instanceof ForbiddenError);
    assert.equal(error.serverMessage, 'Cannot disable guest with incomplete tasks');
    assert.ok(error.userMessage.includes('Cannot disable guest with incomplete tasks'));
  });

  it('404 → NotFoundError naming the subject, or the base URL for an unknown endpoint', () => {
    const missing = errorFromResponse(json(404, { error: true, message: 'Resource not found', code: 'RESOURCE_NOT_FOUND' }), byEmail);
    assert.ok(missing instanceof NotFoundError);
    assert.match(missing.userMessage, /could not find the guest ana@client\.test/);
    const endpoint = errorFromResponse(json(404, { error: true, message: 'API endpoint not found', code: 'ENDPOINT_NOT_FOUND' }), byEmail);
    assert.match(endpoint.userMessage, /API base URL setting/);
  });

  it('422 → ValidationError with flattened fields, with or without a message', () => {
    const withMessage = errorFromResponse(
      json(422, { message: 'The given data was invalid.', errors: { phone_1: ['The phone 1 may not be greater than 20 characters.'] } }),
      notByEmail,
    );
    assert.ok(withMessage instanceof ValidationError);
    assert.deepEqual(withMessage.fieldErrors, { phone_1: ['The phone 1 may not be greater than 20 characters.'] });
    assert.match(withMessage.userMessage, /phone_1: The phone 1 may not be greater than 20 characters\./);
    const withoutMessage = errorFromResponse(json(422, { errors: { guests: { 0: 'Unknown guest.' } } }), notByEmail);
    assert.ok(withoutMessage instanceof ValidationError);
    assert.deepEqual(withoutMessage.fieldErrors, { 'guests.0': ['Unknown guest.'] });
    const bad = errorFromResponse(json(400, { error: true, message: 'Malformed JSON.' }), notByEmail);
    assert.ok(bad instanceof ValidationError);
    assert.match(bad.userMessage, /Malformed JSON\./);
  });

  it('422 whose only error is an unknown email on an email path → NotFoundError', () => {
    for (const message of ['The selected email is invalid.', 'Guest not found', 'The email does not exist.']) {
      const error = errorFromResponse(json(422, { error: true, message: 'The given data was invalid.', errors: { email: [message] } }), byEmail);
      assert.ok(error instanceof NotFoundError, message);
    }
    // Not on an email path (create), or another message, or more fields: still a validation error.
    const onCreate = errorFromResponse(json(422, { errors: { email: ['The selected email is invalid.'] } }), notByEmail);
    assert.ok(onCreate instanceof ValidationError);
    const required = errorFromResponse(json(422, { errors: { email: ['The email field is required.'] } }), byEmail);
    assert.ok(required instanceof ValidationError);
    const two = errorFromResponse(json(422, { errors: { email: ['invalid'], phone_1: ['Too long.'] } }), byEmail);
    assert.ok(two instanceof ValidationError);
  });

  it('429 → RateLimitError with the wait; 5xx → ServerError, never dumping HTML', () => {
    const limited = errorFromResponse(json(429, { message: 'Too Many Attempts.', code: 'RATE_LIMIT_EXCEEDED' }), byEmail, 4000);
    assert.ok(limited instanceof RateLimitError);
    assert.equal(limited.retryAfterMs, 4000);
    assert.match(limited.userMessage, /about 4 s/);
    const html = errorFromResponse({ status: 503, contentType: 'text/html', text: '<html><body><h1>503 Service Unavailable</h1></body></html>' }, byEmail);
    assert.ok(html instanceof ServerError);
    assert.equal(html.userMessage.startsWith('Tallyfy answered with an error page (HTTP 503)'), true);
    assert.ok(!/<|h1|Service Unavailable/.test(html.userMessage));
    const jsonError = errorFromResponse(json(500, { error: true, message: 'Server Error' }), byEmail);
    assert.ok(jsonError instanceof ServerError);
    assert.match(jsonError.userMessage, /HTTP 500: Server Error/);
  });

  it('a 3xx (redirects are not followed) → ProtocolError pointing at the base URL', () => {
    const error = errorFromResponse({ status: 301, contentType: null, text: '' }, byEmail);
    assert.ok(error instanceof ProtocolError);
    assert.match(error.userMessage, /base URL/);
  });

  it('removes the token from anything the server echoes back', () => {
    const error = errorFromResponse(json(403, { message: `Token ${TOKEN} is not allowed` }), byEmail);
    const fields = errorFromResponse(json(422, { errors: { token: [`bad ${TOKEN}`] } }), notByEmail) as ValidationError;
    for (const text of [error.userMessage, error.serverMessage ?? '', JSON.stringify(fields), fields.userMessage]) {
      assert.ok(!text.includes(TOKEN), text);
    }
  });
});
