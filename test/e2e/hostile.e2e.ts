// Hostile guest data rendered by the real workbench in Chromium: HTML/JS, attribute-breaking quotes,
// Markdown and command links, $(icon) syntax, bidi controls, 10,000 characters and numbers where
// text belongs must show as plain text in the tree, its hover, the quick pick, the status bar, the
// form (a webview), dialogs and notifications: no element made from the data, no link, no icon, no
// dialog opened by a script. (hostileData.test.ts checks the same surfaces as data.)
import { strict as assert } from 'assert';
import type { Dialog, Locator } from 'playwright-core';
import { useWorkbench } from './harness';

const SCRIPT_NAME = '<script>alert("x")</script>';
const QUOTES = '" onmouseover="alert(1)';
const IMG_COMPANY = "'><img src=x onerror=alert(2)>";
const LINK_NAME = '[Fix it](command:workbench.action.terminal.new)';
const LINK_LAST = '[site](https://evil.test/)';
const ICON_NAME = '$(alert) Icon';
const LONG = 'L'.repeat(10_000);

/** A link as VS Code renders one (its Link widget), or any element with an href. */
const LINK = 'a[href], .monaco-link';
/** Elements the data could have produced if it were rendered as HTML, Markdown or icons. */
const INJECTED = 'img, svg:not(.codicon), script:not([nonce]), iframe, [onmouseover], [onerror], a[href^="javascript"], a[href^="command"], .codicon-alert, .codicon-bug';

/** What a reader sees: zero-width spaces (used to defuse `$(` and `](`) are invisible. */
async function visibleText(scope: Locator): Promise<string> {
  return (await scope.innerText()).replace(/\u200b/g, '');
}

async function assertNothingInjected(scope: Locator, what: string): Promise<void> {
  assert.equal(await scope.locator(INJECTED).count(), 0, `${what}: an element was made from the data`);
}

describe('Hostile guest data in the UI', () => {
  const wb = useWorkbench({ sandbox: { guests: 5, seed: 11 } });
  const dialogs: string[] = [];
  const quickInput = () => wb.page.locator('.quick-input-widget');
  const quickInputBox = () => wb.page.locator('.quick-input-widget .quick-input-box input');
  /** Moves the focus out of a webview, whose inputs would otherwise get the keys meant for the palette. */
  const focusWorkbench = () => wb.page.locator('.part.sidebar .composite.title').first().click();

  before(async function () {
    this.timeout(120_000);
    wb.page.on('dialog', (dialog: Dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    wb.sandbox.addGuest({ email: 'script@hostile.test', first_name: SCRIPT_NAME, last_name: QUOTES, company_name: IMG_COMPANY });
    wb.sandbox.addGuest({ email: 'links@hostile.test', first_name: LINK_NAME, last_name: LINK_LAST, company_name: 'javascript:alert(3)' });
    wb.sandbox.addGuest({ email: 'icons@hostile.test', first_name: ICON_NAME, last_name: '$(bug)', company_name: 'Icon Co' });
    wb.sandbox.addGuest({ email: 'bidi@hostile.test', first_name: '\u202Eexe.txt', last_name: 'Bidi', company_name: '\u202Eexe.txt Bidi Co' });
    wb.sandbox.addGuest({ email: 'long@hostile.test', first_name: LONG, company_name: 12345 as unknown as string });
    await wb.page.locator('.part.activitybar .action-label[aria-label^="Tallyfy"]').first().waitFor({ timeout: 60_000 });
    await wb.runCommand('Tallyfy: Sign In');
    await quickInput().filter({ hasText: 'personal access token' }).waitFor();
    await quickInputBox().fill(wb.sandbox.token);
    await quickInputBox().press('Enter');
    await wb.toast(/Signed in to Tallyfy as/).waitFor({ timeout: 20_000 });
    await wb.clearNotifications();
    await wb.runCommand('Tallyfy: Focus on Guests View');
    await wb.treeRow('Icon').first().waitFor({ timeout: 20_000 });
  });

  it('tree rows show the text as typed: no markup, no icon, no bidi reordering, long names cut', async () => {
    const script = wb.treeRow('alert("x")').first();
    assert.ok((await script.innerText()).includes(`${SCRIPT_NAME} ${QUOTES}`), await script.innerText());
    assert.ok((await script.innerText()).includes(IMG_COMPANY));
    const icons = wb.treeRow('Icon').first();
    assert.ok((await icons.innerText()).includes('$(alert) Icon $(bug)'), `the icon syntax shows as text: ${await icons.innerText()}`);
    const bidi = wb.treeRow('Bidi').first();
    assert.ok(!(await bidi.innerText()).includes('\u202E'), 'no bidi override reaches the row');
    assert.ok((await bidi.innerText()).includes('exe.txt Bidi'), await bidi.innerText());
    const long = wb.treeRow('LLLL').first();
    assert.ok((await long.innerText()).length < 300, 'the 10,000-character name is cut');
    assert.ok((await long.innerText()).includes('12345'), 'a number where text belongs shows as text');
    await assertNothingInjected(wb.page.locator('.pane-body'), 'the tree');
    await wb.screenshot('hostile-1-tree');
    assert.deepEqual(dialogs, []);
  });

  it('the hover shows escaped text: no element, link or icon made from the values', async () => {
    for (const [row, text] of [['alert("x")', SCRIPT_NAME], ['Fix it', LINK_NAME], ['Icon', ICON_NAME]] as const) {
      await wb.treeRow(row).first().hover();
      const hover = wb.page.locator('.monaco-hover', { hasText: text }).first();
      await hover.waitFor({ timeout: 10_000 });
      await assertNothingInjected(hover, `the hover of ${row}`);
      assert.equal(await hover.locator(LINK).count(), 0, `no link in the hover of ${row}`);
      await wb.screenshot(`hostile-2-hover-${row.replace(/\W+/g, '')}`);
      await wb.page.mouse.move(5, 5);
      await wb.page.keyboard.press('Escape');
    }
    assert.deepEqual(dialogs, []);
  });

  it('the form (a webview) shows the values in its inputs; nothing runs, nothing is injected', async () => {
    await wb.treeRow('alert("x")').first().click();
    const form = wb.webviewFrame();
    await form.locator('#field-first_name').waitFor({ timeout: 20_000 });
    assert.equal(await form.locator('#field-first_name').inputValue(), SCRIPT_NAME);
    assert.equal(await form.locator('#field-last_name').inputValue(), QUOTES);
    assert.equal(await form.locator('#field-company_name').inputValue(), IMG_COMPANY);
    assert.equal(await form.locator('#heading').innerText(), `Edit guest: ${SCRIPT_NAME} ${QUOTES}`);
    await assertNothingInjected(form.locator('body'), 'the form');
    await wb.screenshot('hostile-3-form-script');
    await focusWorkbench();
    await wb.runCommand('View: Close All Editors');
    await wb.treeRow('Bidi').first().click();
    const bidiForm = wb.webviewFrame();
    await bidiForm.locator('#heading', { hasText: 'Bidi' }).waitFor({ timeout: 20_000 });
    assert.equal(await bidiForm.locator('#heading').innerText(), 'Edit guest: exe.txt Bidi', 'the heading drops the bidi override');
    assert.equal(await bidiForm.locator('#field-first_name').inputValue(), '\u202Eexe.txt', 'the input keeps the exact value');
    await focusWorkbench();
    await wb.runCommand('View: Close All Editors');
    await wb.treeRow('LLLL').first().click();
    const longForm = wb.webviewFrame();
    await longForm.locator('#field-first_name').waitFor({ timeout: 20_000 });
    assert.equal((await longForm.locator('#field-first_name').inputValue()).length, 10_000, 'the whole value reaches the input');
    assert.equal(await longForm.locator('#field-company_name').inputValue(), '12345');
    await wb.screenshot('hostile-4-form-long');
    await focusWorkbench();
    await wb.runCommand('View: Close All Editors');
    assert.deepEqual(dialogs, []);
  });

  it('the quick pick and the status bar show icon syntax as text', async () => {
    await wb.treeRow('Icon').first().click(); // opens the form: the guest becomes the status bar's last guest
    await wb.webviewFrame().locator('#field-first_name').waitFor({ timeout: 20_000 });
    const item = wb.statusItem('Tallyfy:').filter({ hasText: 'Icon' }).first();
    await item.waitFor({ timeout: 10_000 });
    assert.ok((await visibleText(item)).includes('$(alert) Icon'), await item.innerText());
    await assertNothingInjected(item, 'the status bar item');
    await focusWorkbench();
    await wb.runCommand('View: Close All Editors');
    await wb.runCommand('Tallyfy: Edit Guest…');
    await quickInputBox().fill('icons@hostile');
    const row = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Icon' }).first();
    await row.waitFor({ timeout: 10_000 });
    assert.ok((await visibleText(row)).includes('$(alert) Icon $(bug)'), await row.innerText());
    await assertNothingInjected(row, 'the quick pick row');
    await wb.screenshot('hostile-5-quick-pick');
    await wb.page.keyboard.press('Escape');
  });

  it('the quick input\'s steps show a guest\'s link syntax as text (its prompt would render links)', async () => {
    await wb.runCommand('Tallyfy: Quick Update Guest…');
    await quickInputBox().fill('links@hostile');
    const guestRow = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Fix it' }).first();
    await guestRow.waitFor({ timeout: 10_000 });
    await assertNothingInjected(guestRow, 'the guest step row');
    assert.equal(await guestRow.locator(LINK).count(), 0, 'no link in the guest step');
    await quickInputBox().press('Enter');
    await quickInput().filter({ hasText: '(2/3)' }).waitFor({ timeout: 10_000 });
    await quickInputBox().fill('Company');
    await quickInputBox().press('Enter');
    const step = quickInput().filter({ hasText: '(3/3)' });
    await step.waitFor({ timeout: 10_000 });
    assert.ok((await visibleText(step)).includes(LINK_NAME), await step.innerText());
    assert.equal(await step.locator(LINK).count(), 0, 'no link in the prompt');
    await assertNothingInjected(step, 'the quick input');
    await wb.screenshot('hostile-8-quick-input-prompt');
    await wb.page.keyboard.press('Escape');
  });

  it('dialogs and notifications naming a guest show link and icon syntax as text', async () => {
    for (const [email, shown, syntax] of [['links@hostile.test', 'Fix it', '(command:workbench.action.terminal.new)'], ['icons@hostile.test', 'Icon', '$(alert) Icon']] as const) {
      await wb.clearNotifications();
      await wb.runCommand('Tallyfy: Delete Guest');
      await quickInputBox().fill(email);
      await wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: shown }).first().waitFor({ timeout: 10_000 });
      await quickInputBox().press('Enter');
      const dialog = wb.page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 10_000 });
      assert.ok((await visibleText(dialog)).includes(syntax), await dialog.innerText());
      await assertNothingInjected(dialog, `the dialog for ${email}`);
      assert.equal(await dialog.locator(LINK).count(), 0, 'no link in the dialog');
      await wb.screenshot(`hostile-6-delete-dialog-${shown.replace(/\W+/g, '')}`);
      await dialog.locator('.monaco-button', { hasText: 'Delete' }).first().click();
      const toast = wb.toast('Deleted the guest');
      await toast.waitFor({ timeout: 20_000 });
      await wb.screenshot(`hostile-7-deleted-toast-${shown.replace(/\W+/g, '')}`);
      assert.ok((await visibleText(toast)).includes(syntax), `the syntax shows as text: ${await toast.innerText()}`);
      assert.equal(await toast.locator(LINK).count(), 0, 'no link in the notification');
      await assertNothingInjected(toast, `the notification for ${email}`);
      assert.equal(wb.sandbox.guest(email), undefined);
    }
    assert.deepEqual(dialogs, [], 'no page dialog was opened by a script');
  });
});
