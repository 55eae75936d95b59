// The smallest UI check, independent of any feature: VS Code loads in Chromium with the packaged
// extension installed (and enabled), pointed at a sandbox, and a screenshot is saved.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { useWorkbench } from './harness';

const EXTENSION_ID = 'guestbook-tools.tallyfy-guests';

describe('Workbench with the packaged extension', () => {
  const wb = useWorkbench();

  it('loads the workbench', async () => {
    await wb.page.locator('.part.activitybar').waitFor();
    await wb.page.locator('.part.statusbar').waitFor();
    assert.match(await wb.page.title(), /workspace/);
  });

  it('has the .vsix installed in its extensions folder', () => {
    const installed = fs.readdirSync(wb.profile.extensionsDir).filter((name) => name.startsWith(`${EXTENSION_ID}-`));
    assert.equal(installed.length, 1, `expected one ${EXTENSION_ID}-<version> folder, found: ${installed.join(', ') || 'none'}`);
    const manifest = JSON.parse(fs.readFileSync(path.join(wb.profile.extensionsDir, installed[0], 'package.json'), 'utf8')) as { main?: string };
    assert.ok(manifest.main, 'the packaged manifest names a main entry');
    assert.ok(fs.existsSync(path.join(wb.profile.extensionsDir, installed[0], manifest.main)), `${manifest.main} is in the package`);
  });

  it('lists the extension as installed in the Extensions view', async () => {
    await wb.runCommand('Extensions: Show Installed Extensions');
    const row = wb.page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Tallyfy Guests' });
    await row.first().waitFor({ timeout: 20000 });
  });

  it('saves a screenshot', async () => {
    const file = await wb.screenshot('workbench-loaded');
    assert.ok(fs.statSync(file).size > 10000, `${file} looks empty`);
  });
});
