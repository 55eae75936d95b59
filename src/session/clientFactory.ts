// Builds TallyfyClients. One client per settings combination is cached (it holds the shared
// rate-limit state, so every command and the tree back off together); settings changes drop it.
// The token is never captured: `getToken` reads SecretStorage on every request.
import nodeFetch from 'node-fetch';
import { TallyfyClient } from '../api/client';
import type { ClientOptions, FetchLike, TallyfyApi } from '../api/tallyfyApi';
import type { Logger } from '../api/types';
import type { TallyfySettings } from './settings';

// /me and /me/organizations need no organization, but the client requires an id: this stand-in
// is never part of a request path, because such a client is only used for account-level calls.
const NO_ORGANIZATION = 'no-organization-selected';

/** What the integration tests may change in the clients built from then on (through the test API's services). */
export type ClientTestOverrides = Partial<Pick<ClientOptions, 'sleep' | 'random' | 'timeoutMs' | 'onRequest' | 'logger'>>;

export class ClientFactory {
  private cached: { key: string; client: TallyfyApi } | undefined;
  private overrides: ClientTestOverrides | undefined;

  constructor(
    private readonly getToken: () => Promise<string | undefined>,
    private readonly logger: Logger,
  ) {}

  /** The shared client for these settings (throws ConfigError for an unusable base URL or no organization). */
  forSettings(settings: TallyfySettings): TallyfyApi {
    const key = JSON.stringify([settings.apiBaseUrl, settings.organizationId, settings.requestTimeoutMs]);
    if (this.cached?.key !== key) {
      this.cached = { key, client: this.create(settings.apiBaseUrl, settings.organizationId, settings.requestTimeoutMs, this.getToken) };
    }
    return this.cached.client;
  }

  /**
   * A one-off client for account-level calls (GET /me, /me/organizations). With `token` it checks a
   * token that is not stored yet (sign-in validates before saving).
   */
  forAccount(settings: TallyfySettings, token?: string): TallyfyApi {
    const getToken = token === undefined ? this.getToken : async () => token;
    return this.create(settings.apiBaseUrl, settings.organizationId || NO_ORGANIZATION, settings.requestTimeoutMs, getToken);
  }

  invalidate(): void {
    this.cached = undefined;
  }

  /**
   * Tests only: a fast `sleep`, a sub-second timeout, a request or log recorder for every client built
   * from now on (the cached one is dropped). `undefined` goes back to the real ones.
   */
  setTestOverrides(overrides: ClientTestOverrides | undefined): void {
    this.overrides = overrides;
    this.invalidate();
  }

  private create(baseUrl: string, orgId: string, timeoutMs: number, getToken: () => Promise<string | undefined>): TallyfyApi {
    return new TallyfyClient({
      baseUrl,
      orgId,
      getToken,
      fetch: nodeFetch as unknown as FetchLike,
      timeoutMs,
      logger: this.logger,
      ...this.overrides,
    });
  }
}
