import { strict as assert } from 'assert';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { columnForHeader, CsvFormatError, EXPORT_COLUMNS, guestsToCsv, neutraliseCell, readCsv, restoreCell } from '../../../src/model/csv';
import { guest } from './fixtures';

describe('csv', () => {
  const awkward = guest('ana+ops@client.test', {
    first_name: 'Zoë "Z" Müller, Jr.',
    last_name: 'Line1\nLine2',
    company_name: '"Quotes" & \'Apostrophes\' <b>bold</b>',
    phone_1: '+44 20 7946 0958',
    timezone: 'Europe/London',
    associated_members: [3, 7],
    status: 'disabled',
    last_accessed_at: null,
  });

  it('writes a BOM, a header naming every column, CRLF records and RFC 4180 quoting', () => {
    const text = guestsToCsv([awkward]);
    assert.equal(text.charCodeAt(0), 0xfeff);
    const lines = text.slice(1).split('\r\n');
    assert.equal(lines[0], EXPORT_COLUMNS.join(','));
    assert.match(text, /"Zoë ""Z"" Müller, Jr\."/);
    assert.match(text, /"Line1\nLine2"/);
    assert.match(text, /"3, 7"/);
    assert.ok(text.endsWith('\r\n'));
  });

  it('reads back exactly what it wrote, for awkward values (property)', () => {
    const tricky = fc.constantFrom('a,b', '"q"', 'x\r\ny', 'x\ny', 'x\ry', ' lead', 'trail ', '=1+2', '@SUM(A1)', "'=x", '-cmd|x', '+44 1', '😀 ünï', '');
    const cell = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), tricky, fc.array(tricky, { maxLength: 4 }).map((parts) => parts.join('')));
    fc.assert(
      fc.property(fc.array(fc.record({ first: cell, company: cell }), { maxLength: 5 }), (rows) => {
        const guests = rows.map((r, i) => guest(`g${i}@x.test`, { first_name: r.first, company_name: r.company }));
        const table = readCsv(guestsToCsv(guests));
        assert.deepEqual(table.header, [...EXPORT_COLUMNS]);
        const first = EXPORT_COLUMNS.indexOf('first_name');
        const company = EXPORT_COLUMNS.indexOf('company_name');
        assert.deepEqual(table.records.map((r) => [r.cells[first], r.cells[company]]), rows.map((r) => [r.first, r.company]));
      }),
    );
  });

  it('defuses spreadsheet formulas on export and restores them on import', () => {
    assert.equal(neutraliseCell('=HYPERLINK("x")'), `'=HYPERLINK("x")`);
    assert.equal(neutraliseCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(neutraliseCell('-cmd|x'), "'-cmd|x");
    assert.equal(neutraliseCell('+44 20 7946'), '+44 20 7946', 'phone numbers stay as they are');
    assert.equal(neutraliseCell('Ann'), 'Ann');
    fc.assert(fc.property(fc.string(), (s) => assert.equal(restoreCell(neutraliseCell(s)), s)));
    const parsed = parse(guestsToCsv([guest('f@x.test', { first_name: '=1+1' })]), { bom: true }) as string[][];
    assert.equal(parsed[1][EXPORT_COLUMNS.indexOf('first_name')], "'=1+1", 'a spreadsheet sees text');
  });

  it('reports the line each record starts on, across multi-line cells and blank lines', () => {
    const table = readCsv('email,first_name\n"a@x.test","two\nlines"\n\nb@x.test,B\r\nc@x.test,C');
    assert.deepEqual(table.records.map((r) => r.line), [2, 5, 6]);
  });

  it('explains broken CSV and empty files', () => {
    assert.throws(() => readCsv('email\n"a@x.test'), (e: unknown) => e instanceof CsvFormatError && /unclosed quote/.test(e.message));
    assert.throws(() => readCsv(''), CsvFormatError);
  });

  it('understands field keys and labels as headers', () => {
    assert.equal(columnForHeader('Email'), 'email');
    assert.equal(columnForHeader(' first name '), 'first_name');
    assert.equal(columnForHeader('Company'), 'company_name');
    assert.equal(columnForHeader('Time zone'), 'timezone');
    assert.equal(columnForHeader('status'), undefined);
  });
});
