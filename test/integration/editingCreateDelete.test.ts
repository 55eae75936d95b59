// Create (the form in create mode), delete, "Copy Last Request as curl" and the palette's guest
// picker, in the real VS Code against the sandbox.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { ANA, ANA_RAW_PATH_SUFFIX, lastPosted, openForm, saveForm, storeGuest, useEditingFixture, waitFor } from './editingSetup';

describe('Editing: create, delete, curl', function () {
  this.timeout(40000);
  const fx = useEditingFixture();

  async function openCreateForm() {
    await vscode.commands.executeCommand('tallyfy.createGuest');
    const form = fx.editing.forms.getCreateForm();
    assert.ok(form, 'no create form');
    return form;
  }

  it('creates a guest from the form: POST, the tree gets it, the form becomes its edit form', async () => {
    const form = await openCreateForm();
    assert.equal(form.panel.title, 'New Guest');
    await form.receive({ type: 'ready' });
    assert.equal(lastPosted(form, 'init').mode, 'create');
    await form.receive({ type: 'save', values: { email: 'new.person@client.test', first_name: 'New', last_name: 'Person', company_name: '', phone_1: '+1 555 0142' } });
    const post = fx.sandbox.requests.find((r) => r.method === 'POST');
    assert.equal(post?.status, 201);
    assert.deepEqual(post?.body, { email: 'new.person@client.test', first_name: 'New', last_name: 'Person', phone_1: '+1 555 0142' });
    assert.equal(fx.sandbox.guest('new.person@client.test')?.first_name, 'New');
    assert.equal(storeGuest(fx, 'new.person@client.test').last_name, 'Person');
    const init = lastPosted(form, 'init');
    assert.equal(init.mode, 'edit');
    assert.equal(init.email, 'new.person@client.test');
    assert.match(init.notice?.text ?? '', /Created the guest/);
    assert.equal(form.panel.title, 'New Person');
    assert.equal(fx.editing.forms.get('new.person@client.test'), form);
    assert.equal(fx.editing.forms.getCreateForm(), undefined);
    assert.equal(fx.ext.services.lastGuest?.email, 'new.person@client.test');
  });

  it('an email that is already a guest gets Tallyfy\'s "already taken" at the email field', async () => {
    const form = await openCreateForm();
    const result = await saveForm(form, { email: ANA, first_name: 'Duplicate' });
    assert.match(result.fieldErrors.email ?? '', /already been taken/);
    assert.equal(fx.sandbox.requests.filter((r) => r.method === 'POST').map((r) => r.status).join(), '422');
    assert.equal(fx.editing.forms.getCreateForm(), form, 'still the create form, with the draft');
    assert.deepEqual(form.snapshot().draft, { email: ANA, first_name: 'Duplicate' });
  });

  it('an email that is missing or malformed is caught before any request', async () => {
    const form = await openCreateForm();
    const missing = await saveForm(form, { first_name: 'No Email' });
    assert.match(missing.fieldErrors.email ?? '', /Email is required/);
    const malformed = await saveForm(form, { email: 'not an email' });
    assert.match(malformed.fieldErrors.email ?? '', /\S/);
    assert.equal(fx.sandbox.requests.length, 0);
  });

  it('deletes after a modal confirmation naming the guest; the node and the open form go', async () => {
    await openForm(fx, ANA);
    fx.ui.answerMessage('Delete', /Delete the guest/);
    await vscode.commands.executeCommand('tallyfy.deleteGuest', ANA);
    const asked = fx.ui.lastMessage(/Delete the guest/);
    assert.equal(asked?.modal, true);
    assert.match(asked?.text ?? '', /Ana Ops \(ana\+ops@client\.test\)/);
    const del = fx.sandbox.requests.find((r) => r.method === 'DELETE');
    assert.ok(del?.rawPath.endsWith(ANA_RAW_PATH_SUFFIX), del?.rawPath);
    assert.equal(del?.status, 200);
    assert.equal(fx.sandbox.guest(ANA), undefined);
    assert.equal(fx.ext.services.store.get(ANA), undefined);
    assert.equal(fx.editing.forms.get(ANA), undefined, 'its form was closed');
    assert.ok(fx.ui.lastMessage(/Deleted the guest Ana Ops/));
  });

  it('declining the confirmation deletes nothing', async () => {
    fx.ui.answerMessage(undefined, /Delete the guest/);
    await vscode.commands.executeCommand('tallyfy.deleteGuest', ANA);
    assert.equal(fx.sandbox.requests.filter((r) => r.method === 'DELETE').length, 0);
    assert.ok(fx.ext.services.store.get(ANA));
  });

  it('a guest already deleted elsewhere (Tallyfy\'s 422 "unknown email"): says so and refreshes', async () => {
    fx.sandbox.removeGuest(ANA);
    fx.ui.answerMessage('Delete', /Delete the guest/);
    await vscode.commands.executeCommand('tallyfy.deleteGuest', ANA);
    assert.equal(fx.sandbox.requests.find((r) => r.method === 'DELETE')?.status, 422);
    assert.ok(fx.ui.lastMessage(/no longer exists/), `messages: ${fx.ui.messages().join(' | ')}`);
    await waitFor(() => fx.ext.services.store.get(ANA) === undefined, 5000, 'the guest to leave the tree');
    await waitFor(() => fx.sandbox.requests.some((r) => r.method === 'GET' && r.path.endsWith('/guests')), 5000, 'the refresh');
  });

  it('deletes a multi-selection after one confirmation listing them', async () => {
    const [first, second] = fx.ext.services.store.all().filter((g) => g.email !== ANA).slice(0, 2);
    fx.ui.answerMessage('Delete', /Delete 2 guests/);
    await vscode.commands.executeCommand('tallyfy.deleteGuest', { guest: first }, [{ guest: first }, { guest: second }]);
    assert.match(fx.ui.lastMessage(/Delete 2 guests/)?.detail ?? '', new RegExp(first.email.replace(/[.+]/g, '\\$&')));
    assert.equal(fx.sandbox.requests.filter((r) => r.method === 'DELETE' && r.status === 200).length, 2);
    assert.equal(fx.ext.services.store.get(first.email), undefined);
    assert.equal(fx.ext.services.store.get(second.email), undefined);
  });

  it('from the palette, Edit Guest asks which guest (name, email, company; typing filters)', async () => {
    fx.ui.answerPick('Ana Ops');
    await vscode.commands.executeCommand('tallyfy.editGuest');
    assert.ok(fx.editing.forms.get(ANA));
  });

  it('Copy Last Request as curl: exact method, URL, headers and body, with $TALLYFY_TOKEN instead of the token', async () => {
    const form = await openForm(fx, ANA);
    await saveForm(form, { ...{ first_name: 'Ana', last_name: 'Ops' }, company_name: 'Curl Co' });
    const command = (await vscode.commands.executeCommand('tallyfy.copyRequestAsCurl')) as string;
    assert.ok(command.startsWith('curl -X PUT'), command);
    assert.ok(command.includes(`${fx.sandbox.baseUrl}/organizations/${fx.sandbox.orgId}${ANA_RAW_PATH_SUFFIX}`), command);
    assert.ok(command.includes('-H "Authorization: Bearer $TALLYFY_TOKEN"'), command);
    assert.ok(command.includes("-H 'X-Tallyfy-Client: APIClient'"), command);
    assert.ok(command.includes(`--data-raw '{"company_name":"Curl Co"}'`), command);
    assert.ok(!command.includes(fx.sandbox.token), 'the token itself is not in the command');
    assert.equal(await vscode.env.clipboard.readText(), command, 'the clipboard holds the command');
    assert.ok(fx.ui.lastMessage(/as a curl command/));
  });

  // Last: it signs the window out.
  it('a 401 while saving asks to sign in again, shows the signed-out state and keeps the draft', async () => {
    const form = await openForm(fx, ANA);
    fx.sandbox.injectFault({ kind: 'status', status: 401, body: { error: true, message: 'Unauthenticated.' }, match: { method: 'PUT' } });
    const typed = { first_name: 'Ana', company_name: 'After 401 Co' };
    const result = await saveForm(form, typed);
    assert.equal(result.notice?.severity, 'error');
    assert.deepEqual(form.snapshot().draft, typed);
    await waitFor(() => fx.ui.lastMessage(/token is no longer valid/), 5000, 'the re-sign-in message');
    assert.deepEqual(fx.ui.lastMessage(/token is no longer valid/)?.choices, ['Sign In']);
    await waitFor(() => fx.ext.services.session.state === 'signedOut', 5000, 'the signed-out state');
    assert.equal(fx.editing.statusBar?.view.visible, false);
  });
});
