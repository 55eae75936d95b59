// The sign-in and tree flow as a user does it, in Chromium: palette → "Tallyfy: Sign In" → token,
// then the Tallyfy activity → the guests. A screenshot per step lands in test-results/.
import { strict as assert } from 'assert';
import { useWorkbench } from './harness';

describe('Sign in and see the guests (UI)', () => {
  const wb = useWorkbench({ sandbox: { guests: 20 } });

  it('signs in from the command palette with a token typed into a password box', async () => {
    // The extension's contributions (activity entry, commands) appear once the extension host has scanned it.
    await wb.page.locator('.part.activitybar .action-label[aria-label^="Tallyfy"]').first().waitFor({ timeout: 60000 });
    await wb.screenshot('signin-1-workbench');
    await wb.runCommand('Tallyfy: Sign In');
    const input = wb.page.locator('.quick-input-widget .quick-input-box input');
    await wb.page.locator('.quick-input-widget', { hasText: 'personal access token' }).waitFor();
    assert.equal(await input.getAttribute('type'), 'password');
    await input.fill(wb.sandbox.token);
    await wb.screenshot('signin-2-token-typed');
    await input.press('Enter');
    await wb.toast(/Signed in to Tallyfy as/).waitFor({ timeout: 20000 });
    await wb.screenshot('signin-3-signed-in');
    const me = wb.sandbox.requests.find((r) => r.path === '/api/me');
    assert.equal(me?.status, 200);
  });

  it('opens the Tallyfy view from the activity bar and shows the guests', async () => {
    await wb.clearNotifications();
    // The count badge covers the middle of the icon (where the harness' openActivity clicks), and a
    // click on the badge reaches the activity entry anyway: click it there.
    await wb.page.locator('.part.activitybar .action-item .action-label[aria-label^="Tallyfy"]').first().click({ force: true });
    await wb.treeRow('Ana Ops').waitFor({ timeout: 20000 });
    const total = wb.sandbox.guests().length;
    // The count: the view's description (in the pane header's label) and the activity badge.
    await wb.page.locator(`.pane-header[aria-label*="${total} guests"]`).first().waitFor({ state: 'attached' });
    const badge = wb.page.locator('.part.activitybar .action-item', { has: wb.page.locator('.action-label[aria-label^="Tallyfy"]') }).locator('.badge');
    assert.equal((await badge.first().innerText()).trim(), String(total));
    const rows = await wb.page.locator('.pane-body .monaco-list-row[role="treeitem"]').count();
    assert.ok(rows >= 10, `only ${rows} rows rendered`);
    await wb.screenshot('signin-4-guests');
    const row = wb.treeRow('Ana Ops').first();
    assert.match(await row.innerText(), /Ana Ops\s*Client Ops Ltd/);
    await row.hover();
    await wb.page.locator('.monaco-hover', { hasText: 'Assigned tasks' }).first().waitFor({ timeout: 10000 });
    await wb.screenshot('signin-5-tooltip');
  });

  it('after Sign Out the view shows the sign-in welcome with its button', async () => {
    await wb.runCommand('Tallyfy: Sign Out');
    await wb.toast(/Signed out of Tallyfy/).waitFor({ timeout: 20000 });
    await wb.page.locator('.pane-body', { hasText: 'Sign in with a personal access token' }).first().waitFor({ timeout: 20000 });
    await wb.page.locator('.pane-body .monaco-button', { hasText: 'Sign In' }).first().waitFor();
    assert.equal(await wb.page.locator('.pane-body .monaco-list-row[role="treeitem"]').count(), 0);
    await wb.screenshot('signin-6-signed-out-welcome');
  });
});
