// Disable, enable and convert to member, in the real VS Code against the sandbox.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { LifecycleOutcome } from '../../src/views/lifecycleFlow';
import { storeGuest, useBulkFixture, type BulkFixture } from './bulkFixture';
import { setSetting } from './tallyfyExtension';

async function treeItem(fx: BulkFixture, email: string): Promise<vscode.TreeItem | undefined> {
  const nodes = (await fx.ext.api.guestTree.getChildren()) ?? [];
  const node = nodes.find((n) => (n as { guest?: { email: string } }).guest?.email === email);
  return node ? fx.ext.api.guestTree.getTreeItem(node) : undefined;
}

describe('Guest lifecycle', function () {
  this.timeout(40_000);
  const fx = useBulkFixture();

  const activeWithoutOpenTasks = () =>
    fx.sandbox.guests().find((g) => g.status === 'active' && g.stats.assigned_tasks <= g.stats.tasks_completed)!;
  const activeWithOpenTasks = () =>
    fx.sandbox.guests().find((g) => g.status === 'active' && g.stats.assigned_tasks > g.stats.tasks_completed);

  it('disable asks first (modal), then the tree shows the guest as disabled; enable brings it back', async () => {
    const { email } = activeWithoutOpenTasks();
    fx.ui.answerMessage('Disable', /^Disable /);
    const outcome = await vscode.commands.executeCommand<LifecycleOutcome>('tallyfy.disableGuest', email);
    assert.deepEqual(outcome?.done, [email]);
    assert.equal(fx.ui.lastMessage(/^Disable /)?.modal, true);
    assert.equal(fx.sandbox.guest(email)?.status, 'disabled');
    assert.equal(storeGuest(fx, email).status, 'disabled');
    const disabled = await treeItem(fx, email);
    assert.equal(disabled?.contextValue, 'guest.disabled');
    assert.equal((disabled?.iconPath as vscode.ThemeIcon).id, 'circle-slash');

    fx.ui.answerMessage('Enable', /^Enable /);
    await vscode.commands.executeCommand('tallyfy.enableGuest', email);
    assert.equal(fx.sandbox.guest(email)?.status, 'active');
    assert.equal((await treeItem(fx, email))?.contextValue, 'guest');
  });

  it('Tallyfy\'s refusal (403 "Cannot disable guest with incomplete tasks") is shown as Tallyfy wrote it', async () => {
    const guest = activeWithOpenTasks();
    assert.ok(guest, 'the sandbox seeds guests with open tasks');
    fx.ui.answerMessage('Disable', /^Disable /);
    const outcome = await vscode.commands.executeCommand<LifecycleOutcome>('tallyfy.disableGuest', guest.email);
    assert.equal(outcome?.failed.length, 1);
    const error = fx.ui.lastMessage(/Cannot disable guest with incomplete tasks/);
    assert.ok(error, fx.ui.messages().join(' | '));
    assert.equal(error.severity, 'error');
    assert.match(error.text, /Tallyfy says: "Cannot disable guest with incomplete tasks"/);
    assert.equal(fx.sandbox.guest(guest.email)?.status, 'active');
  });

  it('declining the confirmation sends nothing', async () => {
    const { email } = activeWithoutOpenTasks();
    fx.ui.answerMessage(undefined, /^Disable /);
    await vscode.commands.executeCommand('tallyfy.disableGuest', email);
    assert.equal(fx.sandbox.requests.filter((r) => r.method !== 'GET').length, 0);
  });

  it('tallyfy.showDisabledGuests = false hides disabled guests from the tree', async () => {
    const disabled = fx.sandbox.guests().filter((g) => g.status === 'disabled').map((g) => g.email);
    assert.ok(disabled.length > 0, 'the sandbox seeds disabled guests');
    try {
      await setSetting('showDisabledGuests', false);
      const nodes = (await fx.ext.api.guestTree.getChildren()) ?? [];
      const shown = nodes.map((n) => (n as { guest?: { email: string } }).guest?.email).filter((e): e is string => e !== undefined);
      assert.equal(shown.length, fx.ext.services.store.size - disabled.length);
      assert.ok(!shown.some((e) => disabled.includes(e)));
      // A guest disabled now leaves the tree too.
      const { email } = activeWithoutOpenTasks();
      fx.ui.answerMessage('Disable', /^Disable /);
      await vscode.commands.executeCommand('tallyfy.disableGuest', email);
      assert.equal(await treeItem(fx, email), undefined);
    } finally {
      await setSetting('showDisabledGuests', undefined);
    }
    assert.ok(await treeItem(fx, disabled[0]), 'shown again with the default');
  });

  it('convert to member asks first, then the guest leaves the list', async () => {
    const { email } = activeWithoutOpenTasks();
    fx.ui.answerMessage('Convert to Member', /^Convert .* to a member/);
    await vscode.commands.executeCommand('tallyfy.convertGuestToMember', email);
    const post = fx.sandbox.requests.find((r) => r.method === 'POST');
    assert.ok(post?.path.endsWith('/to/member'));
    assert.equal(fx.sandbox.guest(email), undefined);
    assert.equal(fx.ext.services.store.get(email), undefined);
    assert.equal(await treeItem(fx, email), undefined);
  });
});
