// Accessibility of the real extension in Chromium: the guest form passes axe-core (no serious or
// critical violation) in the light, dark and high-contrast themes (each a fresh workbench whose user
// settings name the theme, as a user's would); the form can be opened, edited and saved with the
// keyboard alone; tree rows and the status-bar item have accessible names.
import { strict as assert } from 'assert';
import { useWorkbench } from './harness';
import { describeViolations, expectTheme, runAxe, signInAndShowGuests, THEMES, webviewContentFrame } from './nativeSteps';

for (const theme of THEMES) {
  describe(`Accessibility in ${theme.id} (UI)`, () => {
    const wb = useWorkbench({ sandbox: { guests: 20 }, settings: { 'workbench.colorTheme': theme.id } });

    before(async function () {
      this.timeout(120000);
      await signInAndShowGuests(wb, 'Ana Ops');
    });

    it('the guest form has no serious or critical axe-core violation', async function () {
      this.timeout(90000);
      await wb.treeRow('Ana Ops').first().click();
      await expectTheme(wb, theme, true);
      const form = wb.webviewFrame();
      // A state with most of what the form can show: a changed field and a field error.
      await form.locator('#field-company_name').fill('Accessible Co');
      await form.locator('#field-phone_1').fill('call me');
      await form.locator('#field-phone_1-error', { hasText: 'can only contain digits' }).waitFor();
      const violations = await runAxe(await webviewContentFrame(wb));
      await wb.screenshot(`accessibility-${theme.workbenchClass}`);
      const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      const minor = violations.filter((v) => !blocking.includes(v));
      if (minor.length > 0) console.log(`      axe, minor/moderate (reported, not failing):\n${describeViolations(minor)}`);
      assert.deepEqual(blocking.map((v) => v.id), [], describeViolations(blocking));
      await form.locator('#discard').click();
    });

    if (theme.workbenchClass !== 'vs-dark') return;

    it('tree rows and the status-bar item have accessible names', async () => {
      const row = wb.treeRow('Ana Ops').first();
      assert.equal(await row.getAttribute('aria-label'), 'Ana Ops, Client Ops Ltd');
      // The status-bar item's accessible name says what it does, not only its visible text.
      await wb.page.locator('.statusbar-item[aria-label="Tallyfy: quick update guest Ana Ops"]').waitFor({ timeout: 10000 });
    });

    it('opens a guest\'s form, edits and saves it with the keyboard alone', async function () {
      this.timeout(90000);
      await wb.runCommand('View: Close All Editors');
      // F1, typing and Enter focus the tree; Home goes to the first row, Enter opens its form.
      await wb.runCommand('Tallyfy: Focus on Guests View');
      await wb.page.keyboard.press('Home');
      const focused = wb.page.locator('.pane-body .monaco-list-row[role="treeitem"].focused');
      await focused.waitFor();
      const guestName = ((await focused.getAttribute('aria-label')) ?? '').split(',')[0];
      const guest = wb.sandbox.guests().find((g) => [g.first_name, g.last_name].filter(Boolean).join(' ') === guestName);
      assert.ok(guest, `the sandbox has the first guest of the tree, "${guestName}"`);
      await wb.page.keyboard.press('Enter');
      const form = wb.webviewFrame();
      await form.locator('#heading', { hasText: `Edit guest: ${guestName}` }).waitFor({ timeout: 20000 });
      // The form puts the focus in the first field it can edit.
      await form.locator('#field-first_name:focus').waitFor({ timeout: 10000 });
      // Tab to Company (first name → last name → company), replace its text, Enter saves.
      await wb.page.keyboard.press('Tab');
      await wb.page.keyboard.press('Tab');
      await form.locator('#field-company_name:focus').waitFor();
      await wb.page.keyboard.press('ControlOrMeta+A');
      await wb.page.keyboard.type('Keyboard Only Ltd');
      await form.locator('.field.changed[data-field="company_name"]').waitFor();
      await wb.page.keyboard.press('Enter');
      await form.locator('#notice', { hasText: 'Saved to Tallyfy' }).waitFor({ timeout: 20000 });
      assert.equal(wb.sandbox.guest(guest.email)?.company_name, 'Keyboard Only Ltd');
      await wb.screenshot('accessibility-keyboard-saved');
    });
  });
}
