// Shared set-up of the editing suites: a sandbox, a signed-in extension, a scripted UI, and a way
// to drive a guest form the way its webview would (posting the same messages) and read back what
// the extension posted to it.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { Guest } from '../../src/api/types';
import { formValuesOf, type FormValues } from '../../src/editing/formValues';
import type { GuestFormPanel } from '../../src/views/guestForm/guestFormPanel';
import type { HostMessage } from '../../src/views/guestForm/messages';
import type { Editing } from '../../src/views/editing';
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox';
import { pointSettingsAt, waitFor } from './helpers';
import { useScriptedUi, type ScriptedUi } from './scriptedUi';
import { extension, signIn, signOut, waitForState, type Extension } from './tallyfyExtension';

export const ANA = 'ana+ops@client.test';
export const ANA_RAW_PATH_SUFFIX = '/guests/ana%2Bops%40client.test';

export interface EditingFixture {
  ext: Extension;
  editing: Editing;
  ui: ScriptedUi;
  sandbox: Sandbox;
}

/** Registers before/after hooks for one suite and returns the fixture (filled in by `before`). */
export function useEditingFixture(options: SandboxOptions = {}): EditingFixture {
  const fixture = {} as EditingFixture;
  let restoreUi: () => void;
  let restoreSettings: () => Promise<void>;
  before(async () => {
    fixture.ext = await extension();
    fixture.editing = fixture.ext.api.editing;
    ({ ui: fixture.ui, restore: restoreUi } = useScriptedUi(fixture.ext.services));
    await signOut(fixture.ext.services);
    fixture.sandbox = await startSandbox({ guests: 30, ...options });
    restoreSettings = await pointSettingsAt(fixture.sandbox);
    await signIn(fixture.ext.services, fixture.ui, fixture.sandbox.token);
    await waitForState(fixture.ext.services, 'ready');
  });
  beforeEach(async () => {
    closeAllForms(fixture.editing);
    fixture.sandbox.reset();
    if (options.putMode) fixture.sandbox.setPutMode(options.putMode);
    await fixture.ext.services.refresh();
    fixture.sandbox.clearRequests();
    fixture.ui.shown.length = 0;
    fixture.editing.lastUpdate = undefined;
  });
  after(async () => {
    closeAllForms(fixture.editing);
    await signOut(fixture.ext.services);
    restoreUi();
    await restoreSettings();
    await fixture.sandbox.close();
  });
  return fixture;
}

function closeAllForms(editing: Editing | undefined): void {
  for (const form of editing?.forms.all() ?? []) form.closeWithoutDraft();
}

export function storeGuest(fixture: EditingFixture, email: string): Guest {
  const guest = fixture.ext.services.store.get(email);
  assert.ok(guest, `${email} is not in the store`);
  return guest;
}

/** Opens the guest's form through the command, as a click in the tree would. */
export async function openForm(fixture: EditingFixture, email: string): Promise<GuestFormPanel> {
  await vscode.commands.executeCommand('tallyfy.editGuest', email);
  const form = fixture.editing.forms.get(email);
  assert.ok(form, `no form open for ${email}`);
  return form;
}

/** What the webview would post on Save: every field's text, with some changed. */
export function formText(guest: Guest, changes: FormValues): FormValues {
  return { ...formValuesOf(guest), ...changes };
}

export type ResultMessage = Extract<HostMessage, { type: 'result' }>;
export type InitMessage = Extract<HostMessage, { type: 'init' }>;

export function lastPosted<T extends HostMessage['type']>(form: GuestFormPanel, type: T): Extract<HostMessage, { type: T }> {
  const message = [...form.posted].reverse().find((m) => m.type === type);
  assert.ok(message, `the form was never sent a "${type}" message; sent: ${form.posted.map((m) => m.type).join(', ')}`);
  return message as Extract<HostMessage, { type: T }>;
}

/** Posts Save as the webview would and returns the result message it got back. */
export async function saveForm(form: GuestFormPanel, values: FormValues): Promise<ResultMessage> {
  const before = form.posted.length;
  await form.receive({ type: 'save', values });
  const result = form.posted.slice(before).reverse().find((m): m is ResultMessage => m.type === 'result');
  assert.ok(result, `Save produced no result; sent: ${form.posted.slice(before).map((m) => m.type).join(', ')}`);
  return result;
}

export function puts(sandbox: Sandbox) {
  return sandbox.requests.filter((r) => r.method === 'PUT');
}

export { waitFor };
