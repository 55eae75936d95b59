// Resolves what a command was invoked on: a tree node (anything with a `guest`), a Guest, an email
// string, or nothing (palette). With a multi-selection VS Code passes the clicked node and the
// whole selection; the selection wins when it includes the clicked node.
import type { Guest } from '../api/types';
import type { Services } from '../services';

function asGuest(services: Services, arg: unknown): Guest | undefined {
  if (typeof arg === 'string') return services.store.get(arg);
  if (arg && typeof arg === 'object') {
    const candidate = 'guest' in arg ? (arg as { guest: unknown }).guest : arg;
    if (candidate && typeof candidate === 'object' && typeof (candidate as Guest).email === 'string') {
      return services.store.get((candidate as Guest).email) ?? (candidate as Guest);
    }
  }
  return undefined;
}

export function guestsFromArgs(services: Services, node?: unknown, nodes?: readonly unknown[]): Guest[] {
  const selected = (nodes ?? []).map((n) => asGuest(services, n)).filter((g): g is Guest => g !== undefined);
  if (selected.length > 0) return selected;
  const one = asGuest(services, node);
  return one ? [one] : [];
}

export function guestFromArgs(services: Services, node?: unknown): Guest | undefined {
  return asGuest(services, node);
}
