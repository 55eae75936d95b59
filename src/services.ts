// What every command and view is handed: one object, built in extension.ts, that owns the
// long-lived parts. Commands take `(services, node?, nodes?)` (see commands/registry.ts).
import type * as vscode from 'vscode';
import type { TallyfyApi } from './api/tallyfyApi';
import type { Guest } from './api/types';
import type { GuestStore } from './state/guestStore';
import type { UserInterface } from './views/userInterface';

/**
 * signedOut: no token. noOrganization: token but no tallyfy.organizationId. loading: first page not in yet.
 * ready: guests listed. empty: listed, none. unreachable: the last load failed for network/server reasons.
 * Mirrored in the context key `tallyfy.state` (viewsWelcome and menus use it), plus `tallyfy.signedIn`.
 */
export type SessionState = 'signedOut' | 'noOrganization' | 'loading' | 'ready' | 'empty' | 'unreachable';

export interface Session {
  readonly state: SessionState;
  readonly onDidChangeState: vscode.Event<SessionState>;
  /** Called by showError on a 401: forget the token and show the signed-out state. */
  handleAuthFailure(): Promise<void>;
}

export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly log: vscode.LogOutputChannel;
  /** Prompts and messages; swapped for a scripted one by the integration tests. */
  ui: UserInterface;
  readonly session: Session;
  /** Every loaded guest; the tree renders it, commands update it after a successful write. */
  readonly store: GuestStore;
  /** A client for the current settings and token. Throws ConfigError when signed out or no organization is set. */
  client(): TallyfyApi;
  /** Reload the guest list from Tallyfy (the tree shows progress). */
  refresh(): Promise<void>;
  /** The guest most recently opened or changed; the status bar offers it for a quick update. */
  lastGuest: Guest | undefined;
  readonly onDidChangeLastGuest: vscode.Event<Guest | undefined>;
}
