// The TreeView around GuestTreeProvider: multi-select, the guest count (view description and badge),
// and the message line above the tree (active filter, stale list, paused requests).
import * as vscode from 'vscode';
import { Disposable } from '../common/lifecycle';
import type { ExtensionServices } from '../servicesImpl';
import { GUESTS_VIEW_ID } from '../session/guestList';
import { SHOW_DISABLED_SETTING, showDisabledGuests, visibleGuests } from './disabledGuests';
import { GuestTreeProvider } from './guestTree';
import type { GuestTreeNode } from './guestTreeNodes';

export class GuestTreeView extends Disposable {
  readonly provider: GuestTreeProvider;
  readonly treeView: vscode.TreeView<GuestTreeNode>;

  constructor(private readonly services: ExtensionServices) {
    super();
    this.provider = this._register(new GuestTreeProvider(services));
    this.treeView = this._register(
      vscode.window.createTreeView(GUESTS_VIEW_ID, { treeDataProvider: this.provider, canSelectMany: true, showCollapseAll: true }),
    );
    const update = () => this.update();
    this._register(services.store.onDidChange(update));
    this._register(services.session.onDidChangeState(update));
    this._register(services.session.onDidChangeFilter(update));
    this._register(services.list.onDidChangeStatus(update));
    this._register(vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration(SHOW_DISABLED_SETTING) && update()));
  }

  private update(): void {
    const { session, store } = this.services;
    const shown = session.state === 'signedOut' ? 0 : showDisabledGuests() ? store.size : visibleGuests(store.all()).length;
    const count = session.filter !== undefined ? vscode.l10n.t('{0} matching', shown) : shown === 1 ? vscode.l10n.t('{0} guest', shown) : vscode.l10n.t('{0} guests', shown);
    this.treeView.description = shown === 0 ? undefined : count;
    // A view alone in its container shows no description, so the count also goes on the badge.
    this.treeView.badge = shown === 0 ? undefined : { value: shown, tooltip: session.filter !== undefined ? vscode.l10n.t('{0} "{1}"', count, session.filter) : count };
    this.treeView.message = treeMessage(this.services, shown);
  }
}

/** The line above the tree; undefined when there is nothing to say. */
export function treeMessage(services: ExtensionServices, shown: number): string | undefined {
  if (services.session.state === 'signedOut') return undefined;
  const { filter } = services.session;
  const status = services.list.status;
  const lines: string[] = [];
  if (status.paused) {
    lines.push(vscode.l10n.t('Requests to Tallyfy are paused until you confirm the new tallyfy.apiBaseUrl (Refresh asks again) or change it back.'));
  } else if (status.staleSince !== undefined && shown > 0) {
    const when = new Date(status.staleSince).toLocaleString();
    lines.push(status.failure ? vscode.l10n.t('Stale: showing guests saved {0}. {1}', when, status.failure) : vscode.l10n.t('Showing guests saved {0} while the list loads…', when));
  }
  if (filter !== undefined) {
    const loading = services.session.state === 'loading';
    lines.push(shown === 0 && !loading ? vscode.l10n.t('No guests match the filter "{0}".', filter) : vscode.l10n.t('Filter: "{0}" (email on Tallyfy; name, email and company in the loaded list).', filter));
  }
  return lines.length > 0 ? lines.join(' ') : undefined;
}
