// The last complete guest list, kept in globalState so the tree has something to show at start
// (and when Tallyfy cannot be reached) while the fresh list loads. It is personal data: sign-out
// clears it. One list only, tagged with the base URL and organization it came from, so switching
// organizations never shows another organization's guests.
import type { Guest } from '../api/types';
import type { MementoLike } from './memento';

export const GUEST_CACHE_KEY = 'tallyfy.guestCache';

export interface CachedGuests {
  readonly guests: Guest[];
  /** Date.now() when the list was saved. */
  readonly savedAt: number;
}

interface StoredCache {
  version: 1;
  scope: string;
  savedAt: number;
  guests: Guest[];
}

/** Which organization (on which API host) a list belongs to. */
export function cacheScope(baseUrl: string, orgId: string): string {
  return `${baseUrl.trim().replace(/\/+$/, '').toLowerCase()}|${orgId.trim()}`;
}

export class GuestCache {
  constructor(private readonly memento: MementoLike) {}

  read(scope: string): CachedGuests | undefined {
    const stored = this.memento.get<unknown>(GUEST_CACHE_KEY);
    if (!isStoredCache(stored) || stored.scope !== scope) return undefined;
    return { guests: stored.guests, savedAt: stored.savedAt };
  }

  async write(scope: string, guests: readonly Guest[], now = Date.now()): Promise<void> {
    const value: StoredCache = { version: 1, scope, savedAt: now, guests: [...guests] };
    await this.memento.update(GUEST_CACHE_KEY, value);
  }

  async clear(): Promise<void> {
    await this.memento.update(GUEST_CACHE_KEY, undefined);
  }
}

// globalState is written by older and newer versions of the extension (and can be edited by
// hand): anything that is not exactly the expected shape is ignored rather than trusted.
function isStoredCache(value: unknown): value is StoredCache {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<StoredCache>;
  return (
    v.version === 1 &&
    typeof v.scope === 'string' &&
    typeof v.savedAt === 'number' &&
    Array.isArray(v.guests) &&
    v.guests.every((g) => !!g && typeof g === 'object' && typeof (g as Guest).email === 'string' && typeof (g as Guest).id === 'string')
  );
}
