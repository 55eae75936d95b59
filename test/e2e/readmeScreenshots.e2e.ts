// The README's and the walkthrough's pictures, taken from the real extension in a real workbench
// (Dark Modern theme). Each picture is cropped to its surface so it stays small. They go to
// test-results/readme/; with UPDATE_README_IMAGES=1 they replace docs/images/ (README, not shipped)
// and media/walkthrough/ (shipped in the .vsix for the Get Started walkthrough), and then commit them.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Locator } from 'playwright-core';
import { repoRoot, testResultsDir } from '../host/paths';
import { useWorkbench } from './harness';
import { quickInput, quickInputBox, signInAndShowGuests } from './nativeSteps';

const UPDATE = process.env.UPDATE_README_IMAGES === '1';
const README_DIR = UPDATE ? path.join(repoRoot(), 'docs', 'images') : path.join(testResultsDir(), 'readme');
const WALKTHROUGH_DIR = UPDATE ? path.join(repoRoot(), 'media', 'walkthrough') : path.join(testResultsDir(), 'readme', 'walkthrough');
/** README pictures stay under ~150 KB, walkthrough ones (inside the .vsix) smaller still. */
const MAX_BYTES = { readme: 150 * 1024, walkthrough: 100 * 1024 };
/** The sandbox's deliberately hostile or odd guests (tested elsewhere) would only distract here. */
const NOT_IN_PICTURES = ['html.name@client.test', 'markdown.name@client.test', 'Mixed.Case@Client.test', 'no.name@client.test'];

describe('README and walkthrough pictures (UI)', () => {
  const wb = useWorkbench({ sandbox: { guests: 24, seed: 7 }, settings: { 'workbench.colorTheme': 'Default Dark Modern' } });
  const written: { file: string; max: number }[] = [];

  /** Saves the part of the page that `parts` cover (plus a margin) as `dir/name`. */
  async function picture(dir: string, name: string, parts: Locator[], margin = 8, size?: { width: number; above: number }): Promise<void> {
    const boxes = await Promise.all(parts.map(async (part) => {
      const box = await part.boundingBox();
      if (!box) throw new Error(`${name}: a part to photograph is not visible`);
      return box;
    }));
    const viewport = wb.page.viewportSize() ?? { width: 1400, height: 900 };
    const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - margin);
    const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - margin - (size?.above ?? 0));
    const right = Math.min(viewport.width, size ? x + size.width : Math.max(...boxes.map((b) => b.x + b.width)) + margin);
    const bottom = Math.min(viewport.height, Math.max(...boxes.map((b) => b.y + b.height)) + margin);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, name);
    // Let fades and the cursor blink settle; the assertions before each picture already waited for the content.
    await wb.page.waitForTimeout(400);
    await wb.page.screenshot({ path: file, clip: { x, y, width: right - x, height: bottom - y } });
    written.push({ file, max: dir === WALKTHROUGH_DIR ? MAX_BYTES.walkthrough : MAX_BYTES.readme });
  }

  const sidebar = () => wb.page.locator('.part.sidebar');
  const editor = () => wb.page.locator('.part.editor');

  before(async function () {
    this.timeout(120000);
    // Removed through Tallyfy's own API, as a user would.
    for (const email of NOT_IN_PICTURES) {
      const response = await fetch(`${wb.sandbox.baseUrl}/organizations/${wb.sandbox.orgId}/guests/${encodeURIComponent(email)}`, {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${wb.sandbox.token}`, 'X-Tallyfy-Client': 'APIClient', Accept: 'application/json' },
      });
      assert.equal(response.status, 200, `deleting ${email}`);
    }
    await wb.page.locator('.part.activitybar .action-label[aria-label^="Tallyfy"]').first().waitFor({ timeout: 60000 });
  });

  it('the signed-out welcome view links to the Get Started walkthrough, which opens with its steps', async () => {
    await wb.page.locator('.part.activitybar .action-item .action-label[aria-label^="Tallyfy"]').first().click({ force: true });
    const link = wb.page.locator('.pane-body a', { hasText: 'Get started with Tallyfy Guests' }).first();
    await link.waitFor({ timeout: 20000 });
    // The walkthrough shows a step's picture only when the editor is wide enough.
    const secondarySideBar = wb.page.locator('.part.auxiliarybar');
    if (await secondarySideBar.isVisible()) {
      await wb.page.keyboard.press('Control+Alt+KeyB'); // View: Toggle Secondary Side Bar
      await secondarySideBar.waitFor({ state: 'hidden', timeout: 10000 });
    }
    await link.click();
    const walkthrough = wb.page.locator('.part.editor');
    await walkthrough.locator('h2, .getting-started-step, button', { hasText: 'Sign in with a personal access token' }).first().waitFor({ timeout: 20000 });
    for (const step of ['Find your organization id', 'Edit a guest', 'Quick update from the status bar', 'Bulk edit many guests']) {
      await walkthrough.locator('button, h3, .step-title', { hasText: step }).first().waitFor({ timeout: 5000 });
    }
    await walkthrough.locator('img[alt^="The Tallyfy: Sign In password box"]').first().waitFor({ timeout: 10000 });
    await wb.screenshot('walkthrough-open');
    await wb.runCommand('View: Close All Editors');
  });

  it('the sign-in box (walkthrough)', async () => {
    await wb.runCommand('Tallyfy: Sign In');
    await quickInput(wb).filter({ hasText: 'personal access token' }).waitFor();
    await quickInputBox(wb).fill(wb.sandbox.token);
    await picture(WALKTHROUGH_DIR, 'sign-in.png', [quickInput(wb)]);
    await quickInputBox(wb).press('Escape');
    await signInAndShowGuests(wb, 'Ana Ops');
  });

  it('the organization picker (walkthrough)', async () => {
    await wb.runCommand('Tallyfy: Choose Organization…');
    await quickInput(wb).filter({ hasText: 'Tallyfy: Choose Organization' }).locator('.monaco-list-row').first().waitFor({ timeout: 20000 });
    await picture(WALKTHROUGH_DIR, 'organization.png', [quickInput(wb)]);
    await quickInputBox(wb).press('Escape');
  });

  it('the Guests tree with a guest\'s hover', async () => {
    await wb.runCommand('Tallyfy: Focus on Guests View');
    const row = wb.treeRow('Ana Ops').first();
    await row.hover();
    const hover = wb.page.locator('.monaco-hover', { hasText: 'Assigned tasks' }).first();
    await hover.waitFor({ timeout: 10000 });
    await picture(README_DIR, 'tree.png', [sidebar(), hover], 0);
    await wb.page.mouse.move(700, 850);
  });

  it('the guest form with a changed field', async () => {
    await wb.treeRow('Ana Ops').first().click();
    const form = wb.webviewFrame();
    await form.locator('#field-company_name').fill('Client Ops International');
    await form.locator('.field.changed[data-field="company_name"]').waitFor();
    await form.locator('#field-phone_2').fill('call me');
    await form.locator('#field-phone_2-error', { hasText: 'can only contain digits' }).waitFor();
    await form.locator('#field-phone_2').fill('');
    await form.locator('#field-company_name').focus();
    await picture(README_DIR, 'form.png', [editor()], 0);
    await picture(WALKTHROUGH_DIR, 'edit-form.png', [form.locator('#heading'), form.locator('.actions')], 12);
    await form.locator('#discard').click();
  });

  it('the status-bar item and its quick update', async () => {
    await wb.runCommand('View: Close All Editors');
    const item = wb.statusItem('Tallyfy: Ana Ops');
    await item.waitFor({ timeout: 10000 });
    await item.hover();
    const tooltip = wb.page.locator('.monaco-hover, .workbench-hover', { hasText: 'Quick update Ana Ops' }).first();
    await tooltip.waitFor({ timeout: 10000 });
    await picture(README_DIR, 'status-bar.png', [item, tooltip], 12);
    await item.click();
    await quickInput(wb).filter({ hasText: 'Quick Update Guest (1/2)' }).locator('.monaco-list-row', { hasText: 'Phone 2' }).waitFor();
    await wb.page.mouse.move(700, 700);
    await picture(README_DIR, 'quick-update.png', [quickInput(wb)]);
    await quickInputBox(wb).fill('Phone 2');
    await wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Phone 2' }).first().waitFor();
    await quickInputBox(wb).press('Enter');
    await quickInput(wb).filter({ hasText: 'Quick Update Guest (2/2)' }).waitFor();
    await quickInputBox(wb).fill('+1 415 555 0123');
    await picture(WALKTHROUGH_DIR, 'quick-update.png', [quickInput(wb)]);
    await quickInputBox(wb).press('Escape');
  });

  it('bulk update: the fields to change for the selected guests (walkthrough)', async () => {
    await wb.runCommand('Tallyfy: Bulk Update Guests…');
    await quickInput(wb).filter({ hasText: 'Bulk update: choose the guests' }).waitFor();
    const rows = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    await rows.first().waitFor();
    // A click on a row of a multi-select pick toggles its checkbox.
    for (let i = 0; i < 3; i++) await rows.nth(i).click();
    await quickInputBox(wb).press('Enter');
    await quickInput(wb).filter({ hasText: 'fields to change' }).waitFor({ timeout: 10000 });
    await quickInputBox(wb).fill('');
    await picture(WALKTHROUGH_DIR, 'bulk-update.png', [quickInput(wb)]);
    await quickInputBox(wb).press('Escape');
  });

  after(() => {
    for (const { file } of written) console.log(`      ${path.relative(repoRoot(), file)}: ${Math.round(fs.statSync(file).size / 1024)} KB`);
  });

  it('every picture is a PNG of sensible size', () => {
    assert.equal(written.length, 9);
    for (const { file, max } of written) {
      const bytes = fs.readFileSync(file);
      assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', file);
      assert.ok(bytes.length > 2048 && bytes.length <= max, `${path.basename(file)} is ${bytes.length} bytes (limit ${max})`);
    }
  });
});
