// The status-bar entry "$(person) Tallyfy: <last guest>": one click (or Ctrl+K Ctrl+Alt+G) opens the
// quick update for the guest last opened or changed, or the guest picker when there is none.
// Hidden while signed out, when there is nothing it could do.
import * as vscode from 'vscode';
import type { Guest } from '../api/types';
import { Disposable } from '../common/lifecycle';
import { displayName } from '../model/guestDisplay';
import { singleLine } from '../model/text';
import { escapeIcons } from './iconText';
import type { Services, SessionState } from '../services';

export const STATUS_BAR_ITEM_ID = 'tallyfy.quickUpdate';
export const QUICK_UPDATE_LAST_GUEST_COMMAND = 'tallyfy.quickUpdateLastGuest';

const HIDDEN_IN: readonly SessionState[] = ['signedOut', 'noOrganization'];

export class GuestStatusBar extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem(STATUS_BAR_ITEM_ID, vscode.StatusBarAlignment.Left, 50));
  private visible = false;

  constructor(private readonly services: Services) {
    super();
    this.item.name = vscode.l10n.t('Tallyfy Quick Update');
    this.item.command = QUICK_UPDATE_LAST_GUEST_COMMAND;
    this._register(services.onDidChangeLastGuest(() => this.update()));
    this._register(services.session.onDidChangeState(() => this.update()));
    this.update();
  }

  /** For tests: what the item currently shows. */
  get view(): { text: string; tooltip: string; accessibilityLabel: string; visible: boolean } {
    return {
      text: this.item.text,
      tooltip: typeof this.item.tooltip === 'string' ? this.item.tooltip : '',
      accessibilityLabel: this.item.accessibilityInformation?.label ?? '',
      visible: this.visible,
    };
  }

  private update(): void {
    const guest: Guest | undefined = this.services.lastGuest;
    const name = guest ? singleLine(displayName(guest), 30) : undefined;
    this.item.text = name ? `$(person) Tallyfy: ${escapeIcons(name)}` : '$(person) Tallyfy';
    this.item.tooltip = guest
      ? vscode.l10n.t('Quick update {0} ({1})', singleLine(displayName(guest), 80), singleLine(guest.email, 80))
      : vscode.l10n.t('Quick update a Tallyfy guest');
    this.item.accessibilityInformation = {
      label: guest ? vscode.l10n.t('Tallyfy: quick update guest {0}', singleLine(displayName(guest), 80)) : vscode.l10n.t('Tallyfy: quick update a guest'),
      role: 'button',
    };
    this.visible = !HIDDEN_IN.includes(this.services.session.state);
    if (this.visible) this.item.show();
    else this.item.hide();
  }
}
