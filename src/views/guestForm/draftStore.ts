// Unsaved form drafts. A webview cannot veto being closed, so instead of asking "discard
// changes?" a dirty form's draft is kept here (in memory and in workspaceState) and offered back:
// by a "Restore Draft" button in a notification, and automatically the next time that guest's
// form is opened. An open dirty form also keeps its draft here as it is typed, because after a
// window reload the webview's own setState may not have reached storage (VS Code for the Web
// saves editor state only at shutdown); the restored panel then prefers this copy. Drafts hold
// personal data, so sign-out clears them.
import type * as vscode from 'vscode';
import { guestKey } from '../../state/guestStore';
import { parsePersistedState, type PersistedFormState } from './messages';

const STORAGE_KEY = 'tallyfy.guestFormDrafts';
/** The create form has no email yet; its draft is stored under this key. */
export const CREATE_FORM_KEY = '\u0000create';

export function formKey(state: Pick<PersistedFormState, 'mode' | 'email'>): string {
  return state.mode === 'create' ? CREATE_FORM_KEY : guestKey(state.email);
}

export class DraftStore {
  private readonly drafts = new Map<string, PersistedFormState>();

  constructor(private readonly memento: vscode.Memento) {
    const stored = memento.get<Record<string, unknown>>(STORAGE_KEY) ?? {};
    for (const value of Object.values(stored)) {
      const parsed = parsePersistedState(value);
      if (parsed.ok) this.drafts.set(formKey(parsed.value), parsed.value);
    }
  }

  get(key: string): PersistedFormState | undefined {
    return this.drafts.get(key);
  }

  keys(): string[] {
    return [...this.drafts.keys()];
  }

  async set(state: PersistedFormState): Promise<void> {
    this.drafts.set(formKey(state), state);
    await this.save();
  }

  async delete(key: string): Promise<void> {
    if (this.drafts.delete(key)) await this.save();
  }

  /** Returns the draft and forgets it (the form that takes it over keeps it from then on). */
  async take(key: string): Promise<PersistedFormState | undefined> {
    const draft = this.drafts.get(key);
    if (draft && this.drafts.delete(key)) await this.save();
    return draft;
  }

  async clear(): Promise<void> {
    this.drafts.clear();
    await this.save();
  }

  private async save(): Promise<void> {
    await this.memento.update(STORAGE_KEY, Object.fromEntries(this.drafts));
  }
}
