// Token safety in the real VS Code: the token lives in SecretStorage (and in memory for a request)
// and nowhere else. One scenario runs every contributed command, with failures (a server that echoes
// the token back in its error bodies, 401, 403, 422, 500), then searches every place text ends up:
// the client's log lines at every level, the log files, every message and prompt shown, webview HTML,
// messages and state, every open document, globalState and workspaceState, the settings and the
// settings.json file, the curl export and the clipboard, the CSV export. Then: sign-out forgets the
// guests, a non-loopback http:// base URL is refused before any request, and a changed base URL
// gets no request at all until the user confirms it.
import { strict as assert } from 'assert';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { sleep as realSleep } from '../../src/api/sleep';
import type { Logger, RequestRecord } from '../../src/api/types';
import type { GuestFormPanel } from '../../src/views/guestForm/guestFormPanel';
import { startSandbox, type Sandbox } from '../sandbox';
import { pointSettingsAt, waitFor } from './helpers';
import { ScriptedUi } from './scriptedUi';
import { EXTENSION_ID, extension, setSetting, signIn, signOut, waitForState, type Extension } from './tallyfyExtension';

const TOKEN = `tok_LEAKCHECK_${randomBytes(16).toString('hex')}`;
const WRONG = `tok_WRONG_${randomBytes(12).toString('hex')}`;
const SECRETS = [TOKEN, TOKEN.slice(-32), WRONG];
const ANA = 'ana+ops@client.test';
const CONFIRM_URL = /API base URL changed/;
const SEND = 'Send Token to New URL';

describe('Token safety', function () {
  this.timeout(120_000);
  let ext: Extension;
  let ui: ScriptedUi;
  let sandbox: Sandbox;
  let restoreUi: () => void;
  let restoreSettings: () => Promise<void>;
  let dir: string;
  const clientLog: string[] = [];
  const attempts: RequestRecord[] = [];
  const executed = new Set<string>();
  /** Text the scenario produced outside the places searched below (webview HTML, curl, CSV…). */
  const produced: Array<[string, string]> = [];

  const run = <T = unknown>(id: string, ...args: unknown[]): Thenable<T | undefined> => {
    executed.add(id);
    return vscode.commands.executeCommand<T>(id, ...args);
  };
  const recordForm = (form: GuestFormPanel | undefined, what: string): GuestFormPanel => {
    assert.ok(form, `${what}: no form`);
    produced.push([`${what} HTML`, form.panel.webview.html], [`${what} messages`, JSON.stringify(form.posted)], [`${what} state`, JSON.stringify(form.snapshot())]);
    return form;
  };
  const listPath = () => `/organizations/${sandbox.orgId}/guests`;

  before(async () => {
    ext = await extension();
    const previous = ext.services.ui;
    restoreUi = () => (ext.services.ui = previous);
    ui = new ScriptedUi();
    ext.services.ui = ui;
    await signOut(ext.services);
    sandbox = await startSandbox({ token: TOKEN, guests: 12, seed: 21 });
    restoreSettings = await pointSettingsAt(sandbox);
    const record = (level: string) => (message: string) => {
      clientLog.push(`${level} ${message}`);
      (ext.services.log as unknown as Record<string, (m: string) => void>)[level](message);
    };
    const logger: Logger = { trace: record('trace'), debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
    ext.services.clients.setTestOverrides({ logger, onRequest: (r) => attempts.push(r), sleep: (ms, signal) => realSleep(Math.min(ms, 15), signal) });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tallyfy-token-'));
  });

  after(async () => {
    for (const form of ext.api.editing.forms.all()) form.closeWithoutDraft();
    ext.services.clients.setTestOverrides(undefined);
    await signOut(ext.services);
    restoreUi();
    for (const key of ['sortBy', 'groupByCompany', 'apiBaseUrl']) await setSetting(key, undefined);
    await restoreSettings();
    await sandbox.close();
    fs.rmSync(dir, { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('every command path, failures included, leaves the token in SecretStorage only', async () => {
    // Sign-in: a wrong token first (rejected, not stored), then the right one.
    ui.answerInput(WRONG, /personal access token/);
    await run('tallyfy.signIn');
    await signIn(ext.services, ui, TOKEN);
    await waitForState(ext.services, 'ready');
    assert.equal(await ext.services.context.secrets.get('tallyfy.token'), TOKEN, 'the token is in SecretStorage');

    // A proxy that echoes the Authorization header back in its error bodies.
    const echo = `proxy saw "Authorization: Bearer ${TOKEN}"`;
    sandbox.injectFault({ kind: 'status', status: 500, body: { error: true, message: echo }, match: { method: 'GET', path: listPath() }, times: Infinity });
    await run('tallyfy.refreshGuests');
    assert.match(ext.services.list.status.failure ?? '', /\[redacted\]/, 'the echoed token is redacted in the failure');
    produced.push(['tree message', ext.api.treeView.message ?? '']);
    sandbox.clearFaults();
    await run('tallyfy.refreshGuests');

    ui.answerInput('ana');
    await run('tallyfy.filterGuests');
    await run('tallyfy.clearGuestFilter');
    ui.answerPick('Email');
    await run('tallyfy.sortGuests');
    await run('tallyfy.toggleGroupByCompany');
    await run('tallyfy.toggleGroupByCompany');
    await run('tallyfy.copyGuestEmail', ANA);
    await run('tallyfy.showGuestDetails', ANA);
    const [first, second, third] = ext.services.store.all().filter((g) => /\.\d+@/.test(g.email) && g.status === 'active').map((g) => g.email);
    sandbox.injectFault({ kind: 'status', status: 403, body: { error: true, message: echo }, match: { method: 'GET', path: `${listPath()}/${third}` } });
    await run('tallyfy.showGuestDetails', third);
    await run('tallyfy.showLog');
    await run('tallyfy.openWalkthrough');

    // The form: a save, a 422 whose field messages echo the token, a 500 echoing it.
    await run('tallyfy.editGuest', ANA);
    const form = recordForm(ext.api.editing.forms.get(ANA), 'edit form');
    await form.receive({ type: 'ready' });
    const values = { first_name: 'Ana', last_name: 'Ops', company_name: 'Token Safe Co' };
    await form.receive({ type: 'save', values });
    sandbox.injectFault({ kind: 'status', status: 422, body: { error: true, message: echo, errors: { company_name: [echo] } }, match: { method: 'PUT' } });
    await form.receive({ type: 'save', values: { ...values, company_name: 'Rejected Co' } });
    sandbox.injectFault({ kind: 'status', status: 500, body: { error: true, message: echo }, match: { method: 'PUT' }, times: Infinity });
    await form.receive({ type: 'save', values: { ...values, company_name: 'Failing Co' } });
    sandbox.clearFaults();
    recordForm(form, 'edit form after failures');
    const curl = await run<string>('tallyfy.copyRequestAsCurl');
    produced.push(['curl command', curl ?? ''], ['clipboard', await vscode.env.clipboard.readText()]);
    assert.match(curl ?? '', /Bearer \$TALLYFY_TOKEN/);

    ui.answerPick('Phone 1').answerInput('+1 555 0100');
    await run('tallyfy.quickUpdateGuest', ANA);
    ui.answerPick('Phone 2').answerInput('+1 555 0101');
    await run('tallyfy.quickUpdateLastGuest');
    await run('tallyfy.undoLastGuestUpdate');

    await run('tallyfy.createGuest');
    const create = recordForm(ext.api.editing.forms.getCreateForm(), 'create form');
    await create.receive({ type: 'ready' });
    sandbox.injectFault({ kind: 'rateLimit', retryAfter: 1, match: { method: 'POST' } });
    await create.receive({ type: 'save', values: { email: 'token.check@client.test', first_name: 'Token', last_name: 'Check' } });
    recordForm(ext.api.editing.forms.get('token.check@client.test'), 'created form');
    ui.answerMessage('Delete', /^Delete the guest /);
    await run('tallyfy.deleteGuest', 'token.check@client.test');

    // Bulk: one guest fails (its answers echo the token), retry, report, undo, cancel.
    sandbox.injectFault({ kind: 'status', status: 500, body: { error: true, message: echo }, match: { method: 'PUT', path: `${listPath()}/${second}` }, times: 5 });
    ui.answerPickMany((items) => items.filter((i) => i.label === 'Company')).answerInput('Bulk Token Co').answerMessage('Update 2 Guests');
    await run('tallyfy.bulkUpdateGuests', undefined, [first, second]);
    await run('tallyfy.retryFailedBulkUpdate');
    await run('tallyfy.showBulkUpdateReport');
    ui.answerMessage('Undo', /^Undo the last /);
    await run('tallyfy.undoLastBulkUpdate');
    await run('tallyfy.cancelBulkUpdate');

    // Groups, lifecycle, CSV, organization.
    const group = sandbox.groups()[0];
    ui.answerPick((items) => items.find((i) => i.label === group.name)).answerMessage('Add', /^Add /);
    await run('tallyfy.addGuestToGroup', first);
    ui.answerPick((items) => items.find((i) => i.label === group.name)).answerMessage('Remove', /^Remove /);
    await run('tallyfy.removeGuestFromGroup', first);
    ui.answerMessage('Disable', /^Disable /);
    await run('tallyfy.disableGuest', first);
    ui.answerMessage('Enable', /^Enable /);
    await run('tallyfy.enableGuest', first);
    ui.answerMessage('Convert to Member', /^Convert /);
    await run('tallyfy.convertGuestToMember', second);
    const csv = vscode.Uri.file(path.join(dir, 'guests.csv'));
    await run('tallyfy.exportGuestsCsv', csv);
    produced.push(['CSV export', fs.readFileSync(csv.fsPath, 'utf8')]);
    ui.answerMessage(undefined, /^Import /);
    await run('tallyfy.importGuestsCsv', csv);
    ui.answerPick((items) => items.find((i) => i.description?.startsWith(sandbox.orgId)));
    await run('tallyfy.selectOrganization');
    await waitForState(ext.services, 'ready');

    // A 401 whose body echoes the token: signed out, then in again.
    sandbox.injectFault({ kind: 'status', status: 401, body: { error: true, message: echo }, times: 1 });
    await run('tallyfy.refreshGuests');
    await waitForState(ext.services, 'signedOut');
    await signIn(ext.services, ui, TOKEN);
    await waitForState(ext.services, 'ready');

    const contributed = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    assert.deepEqual(contributed.filter((id) => !executed.has(id) && id !== 'tallyfy.signOut'), [], 'every command ran (Sign Out runs in the next test)');
    assert.ok(attempts.some((r) => r.status === 500) && attempts.some((r) => r.status === 422) && attempts.some((r) => r.status === 401), 'the failures happened');
    assert.deepEqual(await findLeaks(), [], 'the token was found in these places');
  });

  it('sign-out deletes the secret and forgets every guest kept (memory, globalState, drafts, undo, bulk run)', async () => {
    await run('tallyfy.editGuest', ANA);
    await ext.api.editing.forms.get(ANA)?.receive({ type: 'draft', values: { first_name: 'Unsaved draft' } });
    await run('tallyfy.signOut');
    await waitForState(ext.services, 'signedOut');
    assert.equal(await ext.services.context.secrets.get('tallyfy.token'), undefined, 'the secret is deleted');
    assert.equal(ext.services.store.size, 0);
    assert.equal(ext.services.lastGuest, undefined);
    assert.equal(ext.api.editing.lastUpdate, undefined, 'no undo record');
    assert.equal(ext.api.editing.statusBar?.view.visible, false);
    assert.deepEqual((await ext.api.guestTree.getChildren()) ?? [], []);
    await waitFor(() => stateText(ext.services.context.workspaceState).indexOf('Unsaved draft') < 0, 5000, 'the draft to be dropped');
    const emails = sandbox.guests().map((g) => g.email.toLowerCase());
    for (const [name, memento] of [['globalState', ext.services.context.globalState], ['workspaceState', ext.services.context.workspaceState]] as const) {
      const text = stateText(memento).toLowerCase();
      assert.deepEqual(emails.filter((e) => text.includes(e)), [], `${name} still holds guests`);
    }
    ui.shown.length = 0;
    await run('tallyfy.undoLastBulkUpdate');
    assert.ok(ui.lastMessage(/no bulk update to undo/i), `the last bulk run is forgotten: ${ui.messages().join(' | ')}`);
  });

  it('a non-loopback http:// base URL is refused before any request is made', async () => {
    await signIn(ext.services, ui, TOKEN);
    await waitForState(ext.services, 'ready');
    for (const url of ['http://tallyfy.example.test/api', 'http://localhost.evil.test/api', 'http://127.0.0.1.nip.io/api', 'http://user:pass@127.0.0.1:1/api']) {
      attempts.length = 0;
      ui.shown.length = 0;
      ui.answerMessage(SEND, CONFIRM_URL);
      await setSetting('apiBaseUrl', url);
      const refused = await waitFor(() => ui.lastMessage(/must (use https|not contain a user name)/), 10_000, `the refusal of ${url}`);
      assert.equal(refused.severity, 'error');
      await run('tallyfy.refreshGuests');
      ui.answerPick('Company').answerInput('Never Sent');
      await run('tallyfy.quickUpdateGuest', ANA);
      assert.deepEqual(attempts.map((r) => r.url), [], `no request was made to ${url}`);
    }
    ui.answerMessage(SEND, CONFIRM_URL);
    await setSetting('apiBaseUrl', sandbox.baseUrl);
    await waitForState(ext.services, 'ready');
  });

  it('a changed base URL is confirmed before the token goes there; until then no command sends anything', async () => {
    const other = await startSandbox({ token: TOKEN, orgId: sandbox.orgId, guests: 3, seed: 5 });
    try {
      await waitForState(ext.services, 'ready');
      sandbox.clearRequests();
      ui.answerMessage(undefined, CONFIRM_URL);
      await setSetting('apiBaseUrl', other.baseUrl);
      const asked = await waitFor(() => ui.lastMessage(CONFIRM_URL), 10_000, 'the confirmation');
      assert.equal(asked.modal, true);
      assert.ok(asked.text.includes(other.baseUrl) && !asked.text.includes(TOKEN));
      await waitForState(ext.services, 'unreachable');
      ui.answerMessage(undefined, CONFIRM_URL);
      await run('tallyfy.refreshGuests');
      ui.answerPick('Company').answerInput('Paused Co');
      await run('tallyfy.quickUpdateGuest', ANA);
      ui.answerMessage('Delete', /^Delete the guest /);
      await run('tallyfy.deleteGuest', ANA);
      await run('tallyfy.createGuest');
      await run('tallyfy.copyRequestAsCurl');
      assert.equal(other.requests.length, 0, 'nothing reached the new host');
      assert.equal(sandbox.requests.length, 0, 'nor the old one');
      assert.ok(ui.messages().some((m) => /paused/.test(m)), ui.messages().join(' | '));
      ui.answerMessage(SEND, CONFIRM_URL);
      await run('tallyfy.refreshGuests');
      await waitForState(ext.services, 'ready');
      assert.equal(other.requests[0]?.headers.authorization, `Bearer ${TOKEN}`, 'sent once confirmed');
    } finally {
      ui.answerMessage(SEND, CONFIRM_URL);
      await setSetting('apiBaseUrl', sandbox.baseUrl);
      await waitForState(ext.services, 'ready');
      await other.close();
    }
  });

  /** Every place the scenario's text can end up, and which of them hold a secret. */
  async function findLeaks(): Promise<string[]> {
    const { context } = ext.services;
    const places: Array<[string, string]> = [...produced];
    places.push(['client log (all levels)', clientLog.join('\n')]);
    const marker = `token-check-${Date.now()}`;
    ext.services.log.info(marker);
    places.push(['log files', await waitFor(() => (logFilesText(context.logUri.fsPath).includes(marker) ? logFilesText(context.logUri.fsPath) : ''), 10_000, 'the log flushed')]);
    for (const p of ui.shown) places.push([`${p.kind} "${p.text.slice(0, 40)}"`, JSON.stringify({ ...p, answer: undefined })]);
    for (const form of ext.api.editing.forms.all()) places.push([`open form ${form.key}`, JSON.stringify([form.posted, form.snapshot()])]);
    for (const doc of vscode.workspace.textDocuments) places.push([`document ${doc.uri.toString()}`, doc.getText()]);
    places.push(['globalState', stateText(context.globalState)], ['workspaceState', stateText(context.workspaceState)]);
    places.push(['progress messages', ext.api.editing.progressMessages.join('\n')]);
    const config = vscode.workspace.getConfiguration('tallyfy');
    for (const key of Object.keys(vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.contributes.configuration.properties ?? {})) {
      places.push([`setting ${key}`, JSON.stringify(config.inspect(key.replace(/^tallyfy\./, '')) ?? null)]);
    }
    const settingsJson = path.resolve(context.globalStorageUri.fsPath, '..', '..', 'settings.json');
    assert.ok(fs.existsSync(settingsJson), `the user settings file is at ${settingsJson}`);
    places.push(['settings.json', fs.readFileSync(settingsJson, 'utf8')]);
    const items = await Promise.all(((await ext.api.guestTree.getChildren()) ?? []).map((n) => ext.api.guestTree.getTreeItem(n)));
    places.push(['tree', JSON.stringify(items.map((i) => [i.label, i.description, i.tooltip, i.id]))]);
    places.push(['status bar', JSON.stringify(ext.api.editing.statusBar?.view ?? null)]);
    assert.ok(places.length > 20, 'the search covers the places');
    return places.filter(([, text]) => SECRETS.some((secret) => text.includes(secret))).map(([name]) => name);
  }
});

function stateText(memento: vscode.Memento): string {
  return JSON.stringify(memento.keys().map((key) => [key, memento.get(key)]));
}

function logFilesText(dir: string): string {
  const files = (at: string): string[] =>
    fs.existsSync(at) ? fs.readdirSync(at, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(at, e.name)) : e.name.endsWith('.log') ? [path.join(at, e.name)] : [])) : [];
  return files(dir).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
}
