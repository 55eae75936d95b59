import { strict as assert } from 'assert';
import fc from 'fast-check';
import { asText, codePointLength, flattenControls, truncate } from '../../../src/model/text';
import { formatTimestamp, parseTimestamp } from '../../../src/model/time';

describe('model/text', () => {
  it('asText keeps strings and writes numbers, booleans; anything else is empty', () => {
    assert.equal(asText('a b'), 'a b');
    assert.equal(asText(12), '12');
    assert.equal(asText(false), 'false');
    for (const junk of [null, undefined, NaN, Infinity, {}, [], Symbol('s')]) assert.equal(asText(junk), '');
  });

  it('codePointLength counts surrogate pairs once and lone surrogates as one each', () => {
    assert.equal(codePointLength(''), 0);
    assert.equal(codePointLength('abc'), 3);
    assert.equal(codePointLength('😀x😀'), 3);
    assert.equal(codePointLength('\uD83D'), 1);
    assert.equal(codePointLength('\uDE00\uD83D'), 2);
  });

  it('codePointLength agrees with the string iterator', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 50 }), (text) => {
      assert.equal(codePointLength(text), [...text].length);
    }));
  });

  it('truncate keeps short text and cuts long text to max code points ending with an ellipsis', () => {
    assert.equal(truncate('abc', 3), 'abc');
    assert.equal(truncate('abcd', 3), 'ab…');
    assert.equal(truncate('😀😀😀😀', 3), '😀😀…');
    assert.equal(truncate('abc', 0), '…', 'a limit below 1 still yields something bounded');
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.integer({ min: 1, max: 30 }), (text, max) => {
      const out = truncate(text, max);
      assert.ok(codePointLength(out) <= max);
      if (codePointLength(text) <= max) assert.equal(out, text);
      else assert.ok(text.startsWith(out.slice(0, -1)) && out.endsWith('…'));
    }));
  });

  it('flattenControls removes bidi controls and turns control characters into spaces', () => {
    assert.equal(flattenControls('a\u202Eb\u2067c\td\ne\u0000f\u2028g'), 'abc d e f g');
  });
});

describe('model/time', () => {
  it('reads "Y-m-d H:i:s" as UTC and ISO 8601 with its offset', () => {
    assert.equal(parseTimestamp('2024-05-01 14:03:09'), Date.UTC(2024, 4, 1, 14, 3, 9));
    assert.equal(parseTimestamp('2024-05-01T14:03:09Z'), Date.UTC(2024, 4, 1, 14, 3, 9));
    assert.equal(parseTimestamp('2024-05-01T14:03:09.123456Z'), Date.UTC(2024, 4, 1, 14, 3, 9, 123));
    assert.equal(parseTimestamp('2024-05-01T16:03:09+02:00'), Date.UTC(2024, 4, 1, 14, 3, 9));
    assert.equal(parseTimestamp('2024-05-01T09:03:09-0500'), Date.UTC(2024, 4, 1, 14, 3, 9));
    assert.equal(parseTimestamp('2024-05-01'), Date.UTC(2024, 4, 1));
  });

  it('returns undefined for anything that is not a timestamp', () => {
    for (const junk of ['', 'yesterday', '01/05/2024', '2024-05-01T25', null, 1714572189, {}]) {
      assert.equal(parseTimestamp(junk), undefined, String(junk));
    }
  });

  it('formats to minutes in UTC, and passes other text through', () => {
    assert.equal(formatTimestamp('2024-05-01T16:03:59+02:00'), '2024-05-01 14:03 UTC');
    assert.equal(formatTimestamp(' soon '), 'soon');
    assert.equal(formatTimestamp(null), '');
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.anything()), (value) => {
      formatTimestamp(value);
    }));
  });
});
