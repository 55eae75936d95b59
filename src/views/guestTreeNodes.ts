// The kinds of node in the guests tree and how each becomes a TreeItem. Guest nodes are kept per
// guest (by email) and mutated in place when the guest changes, so VS Code can refresh one row.
import * as vscode from 'vscode';
import type { Guest } from '../api/types';
import { guestTreeData } from '../model/guestList';
import { singleLine } from '../model/guestDisplay';

export class GuestNode {
  readonly kind = 'guest';
  /** The TreeItem last built for this guest; dropped when the guest changes. */
  item: vscode.TreeItem | undefined;
  constructor(
    /** guestKey(email): the store's key. */
    readonly key: string,
    public guest: Guest,
  ) {}
}

export class CompanyNode {
  readonly kind = 'company';
  constructor(
    readonly id: string,
    /** null for "No company". */
    readonly company: string | null,
    readonly children: GuestNode[],
  ) {}
}

/** The row at the end of the list while more pages are coming. */
export class LoadingNode {
  readonly kind = 'loading';
  constructor(
    readonly received: number,
    readonly total: number | null,
  ) {}
}

export type GuestTreeNode = GuestNode | CompanyNode | LoadingNode;

export function guestTreeItem(node: GuestNode): vscode.TreeItem {
  const data = guestTreeData(node.guest);
  const item = new vscode.TreeItem(data.label, vscode.TreeItemCollapsibleState.None);
  item.id = data.id;
  item.description = data.description;
  item.contextValue = data.contextValue;
  item.iconPath = new vscode.ThemeIcon(data.iconId);
  item.accessibilityInformation = {
    label: data.description ? `${data.label}, ${data.description}` : data.label,
    role: 'treeitem',
  };
  // The tooltip is left unset on purpose: VS Code then calls resolveTreeItem on hover, which
  // fetches the guest's stats first. Enter / double-click (and a click) open the edit form.
  item.command = { command: 'tallyfy.editGuest', title: vscode.l10n.t('Edit Guest'), arguments: [node] };
  return item;
}

export function companyTreeItem(node: CompanyNode): vscode.TreeItem {
  const label = node.company === null ? vscode.l10n.t('No company') : singleLine(node.company, 100) || vscode.l10n.t('No company');
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
  item.id = node.id;
  item.description = `${node.children.length}`;
  item.contextValue = 'company';
  item.iconPath = new vscode.ThemeIcon(node.company === null ? 'question' : 'organization');
  // A screen reader hears what the bare count means.
  const count = node.children.length;
  item.accessibilityInformation = {
    label: count === 1 ? vscode.l10n.t('{0}, {1} guest', label, count) : vscode.l10n.t('{0}, {1} guests', label, count),
    role: 'treeitem',
  };
  return item;
}

export function loadingTreeItem(node: LoadingNode): vscode.TreeItem {
  const item = new vscode.TreeItem(vscode.l10n.t('Loading more guests…'), vscode.TreeItemCollapsibleState.None);
  item.id = 'tallyfy.loading';
  item.description = node.total !== null ? vscode.l10n.t('{0} of {1}', node.received, node.total) : vscode.l10n.t('{0} so far', node.received);
  item.iconPath = new vscode.ThemeIcon('loading~spin');
  item.contextValue = 'loading';
  item.accessibilityInformation = { label: `${vscode.l10n.t('Loading more guests…')} ${item.description}`, role: 'treeitem' };
  return item;
}
