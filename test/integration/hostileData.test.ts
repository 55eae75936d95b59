// Hostile data from the API, through the real extension: guest fields holding HTML/JS, attribute-
// breaking quotes, Markdown and command links, $(icon) syntax, bidi controls, 10,000 characters,
// numbers and nulls where text belongs; emails that try to leave their path segment; and webview
// messages of the wrong shape. What each surface shows is checked as data here; that nothing runs
// when it is rendered is checked in Chromium by test/e2e/hostile.e2e.ts.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Guest } from '../../src/api/types';
import type { StepAnswer, StepPickOptions } from '../../src/views/quickUpdate/steps';
import { startSandbox, type Sandbox, type SandboxGuest } from '../sandbox';
import { lastPosted } from './editingSetup';
import { pointSettingsAt, waitFor } from './helpers';
import { ScriptedUi } from './scriptedUi';
import { extension, signIn, signOut, waitForState, type Extension } from './tallyfyExtension';

const LONG = 'L'.repeat(10_000);
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;

/** Planted as Tallyfy would send them; numbers, nulls and a list stand where text belongs. */
const HOSTILE: Array<Partial<SandboxGuest> & { email: string }> = [
  { email: 'script@hostile.test', first_name: '<script>alert("tree")</script>', last_name: '" onmouseover="alert(1)', company_name: "'><img src=x onerror=alert(2)>" },
  { email: 'links@hostile.test', first_name: '[Fix it](command:workbench.action.terminal.new)', last_name: '![x](https://evil.test/x.png)', company_name: 'javascript:alert(3)' },
  { email: 'bidi@hostile.test', first_name: '\u202Eexe.txt', last_name: 'Trojan\u2066Source\u2069', company_name: 'Line\nBreak\tTab\u0000' },
  { email: 'long@hostile.test', first_name: LONG, company_name: LONG },
  { email: 'numbers@hostile.test', first_name: 12345 as unknown as string, last_name: null, company_name: 678 as unknown as string, phone_1: 5551234 as unknown as string, timezone: ['Europe/Paris'] as unknown as string },
  { email: 'icons@hostile.test', first_name: '$(alert) Icon', last_name: '$(bug)', company_name: '$(github) Co' },
];

/** Emails that must each stay one path segment. */
const AWKWARD_EMAILS = ['plus+tag@client.test', 'per%cent@client.test', 'sl/ash@client.test', 'ques?tion=1&x@client.test', 'ha#sh@client.test', 'dot..dot@client.test', '../../etc@client.test', 'zoë@exämple.test'];

interface PickRecord {
  title: string;
  items: vscode.QuickPickItem[];
}

/** Records every quick pick's items in full (label, description, detail), then answers like ScriptedUi. */
class ItemRecordingUi extends ScriptedUi {
  readonly picks: PickRecord[] = [];

  override async showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>, options: vscode.QuickPickOptions & { canPickMany?: false }): Promise<T | undefined> {
    const list = await items;
    this.picks.push({ title: options.title ?? options.placeHolder ?? '', items: [...list] });
    return super.showQuickPick(list, options);
  }

  override async showStepQuickPick<T extends vscode.QuickPickItem>(options: StepPickOptions<T>): Promise<StepAnswer<T>> {
    this.picks.push({ title: options.placeholder ?? options.title, items: [...options.items] });
    return super.showStepQuickPick(options);
  }
}

/**
 * Text a label-like surface shows: one line, no bidi controls, bounded; where the surface renders
 * `$(name)` as an icon (`rendersIcons`), every `$(` from the data is escaped.
 */
function assertPlainLine(text: string | undefined, max: number, what: string, rendersIcons = true): void {
  const value = text ?? '';
  assert.ok(!BIDI.test(value), `${what}: no bidi controls in ${JSON.stringify(value.slice(0, 80))}`);
  assert.ok(!CONTROL.test(value), `${what}: one line, no control characters`);
  assert.ok([...value].length <= max, `${what}: at most ${max} characters (${[...value].length})`);
  if (rendersIcons) assert.ok(!/(^|[^\\\u200b])\$\(/.test(value.replace(/^\$\(person\) /, '')), `${what}: $( is escaped in ${JSON.stringify(value)}`);
}

describe('Hostile data from the API', function () {
  this.timeout(40_000);
  let ext: Extension;
  let ui: ItemRecordingUi;
  let sandbox: Sandbox;
  let restoreUi: () => void;
  let restoreSettings: () => Promise<void>;
  const stored = (email: string): Guest => {
    const guest = ext.services.store.get(email);
    assert.ok(guest, `${email} is in the tree`);
    return guest;
  };

  before(async () => {
    ext = await extension();
    const previous = ext.services.ui;
    restoreUi = () => (ext.services.ui = previous);
    ui = new ItemRecordingUi();
    ext.services.ui = ui;
    await signOut(ext.services);
    sandbox = await startSandbox({ guests: 5, seed: 11 });
    for (const guest of HOSTILE) sandbox.addGuest(guest);
    for (const email of AWKWARD_EMAILS) sandbox.addGuest({ email, first_name: 'Awkward', last_name: email });
    sandbox.addGuest({ email: '..', first_name: 'Dot', last_name: 'Dot' });
    restoreSettings = await pointSettingsAt(sandbox);
    await signIn(ext.services, ui, sandbox.token);
    await waitForState(ext.services, 'ready');
  });

  beforeEach(() => {
    sandbox.clearRequests();
    ui.shown.length = 0;
    ui.picks.length = 0;
  });

  after(async () => {
    for (const form of ext.api.editing.forms.all()) form.closeWithoutDraft();
    await signOut(ext.services);
    restoreUi();
    await restoreSettings();
    await sandbox.close();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('numbers become text and nulls or lists stay empty, in the store the tree renders', () => {
    const numbers = stored('numbers@hostile.test');
    assert.equal(numbers.first_name, '12345');
    assert.equal(numbers.company_name, '678');
    assert.equal(numbers.phone_1, '5551234');
    assert.equal(numbers.last_name, null);
    assert.equal(numbers.timezone, null, 'a list where text belongs is dropped');
    assert.equal(stored('long@hostile.test').first_name, LONG, 'kept whole in memory; cut only where shown');
  });

  it('tree labels and descriptions: the text itself, one line, bounded, never markup', async () => {
    const nodes = (await ext.api.guestTree.getChildren()) ?? [];
    const items = new Map<string, vscode.TreeItem>();
    for (const node of nodes) {
      const guest = (node as { guest?: Guest }).guest;
      if (guest) items.set(guest.email, await ext.api.guestTree.getTreeItem(node));
    }
    const label = (email: string) => {
      const item = items.get(email);
      assert.ok(item, `${email} has a row`);
      return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    };
    assert.equal(label('script@hostile.test'), '<script>alert("tree")</script> " onmouseover="alert(1)');
    assert.equal(items.get('script@hostile.test')?.description, "'><img src=x onerror=alert(2)>");
    assert.equal(label('links@hostile.test'), '[Fix it](command:workbench.action.terminal.new) ![x](https://evil.test/x.png)');
    assert.equal(label('bidi@hostile.test'), 'exe.txt TrojanSource', 'bidi controls removed');
    assert.equal(items.get('bidi@hostile.test')?.description, 'Line Break Tab', 'line breaks, tabs and NUL flattened');
    assert.equal(label('numbers@hostile.test'), '12345');
    assert.equal(items.get('numbers@hostile.test')?.description, '678');
    // Whether a tree row renders $(icon) is checked in Chromium (hostile.e2e.ts).
    for (const [email, item] of items) {
      assertPlainLine(label(email), 100, `label of ${email}`, false);
      assertPlainLine(String(item.description ?? ''), 80, `description of ${email}`, false);
    }
  });

  it('tooltips: untrusted Markdown without HTML, every value escaped, bidi removed, long values cut', async () => {
    const nodes = (await ext.api.guestTree.getChildren()) ?? [];
    const token = new vscode.CancellationTokenSource().token;
    for (const email of HOSTILE.map((g) => g.email)) {
      const node = nodes.find((n) => (n as { guest?: Guest }).guest?.email === email);
      assert.ok(node, email);
      const item = await ext.api.guestTree.getTreeItem(node);
      const resolved = (await ext.api.guestTree.resolveTreeItem?.(item, node, token)) ?? item;
      const tip = resolved.tooltip as vscode.MarkdownString;
      assert.ok(tip instanceof vscode.MarkdownString, `${email} has a Markdown tooltip`);
      assert.ok(!tip.isTrusted, 'not trusted: command links do nothing');
      assert.ok(!tip.supportHtml, 'no HTML');
      const value = tip.value;
      assert.ok(!/[<>]/.test(value), `${email}: < and > are entities`);
      assert.ok(!/(^|[^\\])\[/.test(value) && !/(^|[^\\])\]\(/.test(value), `${email}: no live link syntax`);
      assert.ok(!/(^|[^\\])\$\(/.test(value), `${email}: no live icon syntax`);
      assert.ok(!BIDI.test(value), `${email}: no bidi controls`);
      for (const line of value.split('\n\n')) assert.ok([...line].length < 600, `${email}: each value is cut (${[...line].length})`);
    }
  });

  it('quick picks (guest picker, quick update steps): escaped, one line, bounded', async () => {
    await vscode.commands.executeCommand('tallyfy.editGuest'); // the palette's guest picker, dismissed
    await vscode.commands.executeCommand('tallyfy.quickUpdateGuest', 'icons@hostile.test'); // its field step, dismissed
    await vscode.commands.executeCommand('tallyfy.quickUpdateGuest', 'long@hostile.test');
    assert.equal(ui.picks.length, 3, ui.picks.map((p) => p.title).join(' | '));
    for (const pick of ui.picks) {
      assertPlainLine(pick.title, 200, 'the pick title (a placeholder: plain text)', false);
      for (const item of pick.items) {
        for (const [part, max] of [[item.label, 120], [item.description, 120], [item.detail, 120]] as const) assertPlainLine(part, max, `item ${item.label.slice(0, 30)}`);
      }
    }
    const picker = ui.picks[0].items;
    assert.ok(picker.some((i) => i.label === '<script>alert("tree")</script> " onmouseover="alert(1)'), 'HTML shows as typed');
    assert.ok(picker.some((i) => i.label === '12345' && i.detail === '678'), 'numbers as text');
    const fields = ui.picks[1].items;
    assert.ok(fields.some((i) => i.description === '\\$(github) Co' || i.description === '$\u200b(github) Co'), JSON.stringify(fields.map((i) => i.description)));
  });

  it('the status bar shows a hostile last guest as text', async () => {
    for (const guest of HOSTILE) {
      await vscode.commands.executeCommand('tallyfy.editGuest', guest.email);
      const view = ext.api.editing.statusBar?.view;
      assert.ok(view?.visible);
      assert.ok(view.text.startsWith('$(person) Tallyfy: '), view.text);
      assertPlainLine(view.text, 60, `status bar for ${guest.email}`);
      assertPlainLine(view.tooltip, 200, `status bar tooltip for ${guest.email}`, false);
    }
    assert.equal(ext.api.editing.statusBar?.view.text, '$(person) Tallyfy: \\$(alert) Icon \\$(bug)');
  });

  it('the form gets the values by message, never in its HTML, and shows them as typed', async () => {
    for (const guest of HOSTILE) {
      await vscode.commands.executeCommand('tallyfy.editGuest', guest.email);
      const form = ext.api.editing.forms.get(guest.email);
      assert.ok(form, guest.email);
      await form.receive({ type: 'ready' });
      const init = lastPosted(form, 'init');
      const store = stored(guest.email);
      assert.equal(init.base.first_name, store.first_name, 'the value as Tallyfy sent it (a number as text)');
      assert.equal(init.base.company_name, store.company_name);
      const html = form.panel.webview.html;
      for (const value of [store.first_name, store.last_name, store.company_name]) {
        if (value) assert.ok(!html.includes(value.slice(0, 20)), `${guest.email}: no API value in the page HTML`);
      }
      assert.match(html, /default-src 'none'/);
      assert.match(form.panel.title, /^[^\n\u202E]{0,60}$/u, 'the tab title is one bounded line');
    }
    assert.equal(lastPosted(ext.api.editing.forms.get('long@hostile.test')!, 'init').base.first_name, LONG, 'the 10,000 characters reach the form whole');
  });

  it('emails with + % / ? # .. and unicode stay one path segment through the commands', async () => {
    const orgGuests = `/api/organizations/${sandbox.orgId}/guests/`;
    for (const email of AWKWARD_EMAILS) {
      sandbox.clearRequests();
      await vscode.commands.executeCommand('tallyfy.showGuestDetails', email);
      ui.answerPick('Company').answerInput(`Co of ${email}`, /^Company of /);
      await vscode.commands.executeCommand('tallyfy.quickUpdateGuest', email);
      ui.answerMessage('Disable', /^Disable /);
      await vscode.commands.executeCommand('tallyfy.disableGuest', email);
      ui.answerMessage('Enable', /^Enable /);
      await vscode.commands.executeCommand('tallyfy.enableGuest', email);
      ui.answerMessage('Delete', /^Delete the guest /);
      await vscode.commands.executeCommand('tallyfy.deleteGuest', email);
      const addressed = sandbox.requests.filter((r) => r.rawPath.startsWith(orgGuests));
      const own = addressed.filter((r) => decodeURIComponent(r.rawPath.slice(orgGuests.length).split(/[/?]/)[0]) === email);
      // (The open details document may read the guest again after the update: GETs are not counted.)
      assert.deepEqual(own.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path.slice(orgGuests.length)}`), [
        `PUT ${email}`, `DELETE ${email}/disable`, `PUT ${email}/enable`, `DELETE ${email}`,
      ], `the sandbox found ${email} by its decoded segment each time`);
      assert.ok(own.some((r) => r.method === 'GET' && r.rawPath.endsWith('?with=stats')), 'the details were read');
      for (const r of addressed) {
        const segment = r.rawPath.slice(orgGuests.length).split(/[/?]/)[0];
        // (A details document of an earlier email may be read again meanwhile: it must be exact too.)
        assert.ok(AWKWARD_EMAILS.includes(decodeURIComponent(segment)), `${r.method} ${r.rawPath}: one segment that is one whole email`);
        if (own.includes(r)) assert.ok(r.status >= 200 && r.status < 300, `${r.method} ${r.rawPath} → ${r.status}`);
        assert.ok(!r.rawPath.includes('#') && (r.rawPath.split('?')[1] ?? 'with=stats') === 'with=stats', `no smuggled query or fragment: ${r.rawPath}`);
      }
      assert.equal(sandbox.guest(email), undefined, `${email} was deleted, and only it`);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
    assert.ok(sandbox.guest('dot..dot@client.test') === undefined && sandbox.guest('script@hostile.test'), 'the other guests are untouched');
  });

  it('a guest whose "email" is a dot segment is refused before any request (no path traversal)', async () => {
    const before = sandbox.guests().length;
    ui.answerMessage('Delete', /^Delete the guest /);
    await vscode.commands.executeCommand('tallyfy.deleteGuest', '..');
    assert.deepEqual(sandbox.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.rawPath}`), [], 'nothing was deleted or sent');
    assert.ok(ui.lastMessage(/cannot be used in a request/), ui.messages().join(' | '));
    assert.equal(sandbox.guests().length, before);
  });

  it('webview messages with extra fields, unknown keys or oversized text are ignored and logged', async () => {
    await vscode.commands.executeCommand('tallyfy.editGuest', 'script@hostile.test');
    const form = ext.api.editing.forms.get('script@hostile.test');
    assert.ok(form);
    const postedBefore = form.posted.length;
    const ignoredBefore = form.ignored.length;
    const bad: unknown[] = [
      { type: 'ready', extra: true },
      { type: 'draft', values: { first_name: 'X' }, origin: 'https://evil.test' },
      { type: 'save', values: { first_name: 'X' }, command: 'workbench.action.terminal.new' },
      { type: 'save', values: { first_name: 'X', email: 'other@client.test', extra_field: 'y' } },
      { type: 'save', values: JSON.parse('{"__proto__": {"polluted": "yes"}, "first_name": "X"}') },
      { type: 'save', values: { first_name: 'x'.repeat(10_001) } },
      { type: 'save', values: ['first_name', 'X'] },
      { type: 'Save', values: { first_name: 'X' } },
    ];
    for (const message of bad) await form.receive(message);
    assert.equal(form.ignored.length - ignoredBefore, bad.length, form.ignored.slice(ignoredBefore).join(' | '));
    assert.equal(form.posted.length, postedBefore, 'nothing was answered');
    assert.equal(sandbox.requests.filter((r) => r.method !== 'GET').length, 0, 'nothing reached Tallyfy');
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution');
    const reasons = form.ignored.slice(ignoredBefore).join(' | ');
    assert.match(reasons, /unexpected keys on "ready"/);
    assert.match(reasons, /unexpected keys on "draft"/);
    assert.match(reasons, /unknown field "__proto__"/);
    assert.match(reasons, /longer than 10000 characters/);
    await waitFor(() => logText(ext).includes('Guest form: ignored a message from the webview (unexpected keys on "ready")'), 10_000, 'the warning in the log');
  });
});

/** The extension's log channel as written to its log files (info level and up). */
function logText(ext: Extension): string {
  const files = (dir: string): string[] =>
    fs.existsSync(dir)
      ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.log') ? [path.join(dir, e.name)] : []))
      : [];
  return files(ext.services.context.logUri.fsPath).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
}
