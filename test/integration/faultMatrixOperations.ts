// The operations of the fault matrix, each driven the way a user drives it (commands, the form, the
// quick input, the bulk command) against the sandbox with one fault on its request. Each `run`
// checks what the user sees and the invariants: a failed write leaves Tallyfy and the tree as they
// were, the typed edit is still there and saving again works, a create is never sent twice nor
// reported failed when it happened. It returns the attempts and waits counted at the outcome, which
// faultMatrix.test.ts checks against the client's retry rules.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { RequestRecord } from '../../src/api/types';
import type { BulkRun } from '../../src/commands/bulk/bulkSession';
import { formText, lastPosted, saveForm, type ResultMessage } from './editingSetup';
import {
  assertFailureText, assertTreeShowsServer, guestPath, guestUrlPart, observe, orgPath, pick, visibleFields, type Observed, type Operation,
} from './faultMatrixSetup';
import { waitFor } from './helpers';

const list: Operation = {
  key: 'list',
  title: 'list (Refresh)',
  onSuccess: 'the tree shows the new list',
  onFailure: 'tree keeps the last list marked "Stale: …" with the reason; Refresh then loads it',
  async run(cell) {
    const { fx } = cell;
    const order = fx.sandbox.guests().sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id - b.id));
    // Another admin changed the list: guests on the first and last pages, one gone, one new.
    fx.sandbox.mutateGuest(order[0].email, { company_name: 'Changed On Page 1' });
    fx.sandbox.mutateGuest(order[order.length - 1].email, { company_name: 'Changed On The Last Page' });
    fx.sandbox.removeGuest(order[15].email);
    fx.sandbox.addGuest({ email: `joined.row${cell.row}@client.test`, first_name: 'Joined', last_name: 'Later' });
    const before = new Map(fx.ext.services.store.all().map((g) => [g.email.toLowerCase(), visibleFields(g)]));
    const everyone = [...new Set([...before.keys(), ...fx.sandbox.guests().map((g) => g.email.toLowerCase())])];
    // Page 1 passes untouched (a no-op fault takes it); the fault hits page 2.
    fx.sandbox.injectFault({ kind: 'delay', ms: 0, match: { method: 'GET', path: `${orgPath(fx)}/guests` } });
    await cell.inject({ method: 'GET', path: `${orgPath(fx)}/guests` });
    await vscode.commands.executeCommand('tallyfy.refreshGuests');
    const page = cell.serverDown ? '1' : '2';
    const seen = observe(cell, (r) => r.method === 'GET' && /\/guests\?/.test(r.url) && new URL(r.url).searchParams.get('page') === page);
    const { session, list: status, store } = fx.ext.services;
    if (cell.expect.ok) {
      assert.equal(session.state, 'ready');
      await assertTreeShowsServer(fx, everyone);
      return seen;
    }
    assert.equal(session.state, 'unreachable');
    assertFailureText(status.status.failure, cell, 'the list status');
    assert.match(fx.ext.api.treeView.message ?? '', /^Stale: showing guests saved /, 'the tree says its list is stale');
    assert.ok((fx.ext.api.treeView.message ?? '').includes(status.status.failure ?? '?'), 'and why');
    assert.deepEqual(fx.ui.messages('error'), [], 'a failed load is shown in the view, not as a popup');
    for (const guest of store.all()) {
      const shown = visibleFields(guest);
      const truth = cell.serverDown ? undefined : visibleFields(fx.sandbox.guest(guest.email));
      assert.ok(shown === before.get(guest.email.toLowerCase()) || shown === truth, `${guest.email} is a whole guest, as before or as now`);
    }
    await cell.clearFault();
    await vscode.commands.executeCommand('tallyfy.refreshGuests');
    assert.equal(session.state, 'ready', 'Refresh after the fault loads the list');
    await assertTreeShowsServer(fx, cell.serverDown ? [...before.keys()] : everyone);
    return seen;
  },
};

const get: Operation = {
  key: 'get',
  title: 'get (Show Details)',
  onSuccess: 'the details show Tallyfy\'s current values and stats',
  onFailure: 'the details show the listed guest with a note giving the reason',
  async run(cell) {
    const { fx } = cell;
    const email = pick(cell, 'get');
    const listed = fx.ext.services.store.get(email);
    fx.sandbox.mutateGuest(email, { company_name: 'Fresh From Tallyfy' });
    await cell.inject({ method: 'GET', path: guestPath(fx, email) });
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('tallyfy.showGuestDetails', email);
    assert.ok(editor, 'the details document opened');
    const details = JSON.parse(editor.document.getText()) as Record<string, unknown>;
    const seen = observe(cell, (r) => r.method === 'GET' && r.url.includes(`${guestUrlPart(email)}?with=stats`));
    if (cell.expect.ok) {
      assert.equal(details.company_name, 'Fresh From Tallyfy');
      assert.equal(details.note, undefined);
      assert.ok(details.stats, 'with its stats');
    } else {
      assertFailureText(String(details.note), cell, 'the details note');
      assert.match(String(details.note), /^Fresh details and stats could not be loaded: /);
      assert.equal(details.company_name, listed?.company_name ?? null, 'the guest as listed');
    }
    return seen;
  },
};

const create: Operation = {
  key: 'create',
  title: 'create (form)',
  onSuccess: 'the form becomes the new guest\'s edit form; one guest',
  onFailure: 'never sent twice; "Not saved … Your changes are still here"; Save again creates it once',
  async run(cell) {
    const { fx } = cell;
    const email = `matrix.row${cell.row}@client.test`;
    await vscode.commands.executeCommand('tallyfy.createGuest');
    const form = fx.editing.forms.getCreateForm();
    assert.ok(form, 'the create form opened');
    await form.receive({ type: 'ready' });
    const typed = { email, first_name: 'Matrix', last_name: `Row ${cell.row}` };
    await cell.inject({ method: 'POST', path: `${orgPath(fx)}/guests` });
    // Success turns the form into the guest's edit form (a new "init"); failure answers with a "result".
    const save = async (values: Record<string, string>): Promise<ResultMessage | undefined> => {
      const before = form.posted.length;
      await form.receive({ type: 'save', values });
      return form.posted.slice(before).find((m): m is ResultMessage => m.type === 'result');
    };
    const failed = await save(typed);
    const seen = observe(cell, (r) => r.method === 'POST');
    if (cell.expect.ok) {
      assert.equal(failed, undefined, `created at once: ${failed?.notice?.text}`);
    } else {
      assert.ok(failed, 'the form was told it failed');
      assertFailureText(failed.notice?.text, cell, 'the form notice');
      assert.match(failed.notice?.text ?? '', /^Not saved\. .* Your changes are still here\.$/);
      assert.deepEqual(form.snapshot().draft, typed, 'the typed values are kept');
      assertFailureText((await waitFor(() => fx.ui.lastMessage(/^Could not create the guest: /), 5000, 'the error message')).text, cell, 'the message');
      if (!cell.serverDown) assert.equal(fx.sandbox.guest(email), undefined, 'reported failed, so it must not exist');
      assert.equal(fx.ext.services.store.get(email), undefined);
      await cell.clearFault();
      const again = await save(form.snapshot().draft ?? {});
      assert.equal(again, undefined, `Save again creates it: ${again?.notice?.text}`);
    }
    assert.equal(lastPosted(form, 'init').mode, 'edit', 'the form is now the guest\'s edit form');
    assert.equal(fx.editing.forms.get(email), form);
    assert.equal(fx.sandbox.guests().filter((g) => g.email === email).length, 1, 'exactly one guest');
    await assertTreeShowsServer(fx, [email]);
    return seen;
  },
};

const update: Operation = {
  key: 'update',
  title: 'update (form)',
  onSuccess: '"Saved to Tallyfy"; the tree shows the saved guest',
  onFailure: 'Tallyfy and the tree unchanged; "Not saved … Your changes are still here"; Save again saves',
  async run(cell) {
    const { fx } = cell;
    const email = pick(cell, 'update');
    const original = fx.sandbox.guest(email)?.company_name ?? null;
    await vscode.commands.executeCommand('tallyfy.editGuest', email);
    const form = fx.editing.forms.get(email);
    assert.ok(form, 'the form opened');
    await form.receive({ type: 'ready' });
    const value = `Matrix Co ${cell.row}`;
    const typed = formText(fx.ext.services.store.get(email)!, { company_name: value });
    await cell.inject({ method: 'PUT', path: guestPath(fx, email) });
    const result = await saveForm(form, typed);
    const seen = observe(cell, (r) => r.url.includes(guestUrlPart(email)) && (cell.serverDown || r.method === 'PUT'));
    if (!cell.expect.ok) {
      assertFailureText(result.notice?.text, cell, 'the form notice');
      assert.match(result.notice?.text ?? '', /Your changes are still here\.$/);
      assert.deepEqual(form.snapshot().draft, typed, 'the draft is kept');
      assertFailureText((await waitFor(() => fx.ui.lastMessage(/^Could not save /), 5000, 'the error message')).text, cell, 'the message');
      if (!cell.serverDown) {
        assert.equal(fx.sandbox.guest(email)?.company_name ?? null, original, 'Tallyfy unchanged');
        await assertTreeShowsServer(fx, [email]);
      }
      await cell.clearFault();
      const again = await saveForm(form, form.snapshot().draft ?? {});
      assert.match(again.notice?.text ?? '', /^Saved/, 'saving again works');
    } else {
      assert.match(result.notice?.text ?? '', /^Saved/, JSON.stringify(result.notice));
    }
    assert.equal(fx.sandbox.guest(email)?.company_name, value);
    await assertTreeShowsServer(fx, [email]);
    return seen;
  },
};

const quickUpdate: Operation = {
  key: 'quickUpdate',
  title: 'update (quick input)',
  onSuccess: '"Updated Company of …"',
  onFailure: 'Tallyfy and the tree unchanged; the error offers Retry, which sends the same value',
  async run(cell) {
    const { fx } = cell;
    const email = pick(cell, 'quickUpdate');
    const value = `Quick Co ${cell.row}`;
    const before = visibleFields(fx.ext.services.store.get(email));
    let atFailure: { seen: Observed; store: string; server: string | undefined } | undefined;
    const faulted = (r: RequestRecord): boolean => r.url.includes(guestUrlPart(email)) && (cell.serverDown || r.method === 'PUT');
    fx.ui.answerPick('Company').answerInput(value, /^Company of /);
    fx.ui.answerMessageAfter(/^Could not update /, async () => {
      // Assertions cannot throw from here (the command would swallow them): record, check below.
      atFailure = { seen: observe(cell, faulted), store: visibleFields(fx.ext.services.store.get(email)), server: cell.serverDown ? undefined : visibleFields(fx.sandbox.guest(email)) };
      await cell.clearFault();
    }, 'Retry');
    await cell.inject({ method: 'PUT', path: guestPath(fx, email) });
    await vscode.commands.executeCommand('tallyfy.quickUpdateGuest', email);
    const failure = fx.ui.lastMessage(/^Could not update /);
    if (cell.expect.ok) {
      assert.equal(failure, undefined, `no error: ${failure?.text}`);
    } else {
      assert.ok(failure && atFailure, `the failure was shown; messages: ${fx.ui.messages().join(' | ')}`);
      assertFailureText(failure.text, cell, 'the message');
      assert.ok(failure.choices.includes('Retry'), 'it offers Retry');
      assert.equal(atFailure.store, before, 'the tree was unchanged');
      if (atFailure.server !== undefined) assert.equal(atFailure.server, before, 'Tallyfy was unchanged');
    }
    assert.ok(fx.ui.lastMessage(/^Updated Company of /), `saved in the end; messages: ${fx.ui.messages().join(' | ')}`);
    assert.equal(fx.sandbox.guest(email)?.company_name, value);
    await assertTreeShowsServer(fx, [email]);
    return atFailure?.seen ?? observe(cell, faulted);
  },
};

const remove: Operation = {
  key: 'delete',
  title: 'delete',
  onSuccess: 'the guest leaves Tallyfy and the tree',
  onFailure: 'the guest stays in Tallyfy and the tree; the error says why; Delete again deletes it',
  async run(cell) {
    const { fx } = cell;
    const email = pick(cell, 'delete');
    const deleteIt = async (): Promise<void> => {
      fx.ui.answerMessage('Delete', /^Delete the guest /);
      await vscode.commands.executeCommand('tallyfy.deleteGuest', email);
    };
    await cell.inject({ method: 'DELETE', path: guestPath(fx, email) });
    await deleteIt();
    const seen = observe(cell, (r) => r.method === 'DELETE');
    if (!cell.expect.ok) {
      assertFailureText(fx.ui.lastMessage(/^Could not delete /)?.text, cell, 'the message');
      assert.ok(fx.ext.services.store.get(email), 'still in the tree');
      if (!cell.serverDown) await assertTreeShowsServer(fx, [email]);
      await cell.clearFault();
      await deleteIt();
    }
    assert.ok(fx.ui.lastMessage(/^Deleted the guest /), `messages: ${fx.ui.messages().join(' | ')}`);
    assert.equal(fx.sandbox.guest(email), undefined);
    await assertTreeShowsServer(fx, [email]);
    return seen;
  },
};

const bulk: Operation = {
  key: 'bulk',
  title: 'bulk update',
  onSuccess: 'every guest changed',
  onFailure: 'the report names the failed guest and why, the others changed; Retry Failed finishes it',
  async run(cell) {
    const { fx } = cell;
    const target = pick(cell, 'bulk');
    const partner = pick(cell, 'bulk', 1);
    const value = `Bulk Co ${cell.row}`;
    fx.ui
      .answerPickMany((items) => items.filter((i) => i.label === 'Company'))
      .answerInput(value, /^New company/)
      .answerMessage('Update 2 Guests', /^Update 2 guests in Tallyfy\?/);
    await cell.inject({ method: 'PUT', path: guestPath(fx, target) });
    const run = await vscode.commands.executeCommand<BulkRun>('tallyfy.bulkUpdateGuests', undefined, [target, partner]);
    assert.ok(run, `the run finished; messages: ${fx.ui.messages().join(' | ')}`);
    const seen = observe(cell, (r) => r.method === 'PUT' && r.url.includes(guestUrlPart(target)));
    const status = (email: string) => run.results.find((r) => r.email.toLowerCase() === email.toLowerCase());
    if (!cell.expect.ok) {
      assert.equal(status(target)?.status, 'failed');
      assertFailureText(status(target)?.reason, cell, 'the report\'s reason');
      assert.equal(status(partner)?.status, cell.serverDown ? 'failed' : 'changed');
      if (!cell.serverDown) await assertTreeShowsServer(fx, [target, partner]);
      await cell.clearFault();
      const retried = await vscode.commands.executeCommand<BulkRun>('tallyfy.retryFailedBulkUpdate');
      assert.deepEqual(retried?.results.map((r) => r.status), ['changed', 'changed'], 'Retry Failed finishes the run');
    } else {
      assert.deepEqual(run.results.map((r) => r.status), ['changed', 'changed']);
    }
    for (const email of [target, partner]) assert.equal(fx.sandbox.guest(email)?.company_name, value, email);
    await assertTreeShowsServer(fx, [target, partner]);
    return seen;
  },
};

export const OPERATIONS: readonly Operation[] = [list, get, create, update, quickUpdate, remove, bulk];
