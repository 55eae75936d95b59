// Language and getting started, inside the real VS Code: the manifest's %keys% are resolved from
// package.nls.json, the form's page and first message carry what the webview needs to speak the
// user's language, and the walkthrough command opens the contributed walkthrough.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import { ANA, lastPosted, openForm, useEditingFixture } from './editingSetup';

describe('Language and getting started', function () {
  this.timeout(40000);
  const fx = useEditingFixture();

  it('VS Code shows the manifest strings from package.nls.json, not the %keys%', () => {
    const manifest = vscode.extensions.getExtension('guestbook-tools.tallyfy-guests')?.packageJSON as {
      displayName: string;
      contributes: { commands: { command: string; title: string }[]; walkthroughs: { title: string; steps: { title: string }[] }[] };
    };
    assert.equal(manifest.displayName, 'Tallyfy Guests');
    const unresolved = manifest.contributes.commands.filter((c) => /^%.*%$/.test(c.title)).map((c) => c.command);
    assert.deepEqual(unresolved, []);
    assert.equal(manifest.contributes.commands.find((c) => c.command === 'tallyfy.signIn')?.title, 'Sign In');
    const walkthrough = manifest.contributes.walkthroughs[0];
    assert.equal(walkthrough.title, 'Get started with Tallyfy Guests');
    assert.deepEqual(walkthrough.steps.map((s) => s.title), [
      'Sign in with a personal access token', 'Find your organization id', 'Edit a guest', 'Quick update from the status bar', 'Bulk edit many guests',
    ]);
  });

  it('the form\'s page names VS Code\'s language, and its first message carries the translations (none in English)', async () => {
    const form = await openForm(fx, ANA);
    assert.match(form.panel.webview.html, new RegExp(`<html lang="${vscode.env.language}">`));
    await form.receive({ type: 'ready' });
    const init = lastPosted(form, 'init');
    assert.ok('l10n' in init, 'the init message has an l10n field');
    assert.deepEqual(init.l10n, vscode.l10n.bundle ?? null);
  });

  it('Tallyfy: Get Started opens the walkthrough', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('tallyfy.openWalkthrough');
    const deadline = Date.now() + 10000;
    let labels: string[] = [];
    while (Date.now() < deadline) {
      labels = vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => tab.label));
      if (labels.some((label) => /welcome|walkthrough|get started/i.test(label))) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(labels.some((label) => /welcome|walkthrough|get started/i.test(label)), `open tabs: ${JSON.stringify(labels)}`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
