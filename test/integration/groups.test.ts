// Adding guests to groups and removing them, in the real VS Code against the sandbox. Tallyfy's
// group PUT replaces both lists, so what matters is that nothing else in the group is lost.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { MembershipOutcome } from '../../src/commands/group/membership';
import type { Severity } from '../../src/views/userInterface';
import { useBulkFixture, type BulkFixture } from './bulkFixture';
import { ScriptedUi } from './scriptedUi';

/** A scripted UI that runs `onConfirm` when a modal confirmation is shown (before it is answered). */
class ConfirmHookUi extends ScriptedUi {
  onConfirm: (() => void) | undefined;
  async showMessage(severity: Severity, message: string, options: { modal?: boolean; detail?: string }, ...actions: string[]): Promise<string | undefined> {
    if (options.modal) this.onConfirm?.();
    return super.showMessage(severity, message, options, ...actions);
  }
}

function groupPuts(fx: BulkFixture) {
  return fx.sandbox.requests.filter((r) => r.method === 'PUT' && r.path.includes('/groups/'));
}

describe('Groups', function () {
  this.timeout(40_000);
  const fx = useBulkFixture({ groups: 3 });

  /** A group that has members and guests, and a guest of the org not in it. */
  function setting() {
    const group = fx.sandbox.groups().find((g) => g.members.length > 0 && g.guests.length > 0) ?? fx.sandbox.groups()[0];
    const outsider = fx.ext.services.store.all().find((g) => !group.guests.some((e) => e.toLowerCase() === g.email.toLowerCase()));
    assert.ok(outsider);
    return { group, outsider };
  }

  it('adding a guest keeps every existing member and guest of the group', async () => {
    const { group, outsider } = setting();
    const before = { members: [...group.members], guests: [...group.guests] };
    fx.ui.answerPick(group.name).answerMessage('Add', /^Add .* to "/);
    const outcome = await vscode.commands.executeCommand<MembershipOutcome>('tallyfy.addGuestToGroup', outsider.email);
    assert.equal(outcome?.written, true, fx.ui.messages().join(' | '));
    const after = fx.sandbox.groups().find((g) => g.id === group.id)!;
    assert.deepEqual(after.members, before.members);
    assert.deepEqual(after.guests, [...before.guests, outsider.email]);
    const [put] = groupPuts(fx);
    assert.deepEqual((put.body as { members: number[] }).members, before.members, 'the PUT carried the whole member list');
    assert.deepEqual((put.body as { guests: string[] }).guests, [...before.guests, outsider.email]);
    const confirm = fx.ui.lastMessage(/^Add /);
    assert.equal(confirm?.modal, true);
    assert.match(confirm?.detail ?? '', new RegExp(`keeps its ${before.members.length} members? and ${before.guests.length} other guests?`));
    assert.ok(fx.ui.lastMessage(/^Added /));
  });

  it('a group changed between the read and the write is not overwritten', async () => {
    const { group, outsider } = setting();
    const other = fx.ext.services.store.all().find((g) => g !== outsider && !group.guests.some((e) => e.toLowerCase() === g.email.toLowerCase()))!;
    const hookUi = new ConfirmHookUi();
    const previousUi = fx.ext.services.ui;
    fx.ext.services.ui = hookUi;
    try {
      // Another admin adds a guest while the confirmation is open.
      hookUi.onConfirm = () => fx.sandbox.mutateGroup(group.id, { guests: [...group.guests, other.email] });
      hookUi.answerPick(group.name).answerMessage('Add', /^Add /);
      const outcome = await vscode.commands.executeCommand<MembershipOutcome>('tallyfy.addGuestToGroup', outsider.email);
      assert.equal(outcome?.written, false);
      assert.equal(groupPuts(fx).length, 0, 'nothing was written');
      const after = fx.sandbox.groups().find((g) => g.id === group.id)!;
      assert.deepEqual(after.guests, [...group.guests, other.email], 'the other admin\'s change is kept');
      const warning = hookUi.lastMessage(/changed in Tallyfy after it was read/);
      assert.ok(warning, hookUi.messages().join(' | '));
      assert.deepEqual(warning.choices, ['Retry']);
    } finally {
      fx.ext.services.ui = previousUi;
    }
  });

  it('removes a multi-selection of guests, keeping the members and the other guests', async () => {
    const group = fx.sandbox.groups().find((g) => g.guests.length >= 2) ?? fx.sandbox.groups()[0];
    if (group.guests.length < 2) fx.sandbox.mutateGroup(group.id, { guests: fx.ext.services.store.all().slice(0, 3).map((g) => g.email) });
    const current = fx.sandbox.groups().find((g) => g.id === group.id)!;
    const [a, b, ...rest] = current.guests;
    const holders = fx.sandbox.groups().filter((g) => g.guests.some((e) => e === a || e === b)).map((g) => g.name).sort();
    fx.ui.answerPick(current.name).answerMessage('Remove', /^Remove 2 guests from "/);
    const outcome = await vscode.commands.executeCommand<MembershipOutcome>('tallyfy.removeGuestFromGroup', a, [a, b]);
    assert.equal(outcome?.written, true, fx.ui.messages().join(' | '));
    const after = fx.sandbox.groups().find((g) => g.id === group.id)!;
    assert.deepEqual(after.guests, rest);
    assert.deepEqual(after.members, current.members);
    const pick = fx.ui.shown.find((p) => p.kind === 'pick');
    assert.deepEqual([...(pick?.choices ?? [])].sort(), holders, 'only the groups holding the guests are offered');
  });

  it('Show Guest Details lists the groups the guest is in', async () => {
    const group = fx.sandbox.groups().find((g) => g.guests.length > 0)!;
    const email = group.guests[0];
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('tallyfy.showGuestDetails', email);
    const details = JSON.parse(editor!.document.getText()) as { groups: string[] };
    const expected = fx.sandbox.groups().filter((g) => g.guests.some((e) => e.toLowerCase() === email.toLowerCase())).map((g) => g.name).sort((x, y) => x.localeCompare(y));
    assert.deepEqual(details.groups, expected);
  });
});
