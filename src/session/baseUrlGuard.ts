// The token goes to whatever host tallyfy.apiBaseUrl names. A workspace setting, a synced setting
// or a typo can change that host silently, so the host the user signed in against is remembered
// and a different one must be confirmed before the token is sent there. Pure: the confirmation
// dialog lives in baseUrlConfirmation.ts.
import type { MementoLike } from './memento';

export const CONFIRMED_BASE_URL_KEY = 'tallyfy.confirmedApiBaseUrl';

export function normalizeBaseUrl(url: string): string {
  return url.trim().replace(/\/+$/, '').toLowerCase();
}

export class BaseUrlGuard {
  constructor(private readonly memento: MementoLike) {}

  get confirmed(): string | undefined {
    const value = this.memento.get<unknown>(CONFIRMED_BASE_URL_KEY);
    return typeof value === 'string' ? value : undefined;
  }

  /**
   * True when the token may be sent to `url`. With nothing remembered (a token stored before this
   * check existed) the current URL is adopted: there is no earlier host to protect.
   */
  isConfirmed(url: string): boolean {
    const confirmed = this.confirmed;
    return confirmed === undefined || normalizeBaseUrl(confirmed) === normalizeBaseUrl(url);
  }

  async confirm(url: string): Promise<void> {
    await this.memento.update(CONFIRMED_BASE_URL_KEY, url.trim());
  }

  async forget(): Promise<void> {
    await this.memento.update(CONFIRMED_BASE_URL_KEY, undefined);
  }
}
