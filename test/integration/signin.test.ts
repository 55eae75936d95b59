// Sign-in, sign-out and the session states, in the real VS Code against the sandbox.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { SecretStorageLike } from '../../src/auth/tokenStore';
import type { SessionState } from '../../src/services';
import { startSandbox, type Sandbox } from '../sandbox';
import { pointSettingsAt, waitFor } from './helpers';
import { useScriptedUi, type ScriptedUi } from './scriptedUi';
import { extension, rootNodes, setSetting, signIn, signOut, waitForState, type Extension } from './tallyfyExtension';

const TOKEN_KEY = 'tallyfy.token';

describe('Sign-in and session states', function () {
  this.timeout(40000);
  let ext: Extension;
  let ui: ScriptedUi;
  let restoreUi: () => void;
  let sandbox: Sandbox;
  let restoreSettings: () => Promise<void>;
  const states: SessionState[] = [];

  before(async () => {
    ext = await extension();
    ({ ui, restore: restoreUi } = useScriptedUi(ext.services));
    await signOut(ext.services);
    sandbox = await startSandbox({ guests: 20 });
    restoreSettings = await pointSettingsAt(sandbox);
    ext.services.session.onDidChangeState((s) => states.push(s));
  });

  after(async () => {
    await signOut(ext.services);
    restoreUi();
    await restoreSettings();
    await sandbox.close();
  });

  beforeEach(() => {
    sandbox.reset();
    ui.shown.length = 0;
    states.length = 0;
  });

  const secret = () => ext.services.context.secrets.get(TOKEN_KEY);
  const session = () => ext.services.session;

  it('signed out: state signedOut, context keys say so, the tree is empty so the sign-in welcome shows', async () => {
    assert.equal(session().state, 'signedOut');
    assert.equal(session().contextValue('tallyfy.state'), 'signedOut');
    assert.equal(session().contextValue('tallyfy.signedIn'), false);
    assert.deepEqual(await rootNodes(ext.api), []);
    assert.equal(await secret(), undefined);
  });

  it('a wrong token is not stored, and the message says what to do', async () => {
    await signIn(ext.services, ui, 'not-the-right-token');
    assert.equal(await secret(), undefined);
    assert.equal(session().state, 'signedOut');
    const message = ui.lastMessage(/did not accept this token/);
    assert.ok(message, `messages: ${ui.messages().join(' | ')}`);
    assert.equal(message.severity, 'error');
    assert.match(message.text, /not saved/);
    assert.match(message.text, /Settings > Integrations > REST API/);
    const me = sandbox.requests.find((r) => r.path === '/api/me');
    assert.equal(me?.status, 401);
    assert.equal(me?.headers.authorization, 'Bearer not-the-right-token');
    const input = ui.shown.find((p) => p.kind === 'input');
    assert.equal(input?.input?.password, true, 'the token box is a password box');
  });

  it('a good token is stored in SecretStorage only and the guests load', async () => {
    await signIn(ext.services, ui, sandbox.token);
    assert.equal(await secret(), sandbox.token);
    await waitForState(ext.services, 'ready');
    assert.equal(session().contextValue('tallyfy.state'), 'ready');
    assert.equal(session().contextValue('tallyfy.signedIn'), true);
    assert.equal(ext.services.store.size, sandbox.guests().length);
    const config = vscode.workspace.getConfiguration('tallyfy');
    for (const key of Object.keys(config)) assert.ok(!JSON.stringify(config.get(key) ?? null).includes(sandbox.token), `setting ${key}`);
    assert.ok(ui.messages('info').some((m) => /Signed in to Tallyfy as /.test(m)));
    assert.ok(states.includes('loading'));
  });

  it('sign-out deletes the secret and clears the guests in memory and in globalState', async () => {
    await waitForState(ext.services, 'ready');
    assert.ok(ext.services.context.globalState.get('tallyfy.guestCache'), 'a cache existed before sign-out');
    await signOut(ext.services);
    assert.equal(await secret(), undefined);
    assert.equal(ext.services.store.size, 0);
    assert.equal(ext.services.context.globalState.get('tallyfy.guestCache'), undefined);
    assert.equal(session().contextValue('tallyfy.signedIn'), false);
    assert.deepEqual(await rootNodes(ext.api), []);
  });

  it('without an organization id: noOrganization, then a pick from /me/organizations saves it', async () => {
    await setSetting('organizationId', '');
    ui.answerPick((items) => items.find((i) => i.description?.startsWith(sandbox.orgId)), /Choose Organization/);
    await signIn(ext.services, ui, sandbox.token);
    assert.ok(states.includes('noOrganization'), `states: ${states.join(' → ')}`);
    const pick = ui.shown.find((p) => p.kind === 'pick');
    assert.deepEqual(pick?.choices.slice(0, 2), ['Sandbox Organization', 'Another Organization']);
    assert.equal(vscode.workspace.getConfiguration('tallyfy').get('organizationId'), sandbox.orgId);
    assert.ok(sandbox.requests.some((r) => r.path === '/api/me/organizations' && r.status === 200));
    await waitForState(ext.services, 'ready');
    assert.equal(ext.services.store.size, sandbox.guests().length);
  });

  it('when /me/organizations is not allowed, the organization id is asked for in an input box', async () => {
    sandbox.injectFault({ kind: 'status', status: 403, body: { error: true, message: 'Forbidden' }, match: { path: '/me/organizations' } });
    await setSetting('organizationId', '');
    await waitForState(ext.services, 'noOrganization');
    ui.answerInput(sandbox.orgId, /Settings > Organization/);
    await vscode.commands.executeCommand('tallyfy.selectOrganization');
    assert.equal(vscode.workspace.getConfiguration('tallyfy').get('organizationId'), sandbox.orgId);
    assert.equal(ui.shown.filter((p) => p.kind === 'pick').length, 0);
    await waitForState(ext.services, 'ready');
  });

  it('an organization without guests: state empty (the create-guest welcome)', async () => {
    for (const g of sandbox.guests()) sandbox.removeGuest(g.email);
    await vscode.commands.executeCommand('tallyfy.refreshGuests');
    assert.equal(session().state, 'empty');
    assert.equal(session().contextValue('tallyfy.state'), 'empty');
    assert.deepEqual(await rootNodes(ext.api), []);
  });

  it('Tallyfy unreachable with nothing saved: state unreachable (retry welcome), no popup', async () => {
    await signIn(ext.services, ui, sandbox.token);
    await waitForState(ext.services, 'ready');
    // Nothing in memory or globalState, and the list request never gets an answer (after retries).
    await ext.services.cache.clear();
    ext.services.list.clear();
    sandbox.injectFault({ kind: 'reset', match: { path: /\/guests$/ }, times: Infinity });
    ui.shown.length = 0;
    await vscode.commands.executeCommand('tallyfy.refreshGuests');
    assert.equal(session().state, 'unreachable');
    assert.equal(session().contextValue('tallyfy.state'), 'unreachable');
    assert.deepEqual(await rootNodes(ext.api), []);
    assert.deepEqual(ui.messages('error'), [], 'a failed load shows the welcome (Retry, Show Log), not a popup');
    assert.ok(sandbox.requests.filter((r) => r.path.endsWith('/guests')).length > 1, 'the GET was retried');
  });

  it('a 401 mid-session says the token is no longer valid, offers Sign In, and shows the signed-out state', async () => {
    await signIn(ext.services, ui, sandbox.token);
    await waitForState(ext.services, 'ready');
    sandbox.injectFault({ kind: 'status', status: 401, body: { error: true, message: 'Unauthenticated.' }, times: Infinity });
    await vscode.commands.executeCommand('tallyfy.refreshGuests');
    await waitForState(ext.services, 'signedOut');
    const message = await waitFor(() => ui.lastMessage(/no longer valid/), 5000, 'the 401 message');
    assert.equal(message.severity, 'error');
    assert.deepEqual(message.choices, ['Sign In']);
    assert.equal(await secret(), undefined);
    assert.deepEqual(await rootNodes(ext.api), []);
    assert.equal(session().contextValue('tallyfy.signedIn'), false);
  });

  it('follows another window: a token stored or deleted elsewhere signs this window in or out', async () => {
    assert.equal(session().state, 'signedOut');
    await ext.services.context.secrets.store(TOKEN_KEY, sandbox.token);
    await waitForState(ext.services, 'ready');
    assert.equal(ext.services.store.size, sandbox.guests().length);
    await ext.services.context.secrets.delete(TOKEN_KEY);
    await waitForState(ext.services, 'signedOut');
    assert.equal(ext.services.store.size, 0);
  });

  it('a keyring failure is explained with the password-store fix, and nothing is stored', async () => {
    const tokens = ext.services.tokens as unknown as { secrets: SecretStorageLike };
    const real = tokens.secrets;
    const failing: SecretStorageLike = {
      get: () => Promise.reject(new Error('An OS keyring couldn\'t be identified for storing the encryption related data.')),
      store: () => Promise.reject(new Error('An OS keyring couldn\'t be identified for storing the encryption related data.')),
      delete: () => Promise.reject(new Error('An OS keyring couldn\'t be identified')),
      onDidChange: real.onDidChange,
    };
    tokens.secrets = failing;
    try {
      await signIn(ext.services, ui, sandbox.token);
    } finally {
      tokens.secrets = real;
    }
    const message = ui.lastMessage(/keyring/);
    assert.ok(message, `messages: ${ui.messages().join(' | ')}`);
    assert.match(message.text, /"password-store": "gnome-libsecret"/);
    assert.match(message.text, /"basic"/);
    assert.deepEqual(message.choices, ['Configure Runtime Arguments', 'Show Log']);
    assert.equal(await secret(), undefined);
    assert.equal(session().state, 'signedOut');
  });

  describe('a changed tallyfy.apiBaseUrl', () => {
    let other: Sandbox;
    before(async () => {
      other = await startSandbox({ guests: 3, token: sandbox.token, orgId: sandbox.orgId });
    });
    after(async () => {
      await signOut(ext.services);
      await setSetting('apiBaseUrl', sandbox.baseUrl);
      await other.close();
    });

    it('asks (modal) before the token goes to the new host; Cancel pauses requests until confirmed', async () => {
      await signIn(ext.services, ui, sandbox.token);
      await waitForState(ext.services, 'ready');
      ui.answerMessage(undefined, /API base URL changed/);
      await setSetting('apiBaseUrl', other.baseUrl);
      const prompt = await waitFor(() => ui.lastMessage(/API base URL changed/), 5000, 'the confirmation');
      assert.equal(prompt.modal, true);
      assert.ok(prompt.text.includes(other.baseUrl));
      await waitForState(ext.services, 'unreachable');
      assert.equal(ext.services.list.status.paused, true);
      assert.equal(other.requests.length, 0, 'no request reached the new host');
      assert.throws(() => ext.services.client(), /paused/);

      ui.answerMessage('Send Token to New URL', /API base URL changed/);
      await vscode.commands.executeCommand('tallyfy.refreshGuests');
      await waitForState(ext.services, 'ready');
      assert.ok(other.requests.length > 0);
      assert.equal(other.requests[0].headers.authorization, `Bearer ${sandbox.token}`);
      assert.equal(ext.services.store.size, other.guests().length);
    });

    it('changing it back after Cancel resumes without asking', async () => {
      await waitForState(ext.services, 'ready');
      ui.answerMessage(undefined, /API base URL changed/);
      await setSetting('apiBaseUrl', sandbox.baseUrl);
      await waitForState(ext.services, 'unreachable');
      const asked = ui.shown.filter((p) => /API base URL changed/.test(p.text)).length;
      sandbox.clearRequests();
      await setSetting('apiBaseUrl', other.baseUrl);
      await waitForState(ext.services, 'ready');
      assert.equal(ui.shown.filter((p) => /API base URL changed/.test(p.text)).length, asked, 'not asked again');
      assert.equal(sandbox.requests.length, 0);
    });
  });

  it('the log records each request (method, path with the email, status, time) and never the token', async () => {
    await signIn(ext.services, ui, sandbox.token);
    await waitForState(ext.services, 'ready');
    await vscode.commands.executeCommand('tallyfy.showGuestDetails', 'ana+ops@client.test');
    const dir = ext.services.context.logUri.fsPath;
    const text = await waitFor(() => {
      const all = logFiles(dir).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
      return /guests\/ana%2Bops%40client\.test\?with=stats → 200 \(\d+ ms\)/.test(all) ? all : undefined;
    }, 10000, `the request line in a log file under ${dir}`);
    assert.match(text, /GET \/me → 200 \(\d+ ms\)/);
    assert.match(text, /GET \/organizations\/org_sandbox\/guests\?per_page=\d+&page=1 → 200/);
    assert.ok(!text.includes(sandbox.token), 'the token is in the log');
    assert.ok(!text.includes('not-the-right-token'), 'a rejected token is in the log');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});

function logFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? logFiles(full) : e.name.endsWith('.log') ? [full] : [];
  });
}
