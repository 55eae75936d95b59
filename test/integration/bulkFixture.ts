// Shared set-up of the bulk, groups, lifecycle and CSV suites: a sandbox, the extension signed in
// to it with its guests loaded, a scripted UI, and helpers to read what a bulk command reported.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { Guest } from '../../src/api/types';
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox';
import { pointSettingsAt } from './helpers';
import { useScriptedUi, type ScriptedUi } from './scriptedUi';
import { extension, setSetting, signIn, signOut, waitForState, type Extension } from './tallyfyExtension';

export interface BulkFixture {
  ext: Extension;
  ui: ScriptedUi;
  sandbox: Sandbox;
}

/** Registers before/after hooks for one suite; the fixture is filled in by `before`. */
export function useBulkFixture(options: SandboxOptions = {}): BulkFixture {
  const fixture = {} as BulkFixture;
  let restoreUi: () => void;
  let restoreSettings: () => Promise<void>;
  before(async () => {
    fixture.ext = await extension();
    ({ ui: fixture.ui, restore: restoreUi } = useScriptedUi(fixture.ext.services));
    await signOut(fixture.ext.services);
    fixture.sandbox = await startSandbox({ guests: 30, ...options });
    restoreSettings = await pointSettingsAt(fixture.sandbox);
    await setSetting('pageSize', 100);
    await signIn(fixture.ext.services, fixture.ui, fixture.sandbox.token);
    await waitForState(fixture.ext.services, 'ready');
  });
  beforeEach(async () => {
    fixture.sandbox.reset();
    await fixture.ext.services.refresh();
    fixture.sandbox.clearRequests();
    fixture.ui.shown.length = 0;
  });
  after(async () => {
    await signOut(fixture.ext.services);
    await setSetting('pageSize', undefined);
    restoreUi();
    await restoreSettings();
    await fixture.sandbox.close();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  return fixture;
}

export function storeGuest(fx: BulkFixture, email: string): Guest {
  const guest = fx.ext.services.store.get(email);
  assert.ok(guest, `${email} is not in the store`);
  return guest;
}

/** The text of the newest open bulk report (or import preview) whose text matches. */
export function reportText(match: RegExp): string {
  const docs = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'tallyfy-bulk-report' && match.test(d.getText()));
  assert.ok(docs.length > 0, `no open report matches ${match}`);
  return docs[docs.length - 1].getText();
}

/** Emails of the guests a list of PUT requests was sent to (decoded from the path). */
export function putEmails(fx: BulkFixture, filter: (path: string) => boolean = () => true): string[] {
  return fx.sandbox.requests
    .filter((r) => r.method === 'PUT' && /\/guests\/[^/]+$/.test(r.path) && filter(r.path))
    .map((r) => r.path.split('/').pop()!.toLowerCase())
    .sort();
}
