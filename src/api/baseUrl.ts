// Validates the API base URL setting. The token travels in every request's Authorization header,
// so plain http is allowed only to this machine (the sandbox, a local proxy), never over a network.
import { ConfigError } from './errors';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Returns the base URL without trailing slashes, or throws ConfigError('apiBaseUrl'). */
export function checkBaseUrl(baseUrl: string): string {
  const trimmed = (baseUrl ?? '').trim().replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new ConfigError(
      `The Tallyfy API base URL "${trimmed}" is not a valid URL. Set it to https://go.tallyfy.com/api (or your Tallyfy API address).`,
      'apiBaseUrl',
    );
  }
  if (url.username || url.password) {
    throw new ConfigError(
      'The Tallyfy API base URL must not contain a user name or password. Remove them; the token is sent separately.',
      'apiBaseUrl',
    );
  }
  if (url.search || url.hash) {
    throw new ConfigError(
      'The Tallyfy API base URL must not contain a query (?…) or fragment (#…). Use e.g. https://go.tallyfy.com/api.',
      'apiBaseUrl',
    );
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) return trimmed;
  if (url.protocol === 'http:') {
    throw new ConfigError(
      `The Tallyfy API base URL must use https:// (plain http:// is only allowed for 127.0.0.1, localhost or [::1]), because your token is sent with every request. Change "${trimmed}" to https://.`,
      'apiBaseUrl',
    );
  }
  throw new ConfigError(
    `The Tallyfy API base URL must start with https:// (got "${url.protocol}"). Use e.g. https://go.tallyfy.com/api.`,
    'apiBaseUrl',
  );
}
