// Keeps the guest store in step with Tallyfy for the current organization and filter: shows the
// saved list at once, loads the fresh one page by page (in-view progress), saves it as the new
// cache, and turns load failures into the session state and the "stale" status the tree shows.
import * as vscode from 'vscode';
import { AuthError, ConfigError, ForbiddenError, NotFoundError, isTallyfyError } from '../api/errors';
import type { Guest } from '../api/types';
import { Disposable } from '../common/lifecycle';
import { matchesLocalFilter } from '../model/guestList';
import type { ExtensionServices } from '../servicesImpl';
import { showError } from '../views/showError';
import { cacheScope } from './guestCache';
import type { TallyfySettings } from './settings';

export const GUESTS_VIEW_ID = 'tallyfy.guests';

export interface ListStatus {
  /** The list shown is older than this moment's Tallyfy (from the cache or an earlier load): Date.now() of that list. */
  readonly staleSince?: number;
  /** Why the last load failed, as the user should read it. */
  readonly failure?: string;
  /** Requests wait for the user to confirm a changed tallyfy.apiBaseUrl. */
  readonly paused?: boolean;
}

export class GuestListController extends Disposable {
  /** cacheScope of the list in the store; undefined when the store holds nothing of any organization. */
  private scope: string | undefined;
  /** The last complete unfiltered list (or the saved one): the local filter searches it. */
  private fullList: Guest[] = [];
  /** When `fullList` was true (Date.now()). */
  private fullListAt: number | undefined;
  /** The filter the store's content was built for. */
  private appliedFilter: string | undefined;
  private statusValue: ListStatus = {};
  private readonly statusEmitter = this._register(new vscode.EventEmitter<ListStatus>());
  readonly onDidChangeStatus = this.statusEmitter.event;

  constructor(private readonly services: ExtensionServices) {
    super();
  }

  get status(): ListStatus {
    return this.statusValue;
  }

  /** Sets (or, with undefined/empty text, clears) the filter and reloads. */
  async applyFilter(text: string | undefined): Promise<void> {
    this.services.session.setFilter(text);
    await this.refresh();
  }

  async refresh(): Promise<void> {
    const { session, store, loader } = this.services;
    await this.services.auth.ready;
    if (session.state === 'signedOut') return;
    const settings = this.services.settings();
    if (settings.organizationId === '') {
      this.clear();
      session.setState('noOrganization');
      return;
    }
    if (!(await this.services.auth.ensureBaseUrlConfirmed(settings.apiBaseUrl))) {
      this.setStatus({ ...this.statusValue, paused: true });
      session.setState('unreachable');
      return;
    }
    let api;
    try {
      api = this.services.client();
    } catch (error) {
      this.failed(error);
      return;
    }
    const resetTo = this.prepare(settings);
    this.setStatus({ staleSince: this.statusValue.staleSince });
    session.setState('loading');
    const filter = session.filter;
    const outcome = await vscode.window.withProgress({ location: { viewId: GUESTS_VIEW_ID } }, () =>
      loader.load(api, { q: filter, perPage: settings.pageSize, resetTo }),
    );
    if (outcome.kind === 'cancelled') return;
    if (outcome.kind === 'failed') {
      this.failed(outcome.error);
      return;
    }
    if (filter === undefined) {
      this.fullList = store.all();
      this.fullListAt = Date.now();
      if (this.scope) void this.services.cache.write(this.scope, this.fullList);
    }
    this.setStatus({});
    session.setState(store.size > 0 || filter !== undefined ? 'ready' : 'empty');
  }

  /**
   * Shows the saved list for the configured organization, if any, without a request (at start,
   * so the tree is not empty while Tallyfy answers).
   */
  showCached(settings: TallyfySettings): void {
    if (settings.organizationId !== '') this.prepare(settings);
  }

  /** Forgets every guest in memory (sign-out, 401). The saved cache is the caller's business. */
  clear(): void {
    this.services.loader.cancel();
    this.scope = undefined;
    this.fullList = [];
    this.fullListAt = undefined;
    this.appliedFilter = undefined;
    if (this.services.store.size > 0) this.services.store.reset();
    this.setStatus({});
  }

  /**
   * Switches the store to the current organization and filter. Returns what the store must show
   * before the first page arrives, or undefined to merge the fresh list into what is shown.
   */
  private prepare(settings: TallyfySettings): Guest[] | undefined {
    const scope = cacheScope(settings.apiBaseUrl, settings.organizationId);
    const filter = this.services.session.filter;
    let reset = false;
    if (scope !== this.scope) {
      const cached = this.services.cache.read(scope);
      this.scope = scope;
      this.fullList = cached?.guests ?? [];
      this.fullListAt = cached?.savedAt;
      this.setStatus({ staleSince: cached?.savedAt });
      reset = true;
    }
    if (filter !== this.appliedFilter) {
      this.appliedFilter = filter;
      reset = true;
    }
    // While a filter is active the local matches are always passed, so that the end-of-load sweep
    // keeps them even though Tallyfy's `q` (emails only) did not return them.
    if (filter !== undefined) return this.fullList.filter((g) => matchesLocalFilter(g, filter));
    if (reset) {
      const shown = this.fullList;
      if (shown.length > 0 || this.services.store.size > 0) this.services.store.reset(shown);
    }
    return undefined;
  }

  private failed(error: unknown): void {
    const { session, store, log } = this.services;
    const message = isTallyfyError(error) ? error.userMessage : error instanceof Error ? error.message : String(error);
    log.warn(`Loading guests failed: ${message}`);
    if (error instanceof AuthError || (error instanceof ConfigError && error.setting === 'token')) {
      // showError runs session.handleAuthFailure (signed-out state) and offers "Sign In".
      void showError(this.services, error instanceof AuthError ? error : new AuthError(message));
      return;
    }
    if (error instanceof ConfigError && error.setting === 'organizationId') {
      session.setState('noOrganization');
      return;
    }
    this.setStatus({ failure: message, staleSince: store.size > 0 ? (this.fullListAt ?? Date.now()) : undefined });
    if (error instanceof ForbiddenError || error instanceof NotFoundError) {
      // The organization id is wrong or not this user's: the welcome view offers to choose one.
      session.setState('noOrganization');
      void showError(this.services, error, { action: vscode.l10n.t('Could not list the guests') });
      return;
    }
    session.setState('unreachable');
    if (error instanceof ConfigError || !isTallyfyError(error)) void showError(this.services, error, { action: vscode.l10n.t('Could not list the guests') });
  }

  private setStatus(status: ListStatus): void {
    this.statusValue = status;
    this.statusEmitter.fire(status);
  }
}
