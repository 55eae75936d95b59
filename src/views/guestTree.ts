// The guests tree: the store's guests, sorted and optionally grouped by company, plus a
// "Loading…" row while pages arrive. Nodes and TreeItems are cached per guest; a change to one
// guest refreshes only its row unless it moves (its sort or group key changed).
import * as vscode from 'vscode';
import type { Guest, GuestStats } from '../api/types';
import { Disposable } from '../common/lifecycle';
import { fullName, guestDescription, guestTooltipMarkdown } from '../model/guestDisplay';
import { groupByCompany, sortGuests } from '../model/guestList';
import type { ExtensionServices } from '../servicesImpl';
import { readSettings } from '../session/settings';
import { guestKey, type GuestStoreChange } from '../state/guestStore';
import { showError } from './showError';
import { SHOW_DISABLED_SETTING, showDisabledGuests, visibleGuests } from './disabledGuests';
import { AuthError, CancelledError } from '../api/errors';
import { CompanyNode, GuestNode, LoadingNode, companyTreeItem, guestTreeItem, loadingTreeItem, type GuestTreeNode } from './guestTreeNodes';

export class GuestTreeProvider extends Disposable implements vscode.TreeDataProvider<GuestTreeNode> {
  private readonly changeEmitter = this._register(new vscode.EventEmitter<GuestTreeNode | undefined>());
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly nodes = new Map<string, GuestNode>();
  /** Stats fetched on hover, per guest key (the list endpoint is called without with=stats). */
  private readonly stats = new Map<string, Promise<GuestStats | undefined>>();
  /** Top-level nodes in display order; rebuilt lazily after a change that can reorder them. */
  private roots: (GuestNode | CompanyNode)[] | undefined;
  private companyOf = new Map<string, CompanyNode>();
  private loadingNode: LoadingNode | undefined;

  constructor(private readonly services: ExtensionServices) {
    super();
    this._register(services.store.onDidChange((change) => this.onStoreChange(change)));
    this._register(services.session.onDidChangeState(() => this.refreshAll()));
    this._register(
      services.loader.onDidChangeProgress((progress) => {
        this.loadingNode = progress.loading ? new LoadingNode(progress.received, progress.total) : undefined;
        this.changeEmitter.fire(undefined);
      }),
    );
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('tallyfy.sortBy') || event.affectsConfiguration('tallyfy.groupByCompany') || event.affectsConfiguration(SHOW_DISABLED_SETTING)) this.refreshAll();
      }),
    );
  }

  getChildren(element?: GuestTreeNode): GuestTreeNode[] {
    if (element) return element instanceof CompanyNode ? element.children : [];
    const state = this.services.session.state;
    if (state === 'signedOut') return [];
    const roots: GuestTreeNode[] = [...this.orderedRoots()];
    if (this.loadingNode && roots.length > 0) roots.push(this.loadingNode);
    return roots;
  }

  getParent(element: GuestTreeNode): GuestTreeNode | undefined {
    if (element instanceof GuestNode) {
      this.orderedRoots();
      return this.companyOf.get(element.key);
    }
    return undefined;
  }

  getTreeItem(element: GuestTreeNode): vscode.TreeItem {
    if (element instanceof GuestNode) return (element.item ??= guestTreeItem(element));
    if (element instanceof CompanyNode) return companyTreeItem(element);
    return loadingTreeItem(element);
  }

  async resolveTreeItem(item: vscode.TreeItem, element: GuestTreeNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    if (!(element instanceof GuestNode)) return item;
    const stats = await this.statsFor(element, token);
    const tooltip = new vscode.MarkdownString(guestTooltipMarkdown(stats ? { ...element.guest, stats } : element.guest));
    tooltip.supportHtml = false;
    tooltip.isTrusted = false;
    item.tooltip = tooltip;
    return item;
  }

  /** The node of a guest, if the tree shows it (tests and reveal use it). */
  nodeFor(email: string): GuestNode | undefined {
    this.orderedRoots();
    return this.nodes.get(guestKey(email));
  }

  private statsFor(node: GuestNode, token: vscode.CancellationToken): Promise<GuestStats | undefined> {
    if (node.guest.stats) return Promise.resolve(node.guest.stats);
    let pending = this.stats.get(node.key);
    if (!pending) {
      const abort = new AbortController();
      const cancel = token.onCancellationRequested(() => abort.abort());
      pending = this.fetchStats(node.guest.email, abort.signal).finally(() => cancel.dispose());
      this.stats.set(node.key, pending);
    }
    return pending;
  }

  private async fetchStats(email: string, signal: AbortSignal): Promise<GuestStats | undefined> {
    try {
      return (await this.services.client().getGuest(email, { withStats: true }, { signal })).stats;
    } catch (error) {
      this.stats.delete(guestKey(email));
      if (error instanceof AuthError) void showError(this.services, error);
      else if (!(error instanceof CancelledError)) this.services.log.warn(`Could not load the stats of ${email}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  private orderedRoots(): (GuestNode | CompanyNode)[] {
    if (this.roots) return this.roots;
    const settings = readSettings();
    const sorted = sortGuests(visibleGuests(this.services.store.all()), settings.sortBy).map((guest) => this.nodeOf(guest));
    this.companyOf = new Map();
    if (!settings.groupByCompany) {
      this.roots = sorted;
      return this.roots;
    }
    const byEmail = new Map(sorted.map((node) => [node.guest, node]));
    this.roots = groupByCompany(sorted.map((node) => node.guest)).map((group) => {
      const children = group.guests.map((g) => byEmail.get(g) as GuestNode);
      const node = new CompanyNode(`company:${group.company?.toLowerCase() ?? ''}`, group.company, children);
      for (const child of children) this.companyOf.set(child.key, node);
      return node;
    });
    return this.roots;
  }

  private nodeOf(guest: Guest): GuestNode {
    const key = guestKey(guest.email);
    let node = this.nodes.get(key);
    if (!node) {
      node = new GuestNode(key, guest);
      this.nodes.set(key, node);
    } else if (node.guest !== guest) {
      node.guest = guest;
      node.item = undefined;
    }
    return node;
  }

  private onStoreChange(change: GuestStoreChange): void {
    if (change.kind === 'reset') {
      this.nodes.clear();
      this.stats.clear();
      this.refreshAll();
      return;
    }
    if (change.kind === 'removed') {
      for (const email of change.emails) {
        this.nodes.delete(guestKey(email));
        this.stats.delete(guestKey(email));
      }
      this.refreshAll();
      return;
    }
    if (change.kind === 'updated') {
      const settings = readSettings();
      const inPlace = change.guests.every((guest) => {
        const node = this.nodes.get(guestKey(guest.email));
        return node !== undefined && this.roots !== undefined && orderKey(node.guest, settings) === orderKey(guest, settings);
      });
      if (inPlace) {
        for (const guest of change.guests) {
          const node = this.nodes.get(guestKey(guest.email)) as GuestNode;
          node.guest = guest;
          node.item = undefined;
          this.stats.delete(node.key);
          this.changeEmitter.fire(node);
        }
        return;
      }
    }
    for (const guest of change.guests) this.stats.delete(guestKey(guest.email));
    this.refreshAll();
  }

  private refreshAll(): void {
    this.roots = undefined;
    this.changeEmitter.fire(undefined);
  }
}

/** What decides a guest's place in the tree (sortGuests' keys and the company group): if it is unchanged, the row stays put. */
function orderKey(guest: Guest, settings: { sortBy: string; groupByCompany: boolean }): string {
  const parts = [fullName(guest), guest.email];
  if (!showDisabledGuests()) parts.push(guest.status); // a guest being disabled must leave the tree
  if (settings.sortBy === 'company' || settings.groupByCompany) parts.push(guestDescription(guest));
  if (settings.sortBy === 'created') parts.push(guest.created_at ?? '');
  if (settings.sortBy === 'lastAccess') parts.push(guest.last_accessed_at ?? '');
  return JSON.stringify(parts);
}
