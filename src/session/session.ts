// The session's state (signed out, no organization, loading, ready, empty, unreachable) and the
// active filter, mirrored in the context keys that drive viewsWelcome and the title menus:
// `tallyfy.state`, `tallyfy.signedIn`, `tallyfy.filterActive`.
import * as vscode from 'vscode';
import type { Session, SessionState } from '../services';
import { Disposable } from '../common/lifecycle';

export class SessionController extends Disposable implements Session {
  // 'loading' until the token has been read; `signedIn` stays false until then.
  private stateValue: SessionState = 'loading';
  private known = false;
  private readonly contextValues = new Map<string, unknown>();
  private filterValue: string | undefined;
  private readonly stateEmitter = this._register(new vscode.EventEmitter<SessionState>());
  private readonly filterEmitter = this._register(new vscode.EventEmitter<string | undefined>());
  readonly onDidChangeState = this.stateEmitter.event;
  readonly onDidChangeFilter = this.filterEmitter.event;
  /** Set by the services: what a 401 does (forget the token, clear guests). */
  authFailureHandler: () => Promise<void> = async () => undefined;

  constructor() {
    super();
    this.setContext('tallyfy.state', this.stateValue);
    this.setContext('tallyfy.signedIn', false);
    this.setContext('tallyfy.filterActive', false);
  }

  get state(): SessionState {
    return this.stateValue;
  }

  get signedIn(): boolean {
    return this.known && this.stateValue !== 'signedOut';
  }

  /** The value this window last gave a context key (the integration tests read them here). */
  contextValue(key: 'tallyfy.state' | 'tallyfy.signedIn' | 'tallyfy.filterActive'): unknown {
    return this.contextValues.get(key);
  }

  /** The filter text while a filter is active. */
  get filter(): string | undefined {
    return this.filterValue;
  }

  setState(state: SessionState): void {
    if (state === this.stateValue && this.known) return;
    this.known = true;
    this.stateValue = state;
    this.setContext('tallyfy.state', state);
    this.setContext('tallyfy.signedIn', this.signedIn);
    this.stateEmitter.fire(state);
  }

  setFilter(text: string | undefined): void {
    const value = text?.trim() ? text.trim() : undefined;
    if (value === this.filterValue) return;
    this.filterValue = value;
    this.setContext('tallyfy.filterActive', value !== undefined);
    this.filterEmitter.fire(value);
  }

  handleAuthFailure(): Promise<void> {
    return this.authFailureHandler();
  }

  private setContext(key: string, value: unknown): void {
    this.contextValues.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }
}
