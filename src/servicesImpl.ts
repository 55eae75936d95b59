// The one Services object: owns the log, the session, the guest store and everything that talks
// to Tallyfy on the user's behalf. extension.ts builds it; commands and views are handed it.
import * as vscode from 'vscode';
import { ConfigError } from './api/errors';
import type { TallyfyApi } from './api/tallyfyApi';
import type { Guest } from './api/types';
import { AuthController } from './auth/authController';
import { TokenStore } from './auth/tokenStore';
import { Disposable } from './common/lifecycle';
import type { Services } from './services';
import { BaseUrlGuard } from './session/baseUrlGuard';
import { ClientFactory } from './session/clientFactory';
import { GuestCache } from './session/guestCache';
import { GuestListController } from './session/guestList';
import { GuestLoader } from './session/guestLoader';
import { SessionController } from './session/session';
import { readSettings, type TallyfySettings } from './session/settings';
import { GuestStore } from './state/guestStore';
import { vscodeUserInterface, type UserInterface } from './views/userInterface';

export class ExtensionServices extends Disposable implements Services {
  ui: UserInterface = vscodeUserInterface;
  readonly session = this._register(new SessionController());
  readonly store = this._register(new GuestStore());
  readonly loader = this._register(new GuestLoader(this.store));
  readonly tokens: TokenStore;
  readonly cache: GuestCache;
  readonly baseUrlGuard: BaseUrlGuard;
  readonly clients: ClientFactory;
  readonly list: GuestListController;
  readonly auth: AuthController;
  private lastGuestValue: Guest | undefined;
  private readonly lastGuestEmitter = this._register(new vscode.EventEmitter<Guest | undefined>());
  readonly onDidChangeLastGuest = this.lastGuestEmitter.event;

  constructor(
    readonly context: vscode.ExtensionContext,
    readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.tokens = new TokenStore(context.secrets);
    this.cache = new GuestCache(context.globalState);
    this.baseUrlGuard = new BaseUrlGuard(context.globalState);
    this.clients = new ClientFactory(() => this.tokens.get(), log);
    this.list = this._register(new GuestListController(this));
    this.auth = this._register(new AuthController(this));
    this.session.authFailureHandler = () => this.auth.handleAuthFailure();
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('tallyfy')) this.clients.invalidate();
      }),
    );
  }

  get lastGuest(): Guest | undefined {
    return this.lastGuestValue;
  }

  set lastGuest(guest: Guest | undefined) {
    this.lastGuestValue = guest;
    this.lastGuestEmitter.fire(guest);
  }

  settings(): TallyfySettings {
    return readSettings();
  }

  client(): TallyfyApi {
    if (this.session.state === 'signedOut') {
      throw new ConfigError(vscode.l10n.t('You are not signed in to Tallyfy. Run "Tallyfy: Sign In" with a personal access token.'), 'token');
    }
    const settings = this.settings();
    if (!this.baseUrlGuard.isConfirmed(settings.apiBaseUrl)) {
      throw new ConfigError(
        vscode.l10n.t('Requests to Tallyfy are paused: tallyfy.apiBaseUrl changed to {0} and sending your token there was not confirmed. Run "Tallyfy: Refresh Guests" to confirm it, or change the setting back.', settings.apiBaseUrl),
        'apiBaseUrl',
      );
    }
    return this.clients.forSettings(settings);
  }

  refresh(): Promise<void> {
    return this.list.refresh();
  }

  /** Called once activate() has returned: reads the token, then loads the guests. */
  start(): Promise<void> {
    return this.auth.start();
  }
}

/** Commands of the sign-in/tree area need more than the Services contract; they get it here. */
export function extensionServices(services: Services): ExtensionServices {
  if (services instanceof ExtensionServices) return services;
  throw new Error('These Tallyfy commands need the extension\'s own services object.');
}
