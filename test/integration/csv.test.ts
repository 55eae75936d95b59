// CSV export and import in the real VS Code against the sandbox. The round trip edits the exported
// file the way another tool would (re-written by a different CSV writer, LF line ends) and checks
// that exactly the edited cells reach Tallyfy, byte for byte, including commas, quotes, line breaks
// and non-ASCII text.
import { strict as assert } from 'assert';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ImportOutcome } from '../../src/commands/csv/import';
import { reportText, storeGuest, useBulkFixture } from './bulkFixture';

type Row = Record<string, string>;

describe('CSV export and import', function () {
  this.timeout(60_000);
  const fx = useBulkFixture({ guests: 30 });
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tallyfy-csv-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function exportTo(name: string): Promise<{ file: string; rows: Row[]; bytes: Buffer }> {
    const file = path.join(dir, name);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('tallyfy.exportGuestsCsv', vscode.Uri.file(file));
    assert.equal(uri?.fsPath, file, fx.ui.messages().join(' | '));
    const bytes = fs.readFileSync(file);
    return { file, rows: parse(bytes, { bom: true, columns: true }) as Row[], bytes };
  }

  async function importFrom(file: string, apply: boolean): Promise<ImportOutcome> {
    fx.ui.answerMessage(apply ? 'Apply Import' : undefined, /^Import /);
    const outcome = await vscode.commands.executeCommand<ImportOutcome>('tallyfy.importGuestsCsv', vscode.Uri.file(file));
    assert.ok(outcome, fx.ui.messages().join(' | '));
    return outcome;
  }

  const counts = (outcome: ImportOutcome) => {
    const c: Record<string, number> = { create: 0, update: 0, unchanged: 0, invalid: 0 };
    for (const row of outcome.plan.rows) c[row.kind]++;
    return c;
  };

  it('exports every listed guest as UTF-8 with a BOM, CRLF and one column per field', async () => {
    const { bytes, rows } = await exportTo('export.csv');
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    assert.ok(text.startsWith('\uFEFFemail,first_name,last_name,company_name,phone_1,phone_2,timezone,associated_members,status,created_at,last_accessed_at\r\n'));
    assert.equal(rows.length, fx.ext.services.store.size);
    const awkward = rows.find((r) => r.first_name === '<img src=x onerror=alert(1)>' || r.company_name.includes('"Quotes" & \'Apostrophes\''));
    assert.ok(awkward, 'the awkward seeded guests are exported as written');
    assert.ok(fx.ui.lastMessage(/^Exported \d+ guests to export\.csv\.$/));
  });

  it('round trip: export, edit cells with commas, quotes, line breaks and unicode, import: exactly the edited cells change', async () => {
    const { rows } = await exportTo('roundtrip.csv');
    const [a, b, c] = rows.filter((r) => r.status === 'active').slice(0, 3);
    const edits: [Row, string, string][] = [
      [a, 'company_name', 'Comma, "Quote" & Co\nSecond line — Łódź 😀'],
      [b, 'first_name', 'Zoë, "the" Ünïcode'],
      [c, 'phone_1', c.phone_1 === '' ? '+44 20 7946 0000' : ''],
    ];
    for (const [row, column, value] of edits) row[column] = value;
    // Re-written by another CSV writer (LF line ends, its own quoting), as a spreadsheet would.
    const edited = path.join(dir, 'roundtrip-edited.csv');
    fs.writeFileSync(edited, stringify(rows, { header: true }), 'utf8');
    fx.sandbox.clearRequests();

    const outcome = await importFrom(edited, true);
    assert.deepEqual(counts(outcome), { create: 0, update: 3, unchanged: rows.length - 3, invalid: 0 });
    const puts = fx.sandbox.requests.filter((r) => r.method === 'PUT');
    const sent = puts.map((r) => [r.path.split('/').pop()!.toLowerCase(), r.body]).sort();
    const expected = edits.map(([row, column, value]) => [row.email.toLowerCase(), { [column]: value === '' ? null : value }]).sort();
    assert.deepEqual(sent, expected, 'one PUT per edited guest, with only the edited cell');
    assert.equal(fx.sandbox.requests.filter((r) => r.method === 'POST').length, 0);
    for (const [row, column, value] of edits) {
      const stored = (fx.sandbox.guest(row.email) as unknown as Record<string, unknown>)[column];
      assert.equal(stored ?? '', value, `${row.email} ${column}`);
      assert.equal((storeGuest(fx, row.email) as unknown as Record<string, unknown>)[column] ?? '', value);
    }
    assert.match(reportText(/CSV import preview/), /Update \(3\)/);
    assert.match(reportText(/^CSV Import/), /Changed \(3\)/);

    // Exporting again gives the same cells as the edited file.
    const { rows: again } = await exportTo('roundtrip-again.csv');
    const byEmail = new Map(again.map((r) => [r.email, r]));
    for (const row of rows) {
      for (const column of ['email', 'first_name', 'last_name', 'company_name', 'phone_1', 'phone_2', 'timezone', 'associated_members']) {
        assert.equal(byEmail.get(row.email)?.[column], row[column], `${row.email} ${column}`);
      }
    }
  });

  it('dry run lists invalid rows with reasons; applying sends only the valid rows (creates and updates)', async () => {
    const [first, second] = fx.ext.services.store.all();
    const file = path.join(dir, 'mixed.csv');
    fs.writeFileSync(
      file,
      [
        'email,first_name,phone_1',
        'not-an-email,Nobody,',
        `${first.email},Valid Change,`,
        'new.person@client.test,New,+1 555 0199',
        `${second.email},Bad Phone,abc`,
      ].join('\n'),
      'utf8',
    );
    fx.sandbox.clearRequests();
    const dry = await importFrom(file, false);
    assert.deepEqual(counts(dry), { create: 1, update: 1, unchanged: 0, invalid: 2 });
    const preview = reportText(/CSV import preview \(dry run\): mixed\.csv/);
    assert.match(preview, /Invalid \(2\)\n {2}- line 2 not-an-email: Email needs an @/);
    assert.match(preview, /- line 5 .*: Phone 1 can only contain digits/);
    assert.match(preview, /Create \(1\)\n {2}- line 4 new\.person@client\.test: First name "New"; Phone 1 "\+1 555 0199"/);
    assert.equal(fx.sandbox.requests.filter((r) => r.method !== 'GET').length, 0, 'a dry run sends nothing');

    fx.sandbox.clearRequests();
    const applied = await importFrom(file, true);
    assert.deepEqual(applied.run?.results.map((r) => r.status).sort(), ['changed', 'created']);
    const touched = fx.sandbox.requests.map((r) => decodeURIComponent(r.path));
    assert.ok(!touched.some((p) => p.includes('not-an-email')), 'the invalid email never reached the API');
    assert.ok(!touched.some((p) => p.toLowerCase().includes(second.email.toLowerCase())), 'the row with a bad phone never reached the API');
    assert.equal(fx.sandbox.guest(first.email)?.first_name, 'Valid Change');
    assert.equal(fx.sandbox.guest('new.person@client.test')?.phone_1, '+1 555 0199');
    assert.match(reportText(/^CSV Import/), /Not sent \(2\)/);
  });

  it('explains a file that is not CSV it can use', async () => {
    const file = path.join(dir, 'broken.csv');
    fs.writeFileSync(file, 'first_name,company\nAna,"unclosed\n', 'utf8');
    const outcome = await vscode.commands.executeCommand<ImportOutcome>('tallyfy.importGuestsCsv', vscode.Uri.file(file));
    assert.equal(outcome, undefined);
    assert.ok(fx.ui.lastMessage(/^Cannot import broken\.csv: The file is not valid CSV/), fx.ui.messages().join(' | '));
  });
});
