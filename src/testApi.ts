// What activate() returns when the integration tests run it (process.env.TALLYFY_TEST === '1'):
// handles on the live objects, so a test can drive and inspect the real extension.
import type * as vscode from 'vscode';
import type { Services } from './services';
import type { Editing } from './views/editing';

export interface TallyfyTestApi {
  services: Services;
  guestTree: vscode.TreeDataProvider<unknown>;
  treeView: vscode.TreeView<unknown>;
  /** Guest editing: open forms (post webview messages, read what was posted back), undo record, status bar. */
  editing: Editing;
  /** Milliseconds activate() took (performance.now() around its body), for `npm run bench`. */
  activationMs: number;
}
