// Disable, enable, or convert guests to members: a modal confirmation, then one request per guest
// (bounded concurrency, one client). Tallyfy's refusals (403, e.g. "Cannot disable guest with
// incomplete tasks") are shown as Tallyfy wrote them; the tree follows each guest's new status.
import { AuthError, ConfigError, ForbiddenError, type TallyfyError } from '../api/errors';
import type { TallyfyApi } from '../api/tallyfyApi';
import type { Guest } from '../api/types';
import { reasonOf } from '../bulk/bulkEngine';
import { runBulk } from '../bulk/runBulk';
import { maxConcurrentRequests } from '../commands/bulk/bulkSession';
import { guestsFromArgs } from '../commands/guestArgs';
import { displayName } from '../model/guestDisplay';
import type { Services } from '../services';
import { pickGuest } from './guestPicker';
import { withApiProgress } from './progress';
import { showError } from './showError';

export type LifecycleAction = 'disable' | 'enable' | 'convert';

export interface LifecycleOutcome {
  done: string[];
  failed: { email: string; reason: string }[];
}

interface ActionText {
  verb: string;
  past: string;
  eligible(guest: Guest): boolean;
  ineligible: string;
  question(who: string): string;
  detail: string;
}

const TEXT: Record<LifecycleAction, ActionText> = {
  disable: {
    verb: 'Disable',
    past: 'Disabled',
    eligible: (g) => g.status !== 'disabled',
    ineligible: 'already disabled',
    question: (who) => `Disable ${who}?`,
    detail: 'A disabled guest can no longer open their Tallyfy tasks until enabled again. Tallyfy refuses to disable a guest who still has incomplete tasks.',
  },
  enable: {
    verb: 'Enable',
    past: 'Enabled',
    eligible: (g) => g.status === 'disabled',
    ineligible: 'not disabled',
    question: (who) => `Enable ${who} again?`,
    detail: 'They can open their Tallyfy tasks again.',
  },
  convert: {
    verb: 'Convert to Member',
    past: 'Converted to members',
    eligible: () => true,
    ineligible: '',
    question: (who) => `Convert ${who} to a member of the organization?`,
    detail: 'Each guest becomes a member of your Tallyfy organization (this may use a paid seat) and leaves the guest list. This cannot be undone from VS Code.',
  },
};

function who(guests: readonly Guest[]): string {
  return guests.length === 1 ? `${displayName(guests[0])} (${guests[0].email})` : `${guests.length} guests`;
}

/** Tallyfy's own words for a refusal, when it gave any. */
function refusal(error: unknown): string {
  if (error instanceof ForbiddenError && error.serverMessage) return `Tallyfy says: "${error.serverMessage}"`;
  return reasonOf(error);
}

export async function runLifecycle(services: Services, action: LifecycleAction, node?: unknown, nodes?: readonly unknown[]): Promise<LifecycleOutcome | undefined> {
  const text = TEXT[action];
  const selected = guestsFromArgs(services, node, nodes);
  const chosen = selected.length > 0 ? selected : [await pickGuest(services, `${text.verb}: choose the guest`)].filter((g): g is Guest => g !== undefined);
  if (chosen.length === 0) return undefined;
  const guests = chosen.filter(text.eligible);
  if (guests.length === 0) {
    await services.ui.showMessage('info', `${who(chosen)} ${chosen.length === 1 ? 'is' : 'are'} ${text.ineligible}.`, {});
    return undefined;
  }
  const skipped = chosen.length - guests.length;
  const detail = text.detail + (skipped > 0 ? `\n${skipped} selected guest${skipped === 1 ? ' is' : 's are'} ${text.ineligible} and left out.` : '');
  const choice = await services.ui.showMessage('warning', text.question(who(guests)), { modal: true, detail }, text.verb);
  if (choice !== text.verb) return undefined;

  const api = services.client();
  const results = await withApiProgress({ title: `Tallyfy: ${text.verb}…`, log: services.log }, (request) =>
    runBulk(guests, (guest) => apply(services, api, action, guest, request.onRateLimitWait), { concurrency: maxConcurrentRequests(), signal: request.signal }),
  );
  const outcome: LifecycleOutcome = { done: [], failed: [] };
  for (const r of results) {
    if (r.status === 'ok') outcome.done.push(r.item.email);
    else if (r.status === 'failed') outcome.failed.push({ email: r.item.email, reason: refusal(r.error) });
  }
  const fatal = results.find((r) => r.error instanceof AuthError || r.error instanceof ConfigError)?.error;
  if (fatal) {
    await showError(services, fatal);
  } else if (guests.length === 1 && outcome.failed.length === 1 && !(results[0].error instanceof ForbiddenError)) {
    await showError(services, results[0].error, { guestEmail: guests[0].email, action: `Could not ${text.verb.toLowerCase()} ${displayName(guests[0])}` });
  } else if (outcome.failed.length > 0) {
    const nameOf = (email: string) => displayName(guests.find((g) => g.email === email) ?? guests[0]);
    const message =
      guests.length === 1
        ? `Could not ${text.verb.toLowerCase()} ${displayName(guests[0])}. ${outcome.failed[0].reason}`
        : `${text.past} ${outcome.done.length} of ${guests.length} guests. ${outcome.failed.map((f) => `${nameOf(f.email)}: ${f.reason}`).join(' ')}`;
    void services.ui.showMessage('error', message, {});
  } else if (outcome.done.length > 0) {
    void services.ui.showMessage('info', `${text.past}: ${who(guests)}.`, {});
  }
  return outcome;
}

async function apply(services: Services, api: TallyfyApi, action: LifecycleAction, guest: Guest, onRateLimitWait?: (ms: number) => void): Promise<void> {
  // No cancel signal is passed: a lifecycle change is one request per guest, and cutting one off
  // mid-flight would leave its outcome unknown. Cancelling stops the ones not yet started.
  const request = { onRateLimitWait };
  try {
    if (action === 'convert') {
      await api.convertGuestToMember(guest.email, request);
      services.store.remove(guest.email);
      return;
    }
    const returned = action === 'disable' ? await api.disableGuest(guest.email, request) : await api.enableGuest(guest.email, request);
    // Tallyfy may answer without the guest; read it back so the tree shows the new status.
    const updated = returned ?? (await api.getGuest(guest.email, {}, request).catch(() => ({ ...guest, status: action === 'disable' ? 'disabled' : 'active' })));
    services.store.upsert(updated);
    services.lastGuest = updated;
  } catch (error) {
    if ((error as TallyfyError).kind === 'notFound') services.store.remove(guest.email);
    throw error;
  }
}
