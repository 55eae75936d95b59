// The guest form in the real VS Code against the sandbox: the tests post the messages the webview
// would post (through the panel's own message handler) and read what the extension posted back.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { pickFields } from '../../src/editing/formValues';
import {
  ANA, ANA_RAW_PATH_SUFFIX, formText, lastPosted, openForm, puts, saveForm, storeGuest, useEditingFixture, waitFor,
} from './editingSetup';

describe('Editing: the guest form', function () {
  this.timeout(40000);
  const fx = useEditingFixture();

  it('opens one panel per guest, titled with the name; data arrives by postMessage after "ready", never in the HTML', async () => {
    const form = await openForm(fx, ANA);
    assert.equal(form.panel.title, 'Ana Ops');
    assert.equal(fx.ext.services.lastGuest?.email, ANA, 'opening a guest makes it the last guest');
    const again = await openForm(fx, ANA);
    assert.equal(again, form, 'the second open re-focuses the same panel');
    assert.equal(fx.editing.forms.all().length, 1);
    const html = form.panel.webview.html;
    assert.match(html, /default-src 'none'/);
    assert.match(html, /script-src 'nonce-[A-Za-z0-9+/=]{16,}'/);
    assert.ok(!html.includes('Ana') && !html.includes('client.test'), 'no guest data templated into the HTML');
    const nonces = [...html.matchAll(/nonce-([^']+)'/g)].map((m) => m[1]);
    assert.ok(html.includes(`nonce="${nonces[0]}"`), 'the script carries the CSP nonce');
    const roots = (form.panel.webview.options.localResourceRoots ?? []).map((u) => u.path.split('/').pop());
    assert.deepEqual(roots, ['dist', 'media']);
    await form.receive({ type: 'ready' });
    const init = lastPosted(form, 'init');
    assert.equal(init.mode, 'edit');
    assert.equal(init.email, ANA);
    assert.equal(init.base.first_name, 'Ana');
  });

  it('Save sends only the changed fields, to the encoded email, with Tallyfy\'s headers; store and tree get the answer', async () => {
    const form = await openForm(fx, ANA);
    const guest = storeGuest(fx, ANA);
    const result = await saveForm(form, formText(guest, { phone_1: '+44 20 7946 0958', company_name: '  New Co Ltd ' }));
    assert.match(result.notice?.text ?? '', /^Saved/, JSON.stringify(result.notice));
    const [put] = puts(fx.sandbox);
    assert.ok(put, 'a PUT was sent');
    assert.deepEqual(put.body, { phone_1: '+44 20 7946 0958', company_name: 'New Co Ltd' });
    assert.ok(put.rawPath.endsWith(ANA_RAW_PATH_SUFFIX), put.rawPath);
    assert.equal(put.headers.authorization, `Bearer ${fx.sandbox.token}`);
    assert.equal(put.headers.accept, 'application/json');
    assert.equal(put.headers['x-tallyfy-client'], 'APIClient');
    assert.match(put.headers['content-type'] ?? '', /^application\/json/);
    const before = fx.sandbox.requests.findIndex((r) => r === put);
    assert.equal(fx.sandbox.requests[before - 1]?.method, 'GET', 'the guest was read again just before the PUT (conflict check)');
    assert.equal(fx.sandbox.guest(ANA)?.phone_1, '+44 20 7946 0958');
    assert.equal(storeGuest(fx, ANA).company_name, 'New Co Ltd');
    assert.equal(result.base?.company_name, 'New Co Ltd', 'the form shows the saved values from the response');
    assert.equal(fx.editing.lastUpdate?.email, ANA, 'the update can be undone');
  });

  it('shows Tallyfy\'s 422 at the field, keeps the draft and sends nothing more', async () => {
    const form = await openForm(fx, ANA);
    const typed = formText(storeGuest(fx, ANA), { associated_members: '1, 99999', first_name: 'Anna' });
    const result = await saveForm(form, typed);
    assert.match(result.fieldErrors.associated_members ?? '', /\S/, JSON.stringify(result));
    assert.equal(result.notice?.severity, 'error');
    assert.equal(result.draft, null, 'the typed text stays in the inputs');
    assert.deepEqual(form.snapshot().draft, typed);
    assert.equal(fx.sandbox.guest(ANA)?.first_name, 'Ana');
  });

  it('catches invalid values before any request, with the catalogue\'s message', async () => {
    const form = await openForm(fx, ANA);
    const result = await saveForm(form, formText(storeGuest(fx, ANA), { phone_2: 'call me maybe' }));
    assert.match(result.fieldErrors.phone_2 ?? '', /Phone 2 can only contain digits/);
    assert.equal(fx.sandbox.requests.length, 0);
  });

  describe('conflicts (the guest changed in Tallyfy after the form opened)', () => {
    const conflictMessage = /was changed in Tallyfy by someone else/;

    it('names the fields that differ; Overwrite saves the user\'s changes', async () => {
      const form = await openForm(fx, ANA);
      const typed = formText(storeGuest(fx, ANA), { first_name: 'Anna' });
      fx.sandbox.mutateGuest(ANA, { phone_1: '+1 212 555 0199' });
      fx.ui.answerMessage('Overwrite', conflictMessage);
      const result = await saveForm(form, typed);
      const asked = fx.ui.lastMessage(conflictMessage);
      assert.ok(asked?.modal, 'asked in a modal');
      assert.deepEqual(asked.choices, ['Overwrite', 'Reload Their Version']);
      assert.match(asked.detail ?? '', /Phone 1: now "\+1 212 555 0199"/);
      assert.deepEqual(puts(fx.sandbox).map((r) => r.body), [{ first_name: 'Anna' }]);
      assert.equal(fx.sandbox.guest(ANA)?.first_name, 'Anna');
      assert.equal(fx.sandbox.guest(ANA)?.phone_1, '+1 212 555 0199', 'their change to another field stays');
      assert.match(result.notice?.text ?? '', /^Saved/);
    });

    it('Reload Their Version sends nothing, shows their values and keeps the user\'s other edits', async () => {
      const form = await openForm(fx, ANA);
      const typed = formText(storeGuest(fx, ANA), { first_name: 'Anna', phone_1: '+1 000 000 0000' });
      fx.sandbox.mutateGuest(ANA, { phone_1: '+1 212 555 0199' });
      fx.ui.answerMessage('Reload Their Version', conflictMessage);
      const result = await saveForm(form, typed);
      assert.equal(puts(fx.sandbox).length, 0);
      assert.equal(result.base?.phone_1, '+1 212 555 0199');
      assert.equal(result.draft?.phone_1, '+1 212 555 0199', 'the conflicting field shows their value');
      assert.equal(result.draft?.first_name, 'Anna', 'the other edit is kept');
      assert.match(result.fieldNotes.phone_1 ?? '', /Changed in Tallyfy/);
      assert.equal(storeGuest(fx, ANA).phone_1, '+1 212 555 0199', 'the tree shows their version');
      // Saving again now goes through without a question.
      const again = await saveForm(form, result.draft ?? {});
      assert.match(again.notice?.text ?? '', /^Saved/);
      assert.deepEqual(puts(fx.sandbox).map((r) => r.body), [{ first_name: 'Anna' }]);
    });

    it('Cancel sends nothing and keeps the draft', async () => {
      const form = await openForm(fx, ANA);
      const typed = formText(storeGuest(fx, ANA), { last_name: 'Operations' });
      fx.sandbox.mutateGuest(ANA, { last_name: 'Opsworth' });
      fx.ui.answerMessage(undefined, conflictMessage);
      const result = await saveForm(form, typed);
      assert.equal(puts(fx.sandbox).length, 0);
      assert.equal(result.draft, null);
      assert.deepEqual(form.snapshot().draft, typed);
      assert.match(result.notice?.text ?? '', /Not saved/);
      assert.equal(fx.sandbox.guest(ANA)?.last_name, 'Opsworth');
    });
  });

  it('a failed save (HTTP 500 on every retry) keeps the draft, says so at the top and offers Retry, which then saves', async () => {
    const form = await openForm(fx, ANA);
    const typed = formText(storeGuest(fx, ANA), { company_name: 'Retry Co' });
    fx.sandbox.injectFault({ kind: 'status', status: 500, match: { method: 'PUT' }, times: 5 });
    fx.ui.answerMessage('Retry', /Could not save Ana Ops/);
    const result = await saveForm(form, typed);
    assert.equal(result.notice?.severity, 'error');
    assert.match(result.notice?.text ?? '', /Your changes are still here/);
    assert.deepEqual(form.snapshot().draft, typed);
    assert.ok(fx.ui.lastMessage(/Could not save Ana Ops/), `messages: ${fx.ui.messages().join(' | ')}`);
    // Retry ran the same save again; the faults are used up, so it succeeds.
    await waitFor(() => fx.sandbox.guest(ANA)?.company_name === 'Retry Co', 15000, 'the retried save');
    await waitFor(() => /^Saved/.test(lastPosted(form, 'result').notice?.text ?? ''), 5000, 'the success result');
  });

  it('a connection reset keeps the draft too', async () => {
    const form = await openForm(fx, ANA);
    const typed = formText(storeGuest(fx, ANA), { phone_2: '+1 555 0123' });
    fx.sandbox.injectFault({ kind: 'reset', match: { method: 'PUT' }, times: 5 });
    const result = await saveForm(form, typed);
    assert.equal(result.notice?.severity, 'error');
    assert.deepEqual(form.snapshot().draft, typed);
    assert.equal(fx.sandbox.guest(ANA)?.phone_2 ?? null, storeGuest(fx, ANA).phone_2);
  });

  it('a 403 says "not allowed" at the top and through showError', async () => {
    const form = await openForm(fx, ANA);
    fx.sandbox.injectFault({ kind: 'status', status: 403, body: { error: true, message: 'You are not allowed to edit guests.' }, match: { method: 'PUT' } });
    const result = await saveForm(form, formText(storeGuest(fx, ANA), { first_name: 'Nope' }));
    assert.match(result.notice?.text ?? '', /not allowed/i);
    assert.ok(fx.ui.lastMessage(/not allowed/i));
  });

  it('waits out a 429 with "Waiting N s for Tallyfy\'s rate limit…" and then saves', async () => {
    const form = await openForm(fx, ANA);
    fx.sandbox.injectFault({ kind: 'rateLimit', retryAfter: 1, match: { method: 'PUT' } });
    const zone = storeGuest(fx, ANA).timezone === 'Asia/Tokyo' ? 'Europe/Paris' : 'Asia/Tokyo';
    const result = await saveForm(form, formText(storeGuest(fx, ANA), { timezone: zone }));
    assert.match(result.notice?.text ?? '', /^Saved/);
    assert.ok(
      fx.editing.progressMessages.includes("Waiting 1 s for Tallyfy's rate limit…"),
      `progress: [${fx.editing.progressMessages.join(' | ')}]; requests: ${fx.sandbox.requests.map((r) => `${r.method} ${r.status}`).join(', ')}`,
    );
    assert.equal(fx.sandbox.guest(ANA)?.timezone, zone);
  });

  it('a guest deleted elsewhere: the save says it no longer exists and the tree drops it', async () => {
    const form = await openForm(fx, ANA);
    const typed = formText(storeGuest(fx, ANA), { first_name: 'Ghost' });
    fx.sandbox.removeGuest(ANA);
    const result = await saveForm(form, typed);
    assert.equal(result.notice?.severity, 'error');
    assert.ok(fx.ui.lastMessage(/no longer exists/), `messages: ${fx.ui.messages().join(' | ')}`);
    await waitFor(() => fx.ext.services.store.get(ANA) === undefined, 5000, 'the guest to leave the store');
  });

  it('ignores (and logs) webview messages of the wrong shape', async () => {
    const form = await openForm(fx, ANA);
    const postedBefore = form.posted.length;
    const bad: unknown[] = [
      { type: 'save', values: { first_name: 'X' }, email: 'attacker@evil.test' },
      { type: 'save', values: { is_admin: 'yes' } },
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
      { type: 'save', values: { first_name: 42 } },
      'save',
      null,
    ];
    for (const message of bad) await form.receive(message);
    assert.equal(form.ignored.length, bad.length, form.ignored.join(' | '));
    assert.match(form.ignored.join(' | '), /unknown type/);
    assert.equal(form.posted.length, postedBefore, 'nothing was answered');
    assert.equal(fx.sandbox.requests.length, 0, 'nothing reached Tallyfy');
  });

  it('Tallyfy\'s docs2026 PUT (ignores all but members): the form and a notification name the fields not applied', async () => {
    fx.sandbox.setPutMode('docs2026');
    await fx.ext.services.refresh();
    const form = await openForm(fx, ANA);
    const result = await saveForm(form, formText(storeGuest(fx, ANA), { first_name: 'Anastasia', associated_members: '2, 5' }));
    assert.equal(puts(fx.sandbox)[0]?.status, 201);
    assert.equal(result.notice?.severity, 'warning');
    assert.match(result.notice?.text ?? '', /did not apply: First name\./);
    assert.doesNotMatch(result.notice?.text ?? '', /Associated members/);
    assert.match(result.fieldNotes.first_name ?? '', /did not apply/);
    assert.equal(result.draft?.first_name, 'Anastasia', 'what the user typed is not lost');
    const toast = fx.ui.lastMessage(/did not apply/);
    assert.equal(toast?.severity, 'warning');
    assert.match(toast?.text ?? '', /First name/);
    assert.deepEqual(storeGuest(fx, ANA).associated_members, [2, 5], 'the store has the guest as returned');
    assert.equal(storeGuest(fx, ANA).first_name, 'Ana');
  });

  it('a dirty form closed is kept as a draft, offered back by "Restore Draft", and restored into the form', async () => {
    const form = await openForm(fx, ANA);
    const typed = formText(storeGuest(fx, ANA), { company_name: 'Unsaved Co' });
    await form.receive({ type: 'draft', values: typed });
    fx.ui.answerMessage('Restore Draft', /unsaved changes to Ana Ops were kept/);
    form.panel.dispose();
    await waitFor(() => fx.editing.forms.get(ANA) && fx.editing.forms.get(ANA) !== form, 5000, 'the restored form');
    const restored = fx.editing.forms.get(ANA);
    assert.ok(restored);
    await restored.receive({ type: 'ready' });
    const init = lastPosted(restored, 'init');
    assert.deepEqual(init.draft, typed);
    assert.match(init.notice?.text ?? '', /Restored your unsaved changes/);
    assert.equal(fx.sandbox.requests.filter((r) => r.method !== 'GET').length, 0);
  });

  it('a dirty form closed and opened again later gets its draft back (kept in workspaceState too)', async () => {
    const form = await openForm(fx, ANA);
    const typed = formText(storeGuest(fx, ANA), { phone_1: '+1 999' });
    await form.receive({ type: 'draft', values: typed });
    form.panel.dispose();
    const stored = fx.ext.services.context.workspaceState.get<Record<string, { draft: unknown }>>('tallyfy.guestFormDrafts') ?? {};
    assert.deepEqual(Object.values(stored).map((d) => d.draft), [typed]);
    const reopened = await openForm(fx, ANA);
    await reopened.receive({ type: 'ready' });
    assert.deepEqual(lastPosted(reopened, 'init').draft, typed);
    assert.deepEqual(fx.ext.services.context.workspaceState.get('tallyfy.guestFormDrafts'), {}, 'the draft moved into the open form');
  });

  it('an open form keeps its dirty draft in workspaceState as it is typed, and drops it once clean', async () => {
    const form = await openForm(fx, ANA);
    const guest = storeGuest(fx, ANA);
    const drafts = () => fx.ext.services.context.workspaceState.get<Record<string, { draft: unknown }>>('tallyfy.guestFormDrafts') ?? {};
    const typed = formText(guest, { last_name: 'Typed Before A Reload' });
    await form.receive({ type: 'draft', values: typed });
    await waitFor(() => Object.values(drafts()).some((d) => JSON.stringify(d.draft) === JSON.stringify(typed)), 3000, 'the draft in workspaceState');
    await form.receive({ type: 'draft', values: formText(guest, {}) });
    await waitFor(() => Object.keys(drafts()).length === 0, 3000, 'the clean draft to be dropped');
  });

  it('a clean form closed keeps nothing and asks nothing', async () => {
    const form = await openForm(fx, ANA);
    await form.receive({ type: 'draft', values: formText(storeGuest(fx, ANA), {}) });
    form.panel.dispose();
    assert.equal(fx.ui.messages().length, 0);
    assert.deepEqual(fx.ext.services.context.workspaceState.get('tallyfy.guestFormDrafts') ?? {}, {});
  });

  it('the panel serializer restores a form from the state its webview saved', async () => {
    const guest = storeGuest(fx, ANA);
    const panel = vscode.window.createWebviewPanel('tallyfy.guestForm', 'restored', vscode.ViewColumn.Active);
    const state = { mode: 'edit', email: ANA, base: pickFields(guest), baseUpdatedAt: guest.updated_at, draft: { first_name: 'Restored' } };
    fx.editing.forms.revive(panel, state);
    const form = fx.editing.forms.get(ANA);
    assert.ok(form);
    await form.receive({ type: 'ready' });
    assert.deepEqual(lastPosted(form, 'init').draft, { first_name: 'Restored' });
    fx.editing.forms.revive(vscode.window.createWebviewPanel('tallyfy.guestForm', 'junk', vscode.ViewColumn.Active), { mode: 'edit', email: 42 });
    assert.equal(fx.editing.forms.all().length, 1, 'a state of the wrong shape is not restored');
  });
});
