// Wiring only: builds the services, the tree and the commands, and hands everything to
// context.subscriptions. No network and no awaited I/O here: the token read and the first load
// start on a resolved promise after activate() returns (activation is measured, target < 10 ms).
import * as vscode from 'vscode';
import { registerCommands } from './commands/registry';
import { installTranslator } from './common/l10n';
import { ExtensionServices } from './servicesImpl';
import type { TallyfyTestApi } from './testApi';
import { GUEST_DETAILS_SCHEME, GuestDetailsProvider } from './views/guestDetailsDocument';
import { editingFor, registerEditing } from './views/editing';
import { GuestTreeView } from './views/guestTreeView';

export function activate(context: vscode.ExtensionContext): TallyfyTestApi | undefined {
  const started = performance.now(); // activation time, read by the benchmark through the test API
  // The code that cannot import 'vscode' (model, bulk, editing) translates through this.
  installTranslator((message, args) => vscode.l10n.t(message, ...args));
  const log = vscode.window.createOutputChannel('Tallyfy', { log: true });
  const services = new ExtensionServices(context, log);
  const tree = new GuestTreeView(services);
  const details = new GuestDetailsProvider(services);
  context.subscriptions.push(
    log,
    services,
    tree,
    details,
    vscode.workspace.registerTextDocumentContentProvider(GUEST_DETAILS_SCHEME, details),
    ...registerCommands(services),
    ...registerEditing(services),
  );
  void Promise.resolve()
    .then(() => services.start())
    .catch((error: unknown) => log.error(`Start-up failed: ${error instanceof Error ? error.message : String(error)}`));
  if (process.env.TALLYFY_TEST !== '1') return undefined;
  return {
    services,
    guestTree: tree.provider as vscode.TreeDataProvider<unknown>,
    treeView: tree.treeView as vscode.TreeView<unknown>,
    editing: editingFor(services),
    activationMs: performance.now() - started,
  };
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
