// The open guest forms: at most one per guest (opening it again re-focuses it) and one create
// form. Restores forms after a window reload (through the panel serializer) and kept drafts.
import * as vscode from 'vscode';
import type { Guest } from '../../api/types';
import { Disposable } from '../../common/lifecycle';
import { EMPTY_FIELDS, pickFields } from '../../editing/formValues';
import type { UndoRecord } from '../../editing/undo';
import type { Services } from '../../services';
import { guestKey } from '../../state/guestStore';
import { CREATE_FORM_KEY, DraftStore, formKey } from './draftStore';
import { GuestFormPanel, webviewOptions, type PanelHost } from './guestFormPanel';
import { GUEST_FORM_VIEW_TYPE, parsePersistedState, type Notice, type PersistedFormState } from './messages';

function restoredNotice(): Notice {
  return { severity: 'info', text: vscode.l10n.t('Restored your unsaved changes. Save sends them to Tallyfy; Discard Changes drops them.') };
}

export class GuestFormManager extends Disposable {
  private readonly panels = new Map<string, GuestFormPanel>();
  readonly drafts: DraftStore;
  private readonly host: PanelHost;
  private closing = false;

  constructor(private readonly services: Services, recordUndo: (record: UndoRecord) => void) {
    super();
    this.drafts = new DraftStore(services.context.workspaceState);
    const isClosing = (): boolean => this.closing;
    this.host = {
      services,
      drafts: this.drafts,
      extensionUri: services.context.extensionUri,
      recordUndo,
      restoreDraft: (key) => void this.restoreDraft(key),
      get shuttingDown() {
        return isClosing();
      },
    };
  }

  /** The edit form of this guest (focused if already open; with its kept draft if there is one). */
  async openEdit(guest: Guest): Promise<GuestFormPanel> {
    this.services.lastGuest = guest;
    const key = guestKey(guest.email);
    const open = this.panels.get(key);
    if (open) {
      open.reveal();
      return open;
    }
    const draft = await this.drafts.take(key);
    const state: PersistedFormState = draft ?? {
      mode: 'edit', email: guest.email, base: pickFields(guest), baseUpdatedAt: guest.updated_at ?? null, draft: null,
    };
    return this.createPanel(state, draft ? restoredNotice() : null);
  }

  async openCreate(): Promise<GuestFormPanel> {
    const open = this.panels.get(CREATE_FORM_KEY);
    if (open) {
      open.reveal();
      return open;
    }
    const draft = await this.drafts.take(CREATE_FORM_KEY);
    const state: PersistedFormState = draft ?? { mode: 'create', email: '', base: EMPTY_FIELDS, baseUpdatedAt: null, draft: null };
    return this.createPanel(state, draft ? restoredNotice() : null);
  }

  async restoreDraft(key: string): Promise<GuestFormPanel | undefined> {
    const open = this.panels.get(key);
    if (open) {
      open.reveal();
      return open;
    }
    const draft = await this.drafts.take(key);
    return draft ? this.createPanel(draft, restoredNotice()) : undefined;
  }

  /** A panel VS Code restored after a reload, with the state its webview had saved. */
  revive(panel: vscode.WebviewPanel, rawState: unknown): void {
    const parsed = parsePersistedState(rawState);
    if (!parsed.ok) {
      this.services.log.warn(`Guest form: could not restore a form after the reload (${parsed.reason}); it was closed.`);
      panel.dispose();
      return;
    }
    const key = formKey(parsed.value);
    if (this.panels.has(key)) {
      panel.dispose();
      return;
    }
    // The draft kept while typing is at least as new as the webview's own saved state.
    const kept = this.drafts.get(key);
    this.adopt(panel, kept ?? parsed.value, null).becomeLastGuest();
  }

  get(email: string): GuestFormPanel | undefined {
    return this.panels.get(guestKey(email));
  }

  getCreateForm(): GuestFormPanel | undefined {
    return this.panels.get(CREATE_FORM_KEY);
  }

  all(): GuestFormPanel[] {
    return [...this.panels.values()];
  }

  /** Closes the form of a guest that no longer exists; its draft is not kept. */
  closeDeleted(email: string): void {
    this.panels.get(guestKey(email))?.closeWithoutDraft();
  }

  private createPanel(state: PersistedFormState, notice: Notice | null): GuestFormPanel {
    const panel = vscode.window.createWebviewPanel(
      GUEST_FORM_VIEW_TYPE,
      vscode.l10n.t('Guest'),
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
      webviewOptions(this.services.context.extensionUri),
    );
    return this.adopt(panel, state, notice);
  }

  private adopt(panel: vscode.WebviewPanel, state: PersistedFormState, notice: Notice | null): GuestFormPanel {
    const form = new GuestFormPanel(this.host, panel, state, notice);
    this.panels.set(form.key, form);
    form.onDidDisposePanel(() => {
      if (this.panels.get(form.key) === form) this.panels.delete(form.key);
    });
    form.onDidChangeKey((oldKey) => {
      if (this.panels.get(oldKey) === form) this.panels.delete(oldKey);
      if (!this.panels.has(form.key)) this.panels.set(form.key, form);
    });
    return form;
  }

  /** On deactivation the panels stay open: VS Code restores them through the serializer. */
  override dispose(): void {
    this.closing = true;
    for (const form of this.panels.values()) form.dispose();
    this.panels.clear();
    super.dispose();
  }
}
