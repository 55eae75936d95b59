import { strict as assert } from 'assert';
import fc from 'fast-check';
import { EDITABLE_FIELDS } from '../../../src/api/types';
import { FIELDS, FIELD_ORDER, TIMEZONES, formatFieldValue, parseFieldInput, type FieldKey } from '../../../src/model/fields';

const ALL_FIELDS = Object.keys(FIELDS) as FieldKey[];
const validate = (field: FieldKey, text: string) => FIELDS[field].validate(text);

describe('model/fields', () => {
  describe('catalogue', () => {
    it('describes every editable field plus email, each under its own key', () => {
      assert.deepEqual([...ALL_FIELDS].sort(), [...EDITABLE_FIELDS, 'email'].sort());
      assert.deepEqual([...FIELD_ORDER].sort(), [...ALL_FIELDS].sort());
      for (const key of ALL_FIELDS) {
        assert.equal(FIELDS[key].key, key);
        assert.ok(FIELDS[key].hint.length > 0, `${key} has a hint`);
      }
    });

    it('uses the labels and kinds the UI shows', () => {
      const summary = ALL_FIELDS.map((key) => [key, FIELDS[key].label, FIELDS[key].kind, FIELDS[key].maxLength]);
      assert.deepEqual(Object.fromEntries(summary.map(([key, ...rest]) => [key, rest])), {
        email: ['Email', 'email', 254],
        first_name: ['First name', 'text', 200],
        last_name: ['Last name', 'text', 200],
        phone_1: ['Phone 1', 'phone', 20],
        phone_2: ['Phone 2', 'phone', 20],
        company_name: ['Company', 'text', 200],
        timezone: ['Time zone', 'timezone', 64],
        associated_members: ['Associated members', 'memberIds', undefined],
      });
      assert.deepEqual(ALL_FIELDS.filter((key) => FIELDS[key].createOnly), ['email']);
    });
  });

  describe('text fields (names, company)', () => {
    it('accept up to 200 characters, counted in code points after trimming', () => {
      assert.equal(validate('first_name', 'a'.repeat(200)), undefined);
      assert.equal(validate('last_name', `  ${'b'.repeat(200)}  `), undefined);
      assert.equal(validate('company_name', '😀'.repeat(200)), undefined, 'an emoji is one character, as Laravel counts');
      assert.equal(validate('company_name', ''), undefined, 'empty clears the field');
    });

    it('reject 201 characters with the length and the limit', () => {
      assert.equal(validate('first_name', 'a'.repeat(201)), 'First name is too long: 201 characters, the limit is 200. Shorten it.');
      assert.equal(validate('last_name', 'a'.repeat(250)), 'Last name is too long: 250 characters, the limit is 200. Shorten it.');
      assert.equal(validate('company_name', '😀'.repeat(201)), 'Company is too long: 201 characters, the limit is 200. Shorten it.');
    });
  });

  describe('phones', () => {
    it('accept digits, spaces and + ( ) - . up to 20 characters', () => {
      for (const ok of ['', '+44 20 7946 0958', '(555) 123-4567', '555.123.4567', '1'.repeat(20), ' 12345 ']) {
        assert.equal(validate('phone_1', ok), undefined, ok);
      }
    });

    it('reject other characters, naming the allowed ones', () => {
      assert.equal(validate('phone_1', '555-CALL-NOW'), 'Phone 1 can only contain digits, spaces and + ( ) - .');
      assert.equal(validate('phone_2', '555 123 ext 4'), 'Phone 2 can only contain digits, spaces and + ( ) - .');
      assert.equal(validate('phone_1', '٥٥٥'), 'Phone 1 can only contain digits, spaces and + ( ) - .', 'only ASCII digits');
      assert.equal(validate('phone_1', '555\n123'), 'Phone 1 can only contain digits, spaces and + ( ) - .');
    });

    it('reject more than 20 characters and punctuation with no digit', () => {
      assert.equal(validate('phone_1', '1'.repeat(21)), 'Phone 1 is too long: 21 characters, the limit is 20. Shorten it.');
      assert.equal(validate('phone_2', '+()'), 'Phone 2 needs at least one digit, or leave it empty to clear it.');
    });
  });

  describe('time zone', () => {
    it('offers a sorted list that holds UTC and current IANA names', () => {
      assert.ok(TIMEZONES.length > 300);
      assert.deepEqual([...TIMEZONES], [...TIMEZONES].sort());
      assert.equal(new Set(TIMEZONES).size, TIMEZONES.length);
      for (const zone of ['UTC', 'America/Chicago', 'Europe/London', 'Asia/Kolkata', 'Europe/Kyiv']) {
        assert.ok(TIMEZONES.includes(zone), zone);
      }
      assert.ok(!TIMEZONES.includes('Asia/Calcutta'), 'outdated ICU names are replaced');
    });

    it('accepts listed zones in any case, outdated and link names, and empty', () => {
      for (const ok of ['', 'UTC', 'utc', 'America/Chicago', ' europe/london ', 'Asia/Calcutta', 'Etc/UTC', 'US/Eastern']) {
        assert.equal(validate('timezone', ok), undefined, ok);
      }
    });

    it('rejects unknown names, abbreviations and offsets, quoting what was typed', () => {
      assert.equal(
        validate('timezone', 'Mars/Olympus'),
        'Time zone "Mars/Olympus" is not an IANA time zone. Use a name such as America/Chicago or Europe/London, or UTC; leave it empty to clear it.',
      );
      for (const bad of ['EST', '+05:00', 'Chicago', 'America/', `Europe/${'x'.repeat(100)}`]) {
        assert.notEqual(validate('timezone', bad), undefined, bad);
      }
    });

    it('parses to the listed spelling', () => {
      assert.equal(parseFieldInput('timezone', ' europe/london '), 'Europe/London');
      assert.equal(parseFieldInput('timezone', 'utc'), 'UTC');
      assert.equal(parseFieldInput('timezone', 'asia/calcutta'), 'Asia/Calcutta', 'an outdated name is kept, not rewritten');
      assert.equal(parseFieldInput('timezone', 'US/Eastern'), 'US/Eastern');
      assert.equal(parseFieldInput('timezone', '   '), null);
    });
  });

  describe('associated members', () => {
    it('accepts ids separated by commas and/or spaces, and empty', () => {
      for (const ok of ['', ' ', '12', '12,34', '12, 34', '12 34', ',12,,34,', '12\n34']) {
        assert.equal(validate('associated_members', ok), undefined, JSON.stringify(ok));
      }
    });

    it('rejects anything but positive whole numbers, quoting the first bad one', () => {
      const message = (token: string) =>
        `Associated members: "${token}" is not a member id. Type member ids (whole numbers above 0) separated by commas or spaces, e.g. 12, 34.`;
      assert.equal(validate('associated_members', '12, abc, x'), message('abc'));
      assert.equal(validate('associated_members', '0'), message('0'));
      assert.equal(validate('associated_members', '-3'), message('-3'));
      assert.equal(validate('associated_members', '1.5'), message('1.5'));
      assert.equal(validate('associated_members', '99999999999999999999'), message('99999999999999999999'));
      assert.equal(validate('associated_members', 'x'.repeat(100)), message(`${'x'.repeat(29)}…`));
    });

    it('parses to ids in typed order without repeats, or null when empty', () => {
      assert.deepEqual(parseFieldInput('associated_members', '34, 12 34,7'), [34, 12, 7]);
      assert.equal(parseFieldInput('associated_members', ' , '), null);
    });
  });

  describe('email', () => {
    it('accepts ordinary addresses', () => {
      for (const ok of ['jane@example.com', ' jane.doe+tag@mail.example.co.uk ', 'o\'brien@example.ie', 'josé@exämple.com']) {
        assert.equal(validate('email', ok), undefined, ok);
      }
    });

    it('requires a value', () => {
      assert.equal(validate('email', '  '), 'Email is required. Type the guest\'s email address, e.g. name@example.com.');
    });

    it('explains a missing @, a bad shape and lengths', () => {
      assert.equal(validate('email', 'jane.example.com'), 'Email needs an @, as in name@example.com.');
      const shape = 'Email is not a valid address. Use the form name@example.com, without spaces, quotes or brackets.';
      for (const bad of ['jane@', '@example.com', 'jane@example', 'ja ne@example.com', 'a@b@example.com', 'jane..doe@example.com', 'jane@-example.com', '<jane@example.com>']) {
        assert.equal(validate('email', bad), shape, bad);
      }
      assert.equal(validate('email', `${'a'.repeat(65)}@example.com`), 'Email: the part before the @ is too long (the limit is 64 characters).');
      const long = `${'a'.repeat(60)}@${'b'.repeat(200)}.com`;
      assert.equal(validate('email', long), 'Email is too long: 265 characters, the limit is 254. Shorten it.');
    });

    it('parses to the trimmed address', () => {
      assert.equal(parseFieldInput('email', ' Jane@Example.com '), 'Jane@Example.com');
    });
  });

  describe('parseFieldInput and formatFieldValue', () => {
    it('trims text and turns empty into null', () => {
      assert.equal(parseFieldInput('first_name', '  Jane '), 'Jane');
      assert.equal(parseFieldInput('company_name', '   '), null);
      assert.equal(parseFieldInput('phone_1', ' +1 555 '), '+1 555');
    });

    it('throws the validator message for text that does not validate', () => {
      assert.throws(() => parseFieldInput('phone_1', 'abc'), { name: 'RangeError', message: 'Phone 1 can only contain digits, spaces and + ( ) - .' });
      assert.throws(() => parseFieldInput('email', ''), RangeError);
    });

    it('formats API values for an input box', () => {
      assert.equal(formatFieldValue('first_name', 'Jane'), 'Jane');
      assert.equal(formatFieldValue('first_name', null), '');
      assert.equal(formatFieldValue('phone_1', undefined), '');
      assert.equal(formatFieldValue('phone_1', 5551234), '5551234');
      assert.equal(formatFieldValue('associated_members', [12, 34]), '12, 34');
      assert.equal(formatFieldValue('associated_members', []), '');
    });

    it('format then parse returns the value for valid members and text', () => {
      fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 1e9 }), { minLength: 1, maxLength: 20 }), (ids) => {
        assert.deepEqual(parseFieldInput('associated_members', formatFieldValue('associated_members', ids)), ids);
      }));
      fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 200 }).filter((s) => s.trim() === s && s !== ''), (name) => {
        assert.equal(parseFieldInput('first_name', formatFieldValue('first_name', name)), name);
      }));
    });
  });

  describe('validators never throw', () => {
    const anyText = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 50 }));

    for (const key of ALL_FIELDS) {
      it(`${key}: returns a message or nothing for any string`, () => {
        fc.assert(fc.property(anyText, (text) => {
          const result = FIELDS[key].validate(text);
          assert.ok(result === undefined || (typeof result === 'string' && result.length > 0));
        }), { numRuns: 300 });
      });
    }

    it('tolerates values that are not strings at all', () => {
      for (const key of ALL_FIELDS) {
        for (const junk of [null, undefined, 42, {}, []]) {
          assert.doesNotThrow(() => FIELDS[key].validate(junk as unknown as string), `${key} ${String(junk)}`);
        }
      }
    });

    it('parseFieldInput accepts exactly what validate accepts', () => {
      fc.assert(fc.property(fc.constantFrom(...ALL_FIELDS), fc.string({ maxLength: 40 }), (key, text) => {
        const message = FIELDS[key].validate(text);
        if (message === undefined) assert.doesNotThrow(() => parseFieldInput(key, text));
        else assert.throws(() => parseFieldInput(key, text), { message });
      }), { numRuns: 500 });
    });
  });
});
