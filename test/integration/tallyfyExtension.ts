// Reaching the running extension from the sign-in and tree suites: its test API, its session and
// tree, and sign-in/sign-out driven through the real commands with scripted answers.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { SessionState } from '../../src/services';
import type { ExtensionServices } from '../../src/servicesImpl';
import type { TallyfyTestApi } from '../../src/testApi';
import { waitFor } from './helpers';
import type { ScriptedUi } from './scriptedUi';

export const EXTENSION_ID = 'guestbook-tools.tallyfy-guests';

export interface Extension {
  api: TallyfyTestApi;
  /** The services with their implementation's extra members (session context values, list, loader…). */
  services: ExtensionServices;
}

export async function extension(): Promise<Extension> {
  const ext = vscode.extensions.getExtension<TallyfyTestApi | undefined>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed`);
  const api = await ext.activate();
  assert.ok(api, 'activate() returned no test API: is TALLYFY_TEST=1 set in the extension host?');
  const services = api.services as ExtensionServices;
  await services.auth.ready;
  return { api, services };
}

export async function waitForState(services: ExtensionServices, state: SessionState, timeoutMs = 10000): Promise<void> {
  await waitFor(() => services.session.state === state, timeoutMs, `session state ${state} (now ${services.session.state})`);
}

/** Signs out through the command (whatever state the previous suite left). */
export async function signOut(services: ExtensionServices): Promise<void> {
  await vscode.commands.executeCommand('tallyfy.signOut');
  await waitForState(services, 'signedOut');
}

/** Signs in through the command, answering the token box; resolves once the first load settled. */
export async function signIn(services: ExtensionServices, ui: ScriptedUi, token: string): Promise<void> {
  ui.answerInput(token, /personal access token/);
  await vscode.commands.executeCommand('tallyfy.signIn');
}

export async function rootNodes(api: TallyfyTestApi): Promise<unknown[]> {
  return (await api.guestTree.getChildren()) ?? [];
}

export async function rootItems(api: TallyfyTestApi): Promise<vscode.TreeItem[]> {
  const nodes = await rootNodes(api);
  return Promise.all(nodes.map((n) => api.guestTree.getTreeItem(n)));
}

export function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('tallyfy').update(key, value, vscode.ConfigurationTarget.Global);
}
