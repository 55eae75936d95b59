// The guests tree in the real VS Code against a sandbox of 250 guests served 100 per page.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { startSandbox, type Sandbox } from '../sandbox';
import { pointSettingsAt, waitFor } from './helpers';
import { useScriptedUi, type ScriptedUi } from './scriptedUi';
import { extension, label, rootItems, rootNodes, setSetting, signIn, signOut, waitForState, type Extension } from './tallyfyExtension';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

describe('Guests tree', function () {
  this.timeout(40000);
  let ext: Extension;
  let ui: ScriptedUi;
  let restoreUi: () => void;
  let sandbox: Sandbox;
  let restoreSettings: () => Promise<void>;

  before(async () => {
    ext = await extension();
    ({ ui, restore: restoreUi } = useScriptedUi(ext.services));
    await signOut(ext.services);
    sandbox = await startSandbox({ guests: 244, maxPerPage: 100 });
    restoreSettings = await pointSettingsAt(sandbox);
    await setSetting('pageSize', 100);
    await setSetting('sortBy', 'name');
    await setSetting('groupByCompany', false);
    await signIn(ext.services, ui, sandbox.token);
    await waitForState(ext.services, 'ready');
  });

  after(async () => {
    await signOut(ext.services);
    for (const key of ['pageSize', 'sortBy', 'groupByCompany']) await setSetting(key, undefined);
    restoreUi();
    await restoreSettings();
    await sandbox.close().catch(() => undefined); // the last test closes it
  });

  const guestItem = async (email: string) => {
    const node = (await rootNodes(ext.api)).find((n) => (n as { guest?: { email: string } }).guest?.email === email);
    assert.ok(node, `no tree node for ${email}`);
    return { node, item: await ext.api.guestTree.getTreeItem(node) };
  };

  it('lists all 250 guests, fetched as 3 pages of 100', async () => {
    assert.equal(sandbox.guests().length, 250);
    const items = await rootItems(ext.api);
    assert.equal(items.length, 250);
    const pages = sandbox.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/guests'));
    assert.deepEqual(pages.map((r) => [r.query.page, r.query.per_page]), [['1', '100'], ['2', '100'], ['3', '100']]);
    assert.equal(ext.api.treeView.description, '250 guests');
  });

  it('shows pages as they arrive, with a "Loading more guests…" row until the last one', async () => {
    sandbox.setLatency(400);
    sandbox.clearRequests();
    const seenCounts = new Set<number>();
    let sawLoadingRow = false;
    const watch = ext.api.guestTree.onDidChangeTreeData?.(() => {
      seenCounts.add(ext.services.store.size);
      const children = ext.api.guestTree.getChildren() as unknown[];
      if (children.some((n) => (n as { kind?: string }).kind === 'loading')) sawLoadingRow = true;
    });
    try {
      // Nothing shown and nothing saved, so the list builds up from the first page.
      await ext.services.cache.clear();
      ext.services.list.clear();
      await vscode.commands.executeCommand('tallyfy.refreshGuests');
    } finally {
      watch?.dispose();
      sandbox.setLatency(0);
    }
    assert.ok(sawLoadingRow, 'a Loading row was shown while pages came in');
    for (const n of [100, 200, 250]) assert.ok(seenCounts.has(n), `the tree had ${n} guests at some point (saw ${[...seenCounts].join(', ')})`);
    const items = await rootItems(ext.api);
    assert.equal(items.length, 250);
    assert.ok(!items.some((i) => label(i) === 'Loading more guests…'));
  });

  it('labels are the full name (or the email), descriptions the company, icons and contextValue the status', async () => {
    const { item: ana } = await guestItem('ana+ops@client.test');
    assert.equal(label(ana), 'Ana Ops');
    assert.equal(ana.description, 'Client Ops Ltd');
    assert.equal(ana.id, 'guest:ana+ops@client.test');
    const { item: noName } = await guestItem('no.name@client.test');
    assert.equal(label(noName), 'no.name@client.test');
    assert.ok(!noName.description);
    const { item: html } = await guestItem('html.name@client.test');
    assert.equal(label(html), '<img src=x onerror=alert(1)>', 'shown as text, exactly');
    for (const g of sandbox.guests()) {
      const { item } = await guestItem(g.email);
      const disabled = g.status === 'disabled';
      assert.equal(item.contextValue, disabled ? 'guest.disabled' : 'guest', g.email);
      assert.equal((item.iconPath as vscode.ThemeIcon).id, disabled ? 'circle-slash' : 'person', g.email);
    }
    assert.ok(sandbox.guests().some((g) => g.status === 'disabled'), 'the seed has disabled guests');
  });

  it('sorts by name by default: names in collation order, guests without a name last', async () => {
    const labels = (await rootItems(ext.api)).map(label);
    const named = labels.slice(0, -1);
    for (let i = 1; i < named.length; i++) assert.ok(collator.compare(named[i - 1], named[i]) <= 0, `${named[i - 1]} before ${named[i]}`);
    assert.equal(labels.at(-1), 'no.name@client.test');
  });

  it('ids stay the same across a refresh, the nodes are reused, and the selection survives', async () => {
    await vscode.commands.executeCommand('tallyfy.guests.focus');
    const before = await rootNodes(ext.api);
    const ids = (await rootItems(ext.api)).map((i) => i.id);
    const { node } = await guestItem('zoe.muller@client.test');
    await waitFor(async () => {
      await ext.api.treeView.reveal(node, { select: true, focus: false });
      return true;
    }, 5000, 'reveal');
    await waitFor(() => ext.api.treeView.selection.includes(node), 5000, 'selection');
    await vscode.commands.executeCommand('tallyfy.refreshGuests');
    const after = await rootNodes(ext.api);
    assert.deepEqual((await rootItems(ext.api)).map((i) => i.id), ids);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
    assert.ok(after.every((n, i) => n === before[i]), 'same node objects after refresh');
    assert.ok(ext.api.treeView.selection.includes(node), 'still selected');
  });

  it('filter: Tallyfy is asked with q (emails) and the loaded list is matched on name and company', async () => {
    sandbox.addGuest({ email: 'server.only@client.test', first_name: 'Server', last_name: 'Only' });
    sandbox.clearRequests();
    ui.answerInput('Ops Ltd', /name, email or company/);
    await vscode.commands.executeCommand('tallyfy.filterGuests');
    assert.equal(sandbox.requests.find((r) => r.path.endsWith('/guests'))?.query.q, 'Ops Ltd');
    const companyMatches = (await rootItems(ext.api)).map(label).sort();
    assert.deepEqual(companyMatches, ['Ana Ops', 'Mixed Case'], 'local match on the company (no email contains it)');
    assert.equal(ext.services.session.contextValue('tallyfy.filterActive'), true);
    assert.match(ext.api.treeView.message ?? '', /Filter: "Ops Ltd"/);
    assert.equal(ext.api.treeView.description, '2 matching');

    ui.answerInput('server.only', /name, email or company/);
    await vscode.commands.executeCommand('tallyfy.filterGuests');
    const serverMatches = (await rootItems(ext.api)).map(label);
    assert.deepEqual(serverMatches, ['Server Only'], 'found by Tallyfy though not in the loaded list');

    ui.answerInput('zzzz-nothing', /name, email or company/);
    await vscode.commands.executeCommand('tallyfy.filterGuests');
    assert.deepEqual(await rootNodes(ext.api), []);
    assert.match(ext.api.treeView.message ?? '', /No guests match the filter "zzzz-nothing"/);
    assert.equal(ext.services.session.state, 'ready', 'no "organization has no guests" welcome for an empty filter');
  });

  it('clearing the filter shows every guest again and hides the clear action', async () => {
    await vscode.commands.executeCommand('tallyfy.clearGuestFilter');
    assert.equal(ext.services.session.contextValue('tallyfy.filterActive'), false);
    assert.equal(ext.api.treeView.message, undefined);
    assert.equal((await rootNodes(ext.api)).length, 251);
    sandbox.removeGuest('server.only@client.test');
    await vscode.commands.executeCommand('tallyfy.refreshGuests');
    assert.equal((await rootNodes(ext.api)).length, 250);
  });

  it('sort by email, then by date added (newest first)', async () => {
    ui.answerPick('Email', /Sort Guests/);
    await vscode.commands.executeCommand('tallyfy.sortGuests');
    assert.equal(vscode.workspace.getConfiguration('tallyfy').get('sortBy'), 'email');
    const emails = await waitFor(async () => {
      const list = (await rootNodes(ext.api)).map((n) => (n as { guest: { email: string } }).guest.email);
      return list[0] !== undefined && [...list].sort(collator.compare).every((e, i) => e === list[i]) ? list : undefined;
    }, 5000, 'email order');
    assert.equal(emails.length, 250);

    ui.answerPick(/Date added/, /Sort Guests/);
    await vscode.commands.executeCommand('tallyfy.sortGuests');
    await waitFor(async () => {
      const created = (await rootNodes(ext.api)).map((n) => parseTime((n as { guest: { created_at: string } }).guest.created_at));
      return created.every((t) => !Number.isNaN(t)) && created.every((t, i) => i === 0 || created[i - 1] >= t);
    }, 5000, 'newest first');
    await setSetting('sortBy', 'name');
  });

  it('group by company: company rows (No company last), each guest under its company', async () => {
    await vscode.commands.executeCommand('tallyfy.toggleGroupByCompany');
    assert.equal(vscode.workspace.getConfiguration('tallyfy').get('groupByCompany'), true);
    const groups = await waitFor(async () => {
      const items = await rootItems(ext.api);
      return items.every((i) => i.contextValue === 'company') ? items : undefined;
    }, 5000, 'company rows');
    assert.equal(label(groups.at(-1) as vscode.TreeItem), 'No company');
    const nodes = await rootNodes(ext.api);
    let total = 0;
    for (const [index, group] of nodes.entries()) {
      const children = (await ext.api.guestTree.getChildren(group)) ?? [];
      total += children.length;
      assert.equal(groups[index].description, String(children.length));
      for (const child of children) {
        const company = (child as { guest: { company_name: string | null } }).guest.company_name?.trim() || 'No company';
        assert.equal(company.toLowerCase().replace(/\s+/g, ' '), label(groups[index]).toLowerCase());
        assert.equal(await ext.api.guestTree.getParent?.(child), group);
      }
    }
    assert.equal(total, 250);
    await vscode.commands.executeCommand('tallyfy.toggleGroupByCompany');
    await waitFor(async () => (await rootNodes(ext.api)).length === 250, 5000, 'flat list again');
  });

  it('a change to one guest refreshes only its row unless it moves', async () => {
    const fired: unknown[] = [];
    const watch = ext.api.guestTree.onDidChangeTreeData?.((e) => fired.push(e));
    try {
      const ana = ext.services.store.get('ana+ops@client.test');
      assert.ok(ana);
      const { node } = await guestItem('ana+ops@client.test');
      ext.services.store.upsert({ ...ana, phone_1: '+1 555 0100' });
      assert.deepEqual(fired, [node], 'only the changed node');
      fired.length = 0;
      ext.services.store.upsert({ ...ana, first_name: 'Zzana' });
      assert.deepEqual(fired, [undefined], 'a rename can move the row: full refresh');
    } finally {
      watch?.dispose();
    }
    await vscode.commands.executeCommand('tallyfy.refreshGuests');
  });

  it('the tooltip is resolved on hover with the stats, every value escaped', async () => {
    const { node, item } = await guestItem('html.name@client.test');
    assert.equal(item.tooltip, undefined, 'left for resolveTreeItem');
    sandbox.clearRequests();
    const resolved = await ext.api.guestTree.resolveTreeItem?.(item, node, new vscode.CancellationTokenSource().token);
    const tooltip = resolved?.tooltip as vscode.MarkdownString;
    assert.ok(tooltip instanceof vscode.MarkdownString);
    assert.ok(!tooltip.value.includes('<img'), tooltip.value);
    assert.ok(!tooltip.value.includes('<b>'), tooltip.value);
    assert.ok(tooltip.value.startsWith('**&lt;img src\\=x onerror\\=alert\\(1\\)&gt;**'), 'the name, escaped, in bold');
    assert.match(tooltip.value, /Assigned tasks/);
    assert.ok(!tooltip.isTrusted && !tooltip.supportHtml);
    // The workbench may send its own requests meanwhile (hover, refresh): look for ours by path.
    const statsPath = `/api/organizations/${sandbox.orgId}/guests/html.name%40client.test?with=stats`;
    assert.ok(sandbox.requests.some((r) => r.rawPath === statsPath), sandbox.requests.map((r) => r.rawPath).join('\n'));
  });

  it('copies the clicked guest\'s email, or every selected guest\'s', async () => {
    const { node: ana } = await guestItem('ana+ops@client.test');
    const { node: zoe } = await guestItem('zoe.muller@client.test');
    await vscode.commands.executeCommand('tallyfy.copyGuestEmail', ana);
    assert.equal(await vscode.env.clipboard.readText(), 'ana+ops@client.test');
    await vscode.commands.executeCommand('tallyfy.copyGuestEmail', ana, [ana, zoe]);
    assert.equal(await vscode.env.clipboard.readText(), 'ana+ops@client.test, zoe.muller@client.test');
  });

  it('shows a guest\'s details, stats included, in a read-only document without the token', async () => {
    const { node } = await guestItem('ana+ops@client.test');
    const editor = (await vscode.commands.executeCommand('tallyfy.showGuestDetails', node)) as vscode.TextEditor;
    assert.ok(editor, 'an editor was opened');
    const doc = editor.document;
    assert.equal(doc.uri.scheme, 'tallyfy-guest');
    assert.equal(doc.languageId, 'json');
    const details = JSON.parse(doc.getText());
    assert.equal(details.email, 'ana+ops@client.test');
    assert.equal(details.name, 'Ana Ops');
    assert.equal(typeof details.stats?.assigned_tasks, 'number');
    assert.ok(!doc.getText().includes(sandbox.token));
    assert.equal(ext.services.lastGuest?.email, 'ana+ops@client.test');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('palette commands ask which guest, with name, email and company', async () => {
    ui.answerPick('Ana Ops', /Copy the email of/);
    await vscode.commands.executeCommand('tallyfy.copyGuestEmail');
    const pick = ui.shown.filter((p) => p.kind === 'pick').at(-1);
    assert.equal(pick?.choices.length, 250);
    assert.equal(await vscode.env.clipboard.readText(), 'ana+ops@client.test');
  });

  it('when Tallyfy is down at start, the saved list is shown, marked stale', async () => {
    // A restart: nothing in memory, the list saved in globalState, the API not answering.
    ext.services.list.clear();
    assert.equal((await rootNodes(ext.api)).length, 0);
    await sandbox.close();
    await ext.services.start();
    assert.equal(ext.services.session.state, 'unreachable');
    const items = await rootItems(ext.api);
    assert.equal(items.length, 250, 'the saved guests');
    assert.match(ext.api.treeView.message ?? '', /^Stale: showing guests saved .+\. /);
  });
});

/** Tallyfy sends ISO 8601 or "Y-m-d H:i:s" (UTC). */
function parseTime(value: string): number {
  return Date.parse(/T/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}
