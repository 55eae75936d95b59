// Quick update (multi-step quick input), the status-bar item and undo, in the real VS Code against
// the sandbox. Prompts are answered by the scripted UI, which also records the step counter and
// whether Back was offered.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { ANA, ANA_RAW_PATH_SUFFIX, puts, storeGuest, useEditingFixture, waitFor, type EditingFixture } from './editingSetup';
import { signIn, signOut, waitForState } from './tallyfyExtension';

const MIXED = 'Mixed.Case@Client.test';

async function treeNode(fx: EditingFixture, email: string): Promise<unknown> {
  const nodes = (await fx.ext.api.guestTree.getChildren()) ?? [];
  const node = nodes.find((n) => (n as { guest?: { email: string } }).guest?.email === email);
  assert.ok(node, `no tree node for ${email}`);
  return node;
}

function steps(fx: EditingFixture): [string | undefined, boolean | undefined, string | string[] | undefined][] {
  return fx.ui.shown.filter((p) => p.step !== undefined).map((p) => [p.step, p.canGoBack, p.answer]);
}

describe('Editing: quick update, status bar and undo', function () {
  this.timeout(40000);
  const fx = useEditingFixture();

  it('from the tree: field → value (2 steps), PUT with only that field, to the encoded email', async () => {
    const previous = storeGuest(fx, ANA).phone_1;
    fx.ui.answerPick('Phone 1').answerInput('+44 20 7946 1111', /Phone 1 of Ana Ops/);
    await vscode.commands.executeCommand('tallyfy.quickUpdateGuest', await treeNode(fx, ANA));
    assert.deepEqual(steps(fx), [['1/2', false, 'Phone 1'], ['2/2', true, '+44 20 7946 1111']]);
    const fieldStep = fx.ui.shown.find((p) => p.step === '1/2');
    assert.ok(fieldStep?.choices.includes('Company'), 'the field step lists the fields');
    const valueStep = fx.ui.shown.find((p) => p.step === '2/2');
    assert.match(valueStep?.text ?? '', new RegExp(`Now: ${(previous ?? '(empty)').replace(/[+()]/g, '\\$&')}`), 'the old value is shown');
    const [put] = puts(fx.sandbox);
    assert.deepEqual(put?.body, { phone_1: '+44 20 7946 1111' });
    assert.ok(put.rawPath.endsWith(ANA_RAW_PATH_SUFFIX), put.rawPath);
    assert.equal(put.headers['x-tallyfy-client'], 'APIClient');
    assert.equal(storeGuest(fx, ANA).phone_1, '+44 20 7946 1111');
    assert.ok(fx.ui.lastMessage(/Updated Phone 1 of Ana Ops/));
    assert.equal(fx.ext.services.lastGuest?.email, ANA);
  });

  it('from the palette: guest → field → value with Back at every step after the first', async () => {
    fx.ui
      .answerPick('Ana Ops')
      .answerPick('Company')
      .answerBack('input')
      .answerBack('pick', /Which field/)
      .answerPick((items) => items.find((i) => i.description === MIXED))
      .answerPick('Last name')
      .answerInput('Case-Sensitive');
    await vscode.commands.executeCommand('tallyfy.quickUpdateGuest');
    assert.deepEqual(steps(fx).map(([step, back]) => [step, back]), [
      ['1/3', false], ['2/3', true], ['3/3', true], ['2/3', true], ['1/3', false], ['2/3', true], ['3/3', true],
    ]);
    const guestStep = fx.ui.shown.find((p) => p.step === '1/3');
    assert.ok((guestStep?.choices.length ?? 0) >= 30, 'the guest step lists the loaded guests');
    assert.deepEqual(puts(fx.sandbox).map((r) => [r.path.split('/').pop(), r.body]), [[MIXED, { last_name: 'Case-Sensitive' }]]);
    assert.equal(fx.sandbox.guest(MIXED)?.last_name, 'Case-Sensitive');
  });

  it('validates the value as it is typed, with the catalogue\'s message; an invalid value is never sent', async () => {
    fx.ui.answerPick('Phone 2').answerInput('call me maybe');
    await vscode.commands.executeCommand('tallyfy.quickUpdateGuest', ANA);
    const input = fx.ui.shown.find((p) => p.kind === 'input');
    assert.match(input?.validation ?? '', /Phone 2 can only contain digits, spaces and \+ \( \) - \./);
    assert.equal(fx.sandbox.requests.length, 0);
  });

  it('the time zone step is a quick pick of IANA zones', async () => {
    const target = storeGuest(fx, ANA).timezone === 'Asia/Kolkata' ? 'America/Chicago' : 'Asia/Kolkata';
    fx.ui.answerPick('Time zone').answerPick(target);
    await vscode.commands.executeCommand('tallyfy.quickUpdateGuest', ANA);
    const zones = fx.ui.shown.find((p) => p.step === '2/2');
    assert.ok(zones && zones.choices.length > 300, `zone list of ${zones?.choices.length}`);
    assert.ok(zones.choices.includes('Europe/London') && zones.choices.includes('UTC'));
    assert.deepEqual(puts(fx.sandbox).map((r) => r.body), [{ timezone: target }]);
  });

  it('a conflict offers Reload, which shows the value step again with their value, then saves', async () => {
    fx.sandbox.mutateGuest(ANA, { company_name: 'Their Co' });
    fx.ui
      .answerPick('Company')
      .answerInput('My Co')
      .answerMessage('Reload Their Version', /was changed in Tallyfy/)
      .answerInput('My Co, again', /Now: Their Co/);
    await vscode.commands.executeCommand('tallyfy.quickUpdateGuest', ANA);
    const asked = fx.ui.lastMessage(/was changed in Tallyfy/);
    assert.match(asked?.detail ?? '', /Company: now "Their Co"/);
    assert.deepEqual(puts(fx.sandbox).map((r) => r.body), [{ company_name: 'My Co, again' }]);
    assert.equal(fx.ui.unused, 0, 'every scripted answer was used');
  });

  it('undo puts back the previous value; a second undo has nothing to do', async () => {
    const before = storeGuest(fx, ANA).company_name;
    fx.ui.answerPick('Company').answerInput('Temporary Co');
    await vscode.commands.executeCommand('tallyfy.quickUpdateGuest', ANA);
    assert.equal(fx.sandbox.guest(ANA)?.company_name, 'Temporary Co');
    fx.sandbox.clearRequests();
    await vscode.commands.executeCommand('tallyfy.undoLastGuestUpdate');
    assert.equal(fx.sandbox.guest(ANA)?.company_name, before);
    assert.equal(storeGuest(fx, ANA).company_name, before);
    assert.deepEqual(puts(fx.sandbox).map((r) => r.body), [{ company_name: before }]);
    assert.ok(fx.ui.lastMessage(/Undid the last update of Ana Ops: Company restored/));
    await vscode.commands.executeCommand('tallyfy.undoLastGuestUpdate');
    assert.ok(fx.ui.lastMessage(/no guest update to undo/));
    assert.equal(puts(fx.sandbox).length, 1);
  });

  it('undo asks before overwriting a later change; Cancel keeps it, Overwrite restores', async () => {
    const before = storeGuest(fx, ANA).last_name;
    fx.ui.answerPick('Last name').answerInput('Interim');
    await vscode.commands.executeCommand('tallyfy.quickUpdateGuest', ANA);
    fx.sandbox.mutateGuest(ANA, { last_name: 'Someone Else' });
    fx.sandbox.clearRequests();
    fx.ui.answerMessage(undefined, /was changed in Tallyfy/);
    await vscode.commands.executeCommand('tallyfy.undoLastGuestUpdate');
    const asked = fx.ui.lastMessage(/was changed in Tallyfy/);
    assert.ok(asked?.modal);
    assert.deepEqual(asked.choices, ['Overwrite'], 'undo offers no reload');
    assert.equal(puts(fx.sandbox).length, 0);
    assert.equal(fx.sandbox.guest(ANA)?.last_name, 'Someone Else');
    fx.ui.answerMessage('Overwrite', /was changed in Tallyfy/);
    await vscode.commands.executeCommand('tallyfy.undoLastGuestUpdate');
    assert.equal(fx.sandbox.guest(ANA)?.last_name, before);
  });

  it('the status bar shows the last guest, opens its quick update, and hides when signed out', async () => {
    const bar = fx.editing.statusBar;
    assert.ok(bar);
    await vscode.commands.executeCommand('tallyfy.editGuest', ANA);
    assert.equal(bar.view.text, '$(person) Tallyfy: Ana Ops');
    assert.match(bar.view.tooltip, /Ana Ops \(ana\+ops@client\.test\)/);
    assert.equal(bar.view.accessibilityLabel, 'Tallyfy: quick update guest Ana Ops');
    assert.equal(bar.view.visible, true);
    fx.ui.answerPick('Phone 1').answerInput('+1 415 555 0100');
    await vscode.commands.executeCommand('tallyfy.quickUpdateLastGuest');
    assert.deepEqual(steps(fx).map(([step]) => step), ['1/2', '2/2'], 'starts at the field step of the last guest');
    assert.deepEqual(puts(fx.sandbox).map((r) => r.body), [{ phone_1: '+1 415 555 0100' }]);
    await signOut(fx.ext.services);
    assert.equal(bar.view.visible, false);
    assert.equal(fx.editing.lastUpdate, undefined, 'sign-out forgets the undo record');
    await signIn(fx.ext.services, fx.ui, fx.sandbox.token);
    await waitForState(fx.ext.services, 'ready');
    assert.equal(bar.view.visible, true);
  });

  it('a guest name with $(icon) syntax is shown as text in the status bar and the pickers', async () => {
    fx.sandbox.mutateGuest(ANA, { first_name: '$(alert)', last_name: 'Boss' });
    await fx.ext.services.refresh();
    await vscode.commands.executeCommand('tallyfy.editGuest', ANA);
    assert.equal(fx.editing.statusBar?.view.text, '$(person) Tallyfy: \\$(alert) Boss');
    await vscode.commands.executeCommand('tallyfy.quickUpdateGuest');
    const guestStep = fx.ui.shown.find((p) => p.step === '1/3');
    assert.ok(guestStep?.choices.includes('\\$(alert) Boss'), 'escaped in the guest step');
  });

  it('with Tallyfy\'s docs2026 PUT a name change is reported as not applied, and there is nothing to undo', async () => {
    fx.sandbox.setPutMode('docs2026');
    await fx.ext.services.refresh();
    fx.ui.answerPick('First name').answerInput('Anastasia');
    await vscode.commands.executeCommand('tallyfy.quickUpdateGuest', ANA);
    const warning = fx.ui.lastMessage(/did not apply/);
    assert.equal(warning?.severity, 'warning');
    assert.match(warning?.text ?? '', /did not apply: First name\./);
    assert.equal(fx.editing.lastUpdate, undefined);
    await waitFor(() => storeGuest(fx, ANA).first_name === 'Ana', 1000, 'the store to keep the returned name');
  });
});
