// What signing in and out means for this window: the token read at start, the signed-in state,
// sign-out and 401 cleanup, following other windows through SecretStorage.onDidChange, and the
// confirmation before the token goes to a new tallyfy.apiBaseUrl.
import * as vscode from 'vscode';
import { Disposable } from '../common/lifecycle';
import type { ExtensionServices } from '../servicesImpl';
import type { TallyfySettings } from '../session/settings';
import { showSecretStorageError } from './keyringHelp';
import { SecretStorageError } from './tokenStore';

const SEND_TOKEN = (): string => vscode.l10n.t('Send Token to New URL');

export class AuthController extends Disposable {
  /** Settles once the token has been read at start; the first refresh waits for it. */
  readonly ready: Promise<void>;
  private markReady!: () => void;
  private confirming: Promise<boolean> | undefined;

  constructor(private readonly services: ExtensionServices) {
    super();
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    this._register(services.tokens.onDidChange((change) => void this.followOtherWindow(change.present), (error) => this.reportStorageError(error)));
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        const relevant = event.affectsConfiguration('tallyfy.apiBaseUrl') || event.affectsConfiguration('tallyfy.organizationId');
        if (relevant && services.session.signedIn) void services.refresh();
      }),
    );
  }

  /** Reads the token (no network), shows the saved list, then loads the fresh one. */
  async start(): Promise<void> {
    const { session, tokens, list } = this.services;
    let present = false;
    try {
      present = await tokens.readAndRemember();
    } catch (error) {
      this.reportStorageError(error);
    }
    const settings = this.services.settings();
    if (!present) session.setState('signedOut');
    else if (settings.organizationId === '') session.setState('noOrganization');
    else {
      list.showCached(settings);
      session.setState('loading');
    }
    this.markReady();
    if (present) await this.services.refresh();
  }

  /** Stores a token that GET /me accepted. Throws SecretStorageError when the keyring fails. */
  async completeSignIn(token: string, settings: TallyfySettings): Promise<void> {
    await this.services.tokens.store(token);
    await this.services.baseUrlGuard.confirm(settings.apiBaseUrl);
    this.services.list.clear();
    this.services.session.setState(settings.organizationId === '' ? 'noOrganization' : 'loading');
  }

  /** Deletes the token and every guest kept in memory or globalState (personal data). */
  async signOut(): Promise<void> {
    const { tokens, cache, baseUrlGuard } = this.services;
    let failure: unknown;
    try {
      await tokens.delete();
    } catch (error) {
      failure = error;
    }
    this.forgetLocally();
    await cache.clear();
    await baseUrlGuard.forget();
    if (failure !== undefined) throw failure;
  }

  /** A 401: the token is gone on Tallyfy's side, so forget it here too and show the signed-out state. */
  async handleAuthFailure(): Promise<void> {
    if (this.services.session.state === 'signedOut') return;
    this.forgetLocally();
    try {
      await this.services.tokens.delete();
    } catch (error) {
      this.services.log.warn(`Could not delete the rejected token: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * True when the token may go to `url`. A changed URL needs a modal yes; "Cancel" keeps requests
   * paused until the user confirms (Refresh asks again) or changes the setting back.
   */
  ensureBaseUrlConfirmed(url: string): Promise<boolean> {
    const guard = this.services.baseUrlGuard;
    if (guard.isConfirmed(url)) return Promise.resolve(true);
    this.confirming ??= (async () => {
      try {
        const choice = await this.services.ui.showMessage(
          'warning',
          vscode.l10n.t('The Tallyfy API base URL changed to {0}. Send your Tallyfy token to this address?', url),
          {
            modal: true,
            detail: vscode.l10n.t('Your token was last used with {0}. Only continue if you trust {1}; until you confirm, the extension sends no requests. Cancel, then change tallyfy.apiBaseUrl back to stop using it.', guard.confirmed ?? '', url),
          },
          SEND_TOKEN(),
        );
        if (choice !== SEND_TOKEN()) {
          this.services.log.warn(`Requests paused: sending the token to ${url} was not confirmed.`);
          return false;
        }
        await guard.confirm(url);
        this.services.clients.invalidate();
        return true;
      } finally {
        this.confirming = undefined;
      }
    })();
    return this.confirming;
  }

  private forgetLocally(): void {
    const { session, list } = this.services;
    list.clear();
    session.setFilter(undefined);
    this.services.lastGuest = undefined;
    session.setState('signedOut');
  }

  private async followOtherWindow(present: boolean): Promise<void> {
    this.services.log.info(present ? 'Signed in to Tallyfy in another window.' : 'Signed out of Tallyfy in another window.');
    if (!present) {
      this.forgetLocally();
      return;
    }
    this.services.list.clear();
    this.services.session.setState(this.services.settings().organizationId === '' ? 'noOrganization' : 'loading');
    await this.services.refresh();
  }

  private reportStorageError(error: unknown): void {
    if (error instanceof SecretStorageError) void showSecretStorageError(this.services, error);
    else this.services.log.error(`Secret storage: ${error instanceof Error ? error.message : String(error)}`);
  }
}
