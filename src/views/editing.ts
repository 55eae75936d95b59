// Everything long-lived of guest editing: the open forms and their drafts, the last update (for
// undo), the status-bar item and the form's panel serializer. Commands reach it with
// editingFor(services); extension.ts registers it with registerEditing(services).
import * as vscode from 'vscode';
import { Disposable } from '../common/lifecycle';
import type { UndoRecord } from '../editing/undo';
import type { Services } from '../services';
import { GuestFormManager } from './guestForm/guestFormManager';
import { GUEST_FORM_VIEW_TYPE } from './guestForm/messages';
import { onDidShowProgressMessage } from './progress';
import type { QuickUpdateContext } from './quickUpdate/quickUpdateFlow';
import { GuestStatusBar } from './statusBar';

const PROGRESS_MESSAGES_KEPT = 100;

export class Editing extends Disposable {
  readonly forms: GuestFormManager;
  /** The last successful single-guest update, which "Undo Last Guest Update" reverts (one level). */
  lastUpdate: UndoRecord | undefined;
  /** Progress messages shown (e.g. rate-limit waits), newest last; the tests read them. */
  readonly progressMessages: string[] = [];
  statusBar: GuestStatusBar | undefined;

  constructor(readonly services: Services) {
    super();
    this.forms = this._register(new GuestFormManager(services, (record) => this.recordUndo(record)));
    this._register(onDidShowProgressMessage((message) => {
      this.progressMessages.push(message);
      if (this.progressMessages.length > PROGRESS_MESSAGES_KEPT) this.progressMessages.shift();
    }));
    // Drafts and the undo record hold guests' personal data: signing out forgets them.
    this._register(services.session.onDidChangeState((state) => {
      if (state !== 'signedOut') return;
      this.lastUpdate = undefined;
      void this.forms.drafts.clear();
    }));
  }

  recordUndo(record: UndoRecord): void {
    this.lastUpdate = record;
  }

  get quickUpdate(): QuickUpdateContext {
    return { services: this.services, recordUndo: (record) => this.recordUndo(record) };
  }
}

const editingByServices = new WeakMap<Services, Editing>();

export function editingFor(services: Services): Editing {
  let editing = editingByServices.get(services);
  if (!editing) {
    editing = new Editing(services);
    editingByServices.set(services, editing);
  }
  return editing;
}

export function registerEditing(services: Services): vscode.Disposable[] {
  const editing = editingFor(services);
  const statusBar = new GuestStatusBar(services);
  editing.statusBar = statusBar;
  return [
    editing,
    statusBar,
    vscode.window.registerWebviewPanelSerializer(GUEST_FORM_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => editing.forms.revive(panel, state),
    }),
  ];
}
