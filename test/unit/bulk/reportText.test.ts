import { strict as assert } from 'assert';
import { ServerError } from '../../../src/api/errors';
import type { GuestResult } from '../../../src/bulk/bulkEngine';
import { renderReport, summaryLine } from '../../../src/bulk/reportText';
import { guest } from './fixtures';

function result(email: string, status: GuestResult['status'], extra: Partial<GuestResult> = {}): GuestResult {
  return { email, name: email, status, applied: {}, previous: {}, unapplied: [], job: { kind: 'update', guest: guest(email), changes: {} }, ...extra };
}

describe('reportText', () => {
  const results: GuestResult[] = [
    result('a@x.test', 'changed', { name: 'Ana\nOps', applied: { company_name: 'New' }, previous: { company_name: null } }),
    result('b@x.test', 'failed', { reason: new ServerError('Tallyfy answered with an error page (HTTP 503).').userMessage }),
    result('c@x.test', 'notApplied', { unapplied: ['company_name'], reason: 'Tallyfy answered success but did not apply company_name.' }),
    result('d@x.test', 'cancelled', { reason: 'Not started: the run was cancelled.' }),
    result('e@x.test', 'skipped', { reason: 'Already at that value.' }),
  ];

  it('summarises the non-zero counts', () => {
    assert.equal(summaryLine(results), '1 changed, 1 not applied by Tallyfy, 1 skipped, 1 failed, 1 not sent (cancelled)');
    assert.equal(summaryLine([], 2), '2 skipped');
    assert.equal(summaryLine([]), 'nothing to do');
  });

  it('lists every guest under its outcome, failures first, with values and reasons on one line each', () => {
    const text = renderReport({ title: 'Bulk update', finishedAt: new Date('2025-01-02T03:04:05Z'), request: 'Company → "New"', results, cancelled: true, notSent: [{ email: 'z@x.test', name: 'z@x.test', reason: 'Invalid row.' }] });
    const lines = text.split('\n');
    assert.equal(lines[1], 'Cancelled 2025-01-02T03:04:05.000Z');
    assert.match(text, /Retry Failed Bulk Update" to send the 2 failed or unsent guests again/);
    assert.ok(text.indexOf('Failed (1)') < text.indexOf('Changed (1)'));
    assert.match(text, /- Ana Ops <a@x\.test>: Company: \(empty\) → "New"/);
    assert.match(text, /- c@x\.test: not applied: Company/);
    assert.match(text, /- b@x\.test: Tallyfy answered with an error page \(HTTP 503\)\./);
    assert.match(text, /Not sent \(1\)\n {2}- z@x\.test: Invalid row\./);
  });
});
