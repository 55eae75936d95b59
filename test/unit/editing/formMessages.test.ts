import { strict as assert } from 'assert';
import fc from 'fast-check';
import { EMPTY_FIELDS, formValuesOf, parseFormValues } from '../../../src/editing/formValues';
import { MAX_VALUE_LENGTH, parsePersistedState, parseWebviewMessage } from '../../../src/views/guestForm/messages';
import { guest } from './fakeApi';

describe('guest form: messages from the webview', () => {
  it('accepts exactly the documented shapes', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { ok: true, value: { type: 'ready' } });
    assert.deepEqual(parseWebviewMessage({ type: 'save', values: { first_name: 'Ana', phone_1: '' } }), {
      ok: true, value: { type: 'save', values: { first_name: 'Ana', phone_1: '' } },
    });
    assert.equal(parseWebviewMessage({ type: 'draft', values: {} }).ok, true);
  });

  const rejected: [string, unknown][] = [
    ['not an object', 'save'],
    ['an array', [{ type: 'ready' }]],
    ['null', null],
    ['an unknown type', { type: 'delete', values: {} }],
    ['an extra key', { type: 'save', values: {}, email: 'x@y.test' }],
    ['an extra key on ready', { type: 'ready', html: '<img>' }],
    ['a missing values', { type: 'save' }],
    ['values that are not an object', { type: 'save', values: ['Ana'] }],
    ['an unknown field', { type: 'save', values: { is_admin: 'true' } }],
    ['a number instead of text', { type: 'save', values: { phone_1: 5550100 } }],
    ['oversized text', { type: 'draft', values: { first_name: 'x'.repeat(MAX_VALUE_LENGTH + 1) } }],
    ['a prototype-polluting key', JSON.parse('{"type":"save","values":{"__proto__":"x"}}')],
  ];
  for (const [what, message] of rejected) {
    it(`rejects ${what} with a reason`, () => {
      const result = parseWebviewMessage(message);
      assert.equal(result.ok, false);
      if (!result.ok) assert.ok(result.reason.length > 0);
    });
  }

  it('never throws and never accepts anything but the three types (property)', () => {
    fc.assert(fc.property(fc.anything(), (value) => {
      const result = parseWebviewMessage(value);
      return !result.ok || ['ready', 'draft', 'save'].includes(result.value.type);
    }), { numRuns: 500 });
  });
});

describe('guest form: persisted state', () => {
  const valid = { mode: 'edit', email: 'ana+ops@client.test', base: EMPTY_FIELDS, baseUpdatedAt: null, draft: { first_name: 'A' } };

  it('accepts a state the webview saved', () => {
    const result = parsePersistedState(JSON.parse(JSON.stringify(valid)));
    assert.equal(result.ok, true);
  });

  it('rejects tampered states', () => {
    for (const bad of [
      { ...valid, mode: 'admin' },
      { ...valid, email: '' },
      { ...valid, base: { ...EMPTY_FIELDS, associated_members: ['1'] } },
      { ...valid, base: { first_name: 'A' } },
      { ...valid, draft: { first_name: 1 } },
      { ...valid, extra: true },
    ]) {
      assert.equal(parsePersistedState(bad).ok, false, JSON.stringify(bad));
    }
  });

  it('never throws (property)', () => {
    fc.assert(fc.property(fc.anything(), (value) => {
      parsePersistedState(value);
      return true;
    }), { numRuns: 300 });
  });
});

describe('guest form: values', () => {
  it('round-trips a guest through the form text', () => {
    const fields = { ...EMPTY_FIELDS, ...guest() };
    const parsed = parseFormValues(formValuesOf(fields), EMPTY_FIELDS, false);
    assert.equal(parsed.ok, true);
    if (parsed.ok) {
      assert.equal(parsed.fields.first_name, 'Ana');
      assert.deepEqual(parsed.fields.associated_members, [3, 1]);
      assert.equal(parsed.fields.phone_2, null);
    }
  });

  it('reports each invalid field with the catalogue\'s message, and needs an email in create mode', () => {
    const parsed = parseFormValues({ phone_1: 'call me', timezone: 'Mars/Olympus', email: '' }, EMPTY_FIELDS, true);
    assert.equal(parsed.ok, false);
    if (!parsed.ok) {
      assert.deepEqual(Object.keys(parsed.errors).sort(), ['email', 'phone_1', 'timezone']);
      assert.match(parsed.errors.phone_1 ?? '', /Phone 1 can only contain digits/);
    }
  });

  it('ignores an email typed into an edit form', () => {
    const parsed = parseFormValues({ email: 'other@client.test', first_name: 'Ana' }, EMPTY_FIELDS, false);
    assert.equal(parsed.ok, true);
    if (parsed.ok) assert.equal(parsed.email, '');
  });
});
