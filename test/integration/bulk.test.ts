// Bulk update in the real VS Code against the sandbox: rate limit, preview, cancel, report, retry
// and undo. Guests are passed as the tree's multi-selection would pass them (here by email).
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { BulkRun } from '../../src/commands/bulk/bulkSession';
import { putEmails, reportText, storeGuest, useBulkFixture } from './bulkFixture';
import { waitFor } from './helpers';
import { signIn, signOut, waitForState } from './tallyfyExtension';

const pickFields = (...labels: string[]) => (items: readonly vscode.QuickPickItem[]) => items.filter((i) => labels.includes(i.label));

describe('Bulk update', function () {
  this.timeout(90_000);
  const fx = useBulkFixture({ guests: 125 });

  const emails = (count: number) => fx.ext.services.store.all().slice(0, count).map((g) => g.email);

  it('120 guests under a 20 requests/s (burst 5) limit: no 429 reaches the user and every guest is right', async () => {
    const selection = emails(120);
    const company = 'Acme, "Bulk" & Söhne';
    fx.sandbox.setRateLimit({ perSecond: 20, burst: 5 });
    fx.ui.answerPickMany(pickFields('Company')).answerInput(company, /New company/).answerMessage('Update 120 Guests', /^Update 120 guests in Tallyfy\?/);
    const started = Date.now();
    const run = await vscode.commands.executeCommand<BulkRun>('tallyfy.bulkUpdateGuests', selection[0], selection);
    const elapsed = Date.now() - started;
    fx.sandbox.setRateLimit(null);
    assert.ok(run, `no run; messages: ${fx.ui.messages().join(' | ')}`);
    assert.equal(run.results.length, 120);
    assert.deepEqual([...new Set(run.results.map((r) => r.status))], ['changed']);
    for (const email of selection) {
      assert.equal(fx.sandbox.guest(email)?.company_name, company, email);
      assert.equal(storeGuest(fx, email).company_name, company, 'the tree\'s store was updated in place');
    }
    // The limit was binding: past the burst, 115 requests at 20 per second take at least 5.75 s
    // (whether the client paced itself or waited out the sandbox's 429s).
    const refused = fx.sandbox.requests.filter((r) => r.status === 429).length;
    assert.ok(elapsed >= 5750 * 0.9, `took ${elapsed} ms (${refused} refused with 429)`);
    assert.deepEqual(fx.ui.messages('error'), [], 'no error reached the user');
    assert.ok(!fx.ui.messages().some((m) => /429|too many|rate limit/i.test(m)), fx.ui.messages().join(' | '));
    assert.ok(fx.ui.lastMessage(/^Bulk Update: 120 changed\.$/), fx.ui.messages().join(' | '));
    assert.match(reportText(/Changed \(120\)/), /Company: .* → "Acme, "Bulk" & Söhne"/);
  });

  it('previews how many change and how many are skipped; cancelling the preview sends nothing', async () => {
    const selection = emails(5);
    fx.sandbox.mutateGuest(selection[1], { company_name: 'Same Co' });
    fx.sandbox.mutateGuest(selection[3], { company_name: 'Same Co' });
    await fx.ext.services.refresh();
    fx.sandbox.clearRequests();
    fx.ui.answerPickMany(pickFields('Company')).answerInput('Same Co').answerMessage(undefined, /^Update 3 guests/);
    const run = await vscode.commands.executeCommand<BulkRun>('tallyfy.bulkUpdateGuests', undefined, selection);
    assert.equal(run, undefined);
    const preview = fx.ui.lastMessage(/^Update 3 guests/);
    assert.equal(preview?.modal, true);
    assert.match(preview?.detail ?? '', /3 of 5 guests will change; 2 already have that value and will be skipped/);
    assert.equal(fx.sandbox.requests.filter((r) => r.method !== 'GET').length, 0);
  });

  it('cancel mid-run: requests in flight finish, none start, and the report says which guests changed', async () => {
    const selection = fx.ext.services.store.all().filter((g) => g.timezone !== 'Asia/Tokyo').slice(0, 40).map((g) => g.email);
    fx.sandbox.setLatency(150);
    fx.ui.answerPickMany(pickFields('Time zone')).answerPick('Asia/Tokyo').answerMessage('Update 40 Guests');
    const running = vscode.commands.executeCommand<BulkRun>('tallyfy.bulkUpdateGuests', undefined, selection);
    await waitFor(() => putEmails(fx).length >= 8, 20_000, '8 PUTs');
    await vscode.commands.executeCommand('tallyfy.cancelBulkUpdate');
    const run = await running;
    fx.sandbox.setLatency(0);
    assert.ok(run?.cancelled, 'the run says it was cancelled');
    const changed = run.results.filter((r) => r.status === 'changed').map((r) => r.email.toLowerCase()).sort();
    const notSent = run.results.filter((r) => r.status === 'cancelled');
    assert.ok(changed.length >= 8 && changed.length < 40, `changed ${changed.length}`);
    assert.equal(changed.length + notSent.length, 40);
    const puts = fx.sandbox.requests.filter((r) => r.method === 'PUT');
    assert.ok(puts.every((r) => r.status === 200), `every PUT got its answer: ${puts.map((r) => r.status).join(',')}`);
    assert.deepEqual(putEmails(fx), changed, 'exactly the guests reported as changed were sent');
    for (const r of notSent) assert.notEqual(fx.sandbox.guest(r.email)?.timezone, 'Asia/Tokyo', r.email);
    const report = reportText(/^Bulk Update/);
    assert.match(report, /^Cancelled /m);
    assert.match(report, new RegExp(`Changed \\(${changed.length}\\)`));
    assert.match(report, new RegExp(`Not sent \\(cancelled\\) \\(${notSent.length}\\)`));
  });

  it('a failed guest is reported with its reason and "Retry Failed" sends only it again', async () => {
    const selection = emails(6);
    const victim = selection[4];
    fx.sandbox.injectFault({ kind: 'status', status: 503, match: { method: 'PUT', path: new RegExp(`/guests/${victim.replace(/[.+]/g, '\\$&')}$`, 'i') }, times: 5 });
    fx.ui.answerPickMany(pickFields('Last name')).answerInput('Bulkington').answerMessage('Update 6 Guests');
    const run = await vscode.commands.executeCommand<BulkRun>('tallyfy.bulkUpdateGuests', undefined, selection);
    assert.deepEqual(run?.results.map((r) => r.status), ['changed', 'changed', 'changed', 'changed', 'failed', 'changed']);
    assert.match(reportText(/Failed \(1\)/), /HTTP 503/);
    const done = fx.ui.lastMessage(/^Bulk Update: 5 changed, 1 failed\.$/);
    assert.deepEqual(done?.choices, ['Retry Failed', 'Undo', 'Show Report']);
    fx.sandbox.clearRequests();
    const retried = await vscode.commands.executeCommand<BulkRun>('tallyfy.retryFailedBulkUpdate');
    assert.deepEqual(putEmails(fx), [victim.toLowerCase()]);
    assert.deepEqual([...new Set(retried?.results.map((r) => r.status))], ['changed'], 'the retry merged into the run');
    assert.equal(fx.sandbox.guest(victim)?.last_name, 'Bulkington');
  });

  it('undo puts back each guest\'s previous values', async () => {
    const selection = emails(4);
    // No members is one value whether Tallyfy stores it as null or [] (the PUT clears with []).
    const values = (e: string) => [fx.sandbox.guest(e)?.phone_2 ?? null, fx.sandbox.guest(e)?.associated_members?.length ? fx.sandbox.guest(e)?.associated_members : null];
    const before = selection.map(values);
    fx.ui.answerPickMany(pickFields('Phone 2', 'Associated members: add')).answerInput('+1 555 0100').answerInput('7, 8').answerMessage('Update 4 Guests');
    await vscode.commands.executeCommand<BulkRun>('tallyfy.bulkUpdateGuests', undefined, selection);
    for (const e of selection) {
      assert.equal(fx.sandbox.guest(e)?.phone_2, '+1 555 0100');
      assert.ok([7, 8].every((id) => fx.sandbox.guest(e)?.associated_members?.includes(id)), 'members added to each own list');
    }
    fx.ui.answerMessage('Undo', /^Undo the last bulk update\?/);
    const undone = await vscode.commands.executeCommand<BulkRun>('tallyfy.undoLastBulkUpdate');
    assert.equal(undone?.kind, 'undo');
    assert.deepEqual(selection.map(values), before);
    await vscode.commands.executeCommand('tallyfy.undoLastBulkUpdate');
    assert.ok(fx.ui.lastMessage(/already undone/));
  });

  it('sign-out forgets the last run (its guests are personal data): nothing is left to undo', async () => {
    const selection = emails(2);
    fx.ui.answerPickMany(pickFields('Last name')).answerInput('Forgotten').answerMessage('Update 2 Guests');
    assert.ok(await vscode.commands.executeCommand<BulkRun>('tallyfy.bulkUpdateGuests', undefined, selection));
    await signOut(fx.ext.services);
    await signIn(fx.ext.services, fx.ui, fx.sandbox.token);
    await waitForState(fx.ext.services, 'ready');
    fx.sandbox.clearRequests();
    assert.equal(await vscode.commands.executeCommand('tallyfy.undoLastBulkUpdate'), undefined);
    assert.ok(fx.ui.lastMessage(/^There is no bulk update to undo\.$/), fx.ui.messages().join(' | '));
    assert.equal(fx.sandbox.requests.filter((r) => r.method !== 'GET').length, 0);
  });

  it('reports the fields Tallyfy did not apply (its documented PUT ignores all but associated members)', async () => {
    fx.sandbox.setPutMode('docs2026');
    const selection = emails(2);
    fx.ui.answerPickMany(pickFields('First name')).answerInput('Ignored').answerMessage('Update 2 Guests');
    const run = await vscode.commands.executeCommand<BulkRun>('tallyfy.bulkUpdateGuests', undefined, selection);
    assert.deepEqual(run?.results.map((r) => r.status), ['notApplied', 'notApplied']);
    assert.ok(fx.ui.lastMessage(/^Bulk Update: 2 not applied by Tallyfy\.$/)?.severity === 'warning');
    assert.match(reportText(/Not applied by Tallyfy \(2\)/), /not applied: First name/);
  });
});
