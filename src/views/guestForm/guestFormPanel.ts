// One guest form: a webview panel plus the state the extension keeps for it (what the form
// started from, the latest draft). Messages from the webview are checked before use; everything
// posted back is also kept in `posted` so the integration tests can read what the form was told.
import * as vscode from 'vscode';
import type { Guest } from '../../api/types';
import { Disposable, Emitter } from '../../common/lifecycle';
import type { UndoRecord } from '../../editing/undo';
import { editBaseOf, findConflict } from '../../editing/conflict';
import { parseFormValues, type FormValues } from '../../editing/formValues';
import { diffGuest } from '../../model/diff';
import { displayName } from '../../model/guestDisplay';
import { singleLine } from '../../model/text';
import type { Services } from '../../services';
import { guestKey } from '../../state/guestStore';
import type { DraftStore } from './draftStore';
import { formKey } from './draftStore';
import { saveCreateForm, saveEditForm, type FormContext, type FormOutcome, type FormState } from './formSave';
import { guestFormHtml, guestFormResourceRoots } from './html';
import { parseWebviewMessage, type HostMessage, type Notice, type PersistedFormState } from './messages';

export interface PanelHost {
  services: Services;
  drafts: DraftStore;
  extensionUri: vscode.Uri;
  recordUndo(record: UndoRecord): void;
  /** "Restore Draft" was chosen after a dirty form was closed. */
  restoreDraft(key: string): void;
  /** True while the extension is shutting down: panels are then left for VS Code to restore. */
  readonly shuttingDown: boolean;
}

const POSTED_KEPT = 200;
const PERSIST_DELAY_MS = 300;
export const RESTORE_DRAFT = (): string => vscode.l10n.t('Restore Draft');

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: guestFormResourceRoots(extensionUri) };
}

export class GuestFormPanel extends Disposable {
  private state: FormState;
  private draft: FormValues | null;
  private label: string;
  private saving = false;
  private persistTimer: ReturnType<typeof setTimeout> | undefined;
  private discarded = false;
  private pendingNotice: Notice | null;
  /** Messages posted to the webview, newest last (at most POSTED_KEPT). */
  readonly posted: HostMessage[] = [];
  /** Messages from the webview that were ignored because of their shape, with the reason. */
  readonly ignored: string[] = [];
  private readonly disposedEmitter = this._register(new Emitter<void>());
  readonly onDidDisposePanel = this.disposedEmitter.event;
  private readonly keyChangedEmitter = this._register(new Emitter<string>());
  /** Fires with the old key when a create form becomes the edit form of the new guest. */
  readonly onDidChangeKey = this.keyChangedEmitter.event;

  constructor(
    private readonly host: PanelHost,
    readonly panel: vscode.WebviewPanel,
    initial: PersistedFormState,
    notice: Notice | null = null,
  ) {
    super();
    this.state = { mode: initial.mode, email: initial.email, base: { fields: initial.base, updatedAt: initial.baseUpdatedAt } };
    this.draft = initial.draft;
    this.pendingNotice = notice;
    this.label = this.labelFor(initial);
    panel.webview.options = webviewOptions(host.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(host.extensionUri, 'media', 'tallyfy.svg');
    this.updateTitle();
    this._register(panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)));
    this._register(panel.onDidDispose(() => this.onPanelClosed()));
    // Focusing a guest's form makes it the status bar's "last guest".
    this._register(panel.onDidChangeViewState(({ webviewPanel }) => {
      if (webviewPanel.active) this.becomeLastGuest();
    }));
    this._register(host.services.store.onDidChange((change) => {
      if (change.kind === 'updated') {
        const guest = change.guests.find((g) => guestKey(g.email) === this.key);
        if (guest) this.followServer(guest);
      }
    }));
    panel.webview.html = guestFormHtml(panel.webview, host.extensionUri);
  }

  get key(): string {
    return formKey(this.state);
  }

  get mode(): FormState['mode'] {
    return this.state.mode;
  }

  get email(): string {
    return this.state.email;
  }

  /** The form's state as the webview persists it (and as a kept draft is stored). */
  snapshot(): PersistedFormState {
    return { mode: this.state.mode, email: this.state.email, base: this.state.base.fields, baseUpdatedAt: this.state.base.updatedAt, draft: this.draft };
  }

  isDirty(): boolean {
    if (this.draft === null) return false;
    const parsed = parseFormValues(this.draft, this.state.base.fields, this.state.mode === 'create');
    if (!parsed.ok) return true;
    if (this.state.mode === 'create') return Object.values(this.draft).some((text) => (text ?? '').trim() !== '');
    return Object.keys(diffGuest(this.state.base.fields, parsed.fields)).length > 0;
  }

  /** Makes this form's guest the last guest, if the store knows it (it may still be loading after a reload). */
  becomeLastGuest(): void {
    const guest = this.state.mode === 'edit' ? this.host.services.store.get(this.state.email) : undefined;
    if (guest && this.host.services.lastGuest !== guest) this.host.services.lastGuest = guest;
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** Handles one message exactly as it came from the webview. Resolves when it has been dealt with. */
  async receive(raw: unknown): Promise<void> {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.ignored.push(parsed.reason);
      this.host.services.log.warn(`Guest form: ignored a message from the webview (${parsed.reason}).`);
      return;
    }
    const message = parsed.value;
    switch (message.type) {
      case 'ready':
        this.postInit();
        if (this.saving) this.post({ type: 'busy', busy: true });
        return;
      case 'draft':
        this.draft = message.values;
        this.schedulePersist();
        return;
      case 'save':
        this.draft = message.values;
        await this.save(message.values);
        return;
    }
  }

  private postInit(): void {
    const { mode, email, base } = this.state;
    const l10n = vscode.l10n.bundle ?? null;
    this.post({ type: 'init', mode, email, base: base.fields, baseUpdatedAt: base.updatedAt, draft: this.draft, notice: this.pendingNotice, l10n });
  }

  /** Resolves when the running save (if any) has finished; a Retry waits for it. */
  private running: Promise<void> = Promise.resolve();

  private save(values: FormValues): Promise<void> {
    if (this.saving) {
      this.host.services.log.info('Guest form: a save is already running; ignored another.');
      return this.running;
    }
    this.running = this.runSave(values);
    return this.running;
  }

  private async runSave(values: FormValues): Promise<void> {
    this.saving = true;
    this.post({ type: 'busy', busy: true });
    let outcome: FormOutcome;
    try {
      const context = this.formContext(values);
      outcome = this.state.mode === 'create' ? await saveCreateForm(context, this.state, values) : await saveEditForm(context, this.state, values);
    } finally {
      this.saving = false;
    }
    this.apply(outcome);
  }

  /** Keeps a dirty draft in workspaceState (and drops a clean one) shortly after typing stops. */
  private schedulePersist(): void {
    clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => void this.persistDraft(), PERSIST_DELAY_MS);
  }

  private async persistDraft(): Promise<void> {
    this.persistTimer = undefined;
    // Signed out (sign-out or a 401): drafts are personal data and sign-out dropped the kept ones;
    // a form still open keeps its text in memory only, so the user can sign in again and save.
    if (this.host.services.session.state === 'signedOut') return;
    if (this.isDirty()) await this.host.drafts.set(this.snapshot());
    else await this.host.drafts.delete(this.key);
  }

  private formContext(values: FormValues): FormContext {
    return {
      services: this.host.services,
      label: this.label,
      recordUndo: (record) => this.host.recordUndo(record),
      // showError offers Retry while this save is still finishing: run it once that one is done.
      retry: () => void this.running.then(() => this.save(values)),
    };
  }

  private apply(outcome: FormOutcome): void {
    const oldKey = this.key;
    const wasCreate = this.state.mode === 'create';
    if (outcome.state) this.state = outcome.state;
    if (outcome.result.draft) this.draft = outcome.result.draft;
    if (outcome.guest) this.label = this.labelFor(outcome.guest);
    this.updateTitle();
    this.schedulePersist();
    if (wasCreate && this.state.mode === 'edit') {
      void this.host.drafts.delete(oldKey);
      this.draft = null;
      this.pendingNotice = outcome.result.notice;
      this.postInit();
      this.keyChangedEmitter.fire(oldKey);
      return;
    }
    this.post(outcome.result);
  }

  /** Someone else's write (quick update, undo, a refresh) reached the store: an untouched form follows it. */
  private followServer(guest: Guest): void {
    if (this.saving || this.isDirty() || this.state.mode !== 'edit') return;
    if (!findConflict(this.state.base, guest)) return;
    this.state = { ...this.state, base: editBaseOf(guest) };
    this.draft = null;
    this.pendingNotice = { severity: 'info', text: vscode.l10n.t('This guest was just changed; the form shows the new values from Tallyfy.') };
    this.label = this.labelFor(guest);
    this.updateTitle();
    this.postInit();
  }

  private post(message: HostMessage): void {
    this.posted.push(message);
    if (this.posted.length > POSTED_KEPT) this.posted.splice(0, this.posted.length - POSTED_KEPT);
    void this.panel.webview.postMessage(message);
  }

  private labelFor(source: PersistedFormState | Guest): string {
    if ('mode' in source && source.mode === 'create') return vscode.l10n.t('New Guest');
    const guest = 'mode' in source ? ({ ...source.base, email: source.email } as unknown as Guest) : source;
    return singleLine(displayName(guest), 60);
  }

  private updateTitle(): void {
    this.panel.title = this.state.mode === 'create' ? vscode.l10n.t('New Guest') : this.label;
  }

  /** Closes the panel without keeping a draft (the guest was deleted). */
  closeWithoutDraft(): void {
    this.discarded = true;
    this.panel.dispose();
  }

  /** On deactivation a pending draft is still written, for the panel VS Code restores. */
  override dispose(): void {
    if (this.persistTimer !== undefined && !this.isDisposed) {
      clearTimeout(this.persistTimer);
      void this.persistDraft();
    }
    super.dispose();
  }

  private onPanelClosed(): void {
    clearTimeout(this.persistTimer);
    this.persistTimer = undefined;
    if (this.host.shuttingDown) {
      // Leave the kept draft for the panel VS Code restores.
    } else if (this.discarded || !this.isDirty() || this.host.services.session.state === 'signedOut') {
      void this.host.drafts.delete(this.key);
    } else {
      const draft = this.snapshot();
      void this.host.drafts.set(draft);
      const name = this.state.mode === 'create' ? vscode.l10n.t('the new guest') : this.label;
      void this.host.services.ui
        .showMessage('info', vscode.l10n.t('Your unsaved changes to {0} were kept. They come back when you open this form again.', name), {}, RESTORE_DRAFT())
        .then((choice) => {
          if (choice === RESTORE_DRAFT()) this.host.restoreDraft(formKey(draft));
        });
    }
    this.disposedEmitter.fire();
    this.dispose();
  }
}
