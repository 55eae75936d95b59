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
import { l10n } from '../common/l10n';

export type LifecycleAction = 'disable' | 'enable' | 'convert';

export interface LifecycleOutcome {
  done: string[];
  failed: { email: string; reason: string }[];
}

interface ActionText {
  /** The confirm button, the picker's title and the progress title. */
  verb: string;
  eligible(guest: Guest): boolean;
  question(who: string): string;
  detail: string;
  /** "X is already disabled." / "3 guests are already disabled." (who: a name or "N guests"). */
  noneEligible(who: string, count: number): string;
  /** The detail line for selected guests that are left out; '' when none. */
  leftOut(count: number): string;
  couldNot(name: string): string;
  /** "Disabled 2 of 3 guests." */
  partly(done: number, total: number): string;
  /** "Disabled: Ana Ops (ana@…)." */
  done(who: string): string;
}

/** Built when needed (not at load time), so the strings are in the user's language. */
function textFor(action: LifecycleAction): ActionText {
  switch (action) {
    case 'disable':
      return {
        verb: l10n.t('Disable'),
        eligible: (g) => g.status !== 'disabled',
        question: (who) => l10n.t('Disable {0}?', who),
        detail: l10n.t('A disabled guest can no longer open their Tallyfy tasks until enabled again. Tallyfy refuses to disable a guest who still has incomplete tasks.'),
        noneEligible: (who, count) => (count === 1 ? l10n.t('{0} is already disabled.', who) : l10n.t('{0} are already disabled.', who)),
        leftOut: (count) => (count === 0 ? '' : count === 1 ? l10n.t('{0} selected guest is already disabled and left out.', count) : l10n.t('{0} selected guests are already disabled and left out.', count)),
        couldNot: (name) => l10n.t('Could not disable {0}', name),
        partly: (done, total) => l10n.t('Disabled {0} of {1} guests.', done, total),
        done: (who) => l10n.t('Disabled: {0}.', who),
      };
    case 'enable':
      return {
        verb: l10n.t('Enable'),
        eligible: (g) => g.status === 'disabled',
        question: (who) => l10n.t('Enable {0} again?', who),
        detail: l10n.t('They can open their Tallyfy tasks again.'),
        noneEligible: (who, count) => (count === 1 ? l10n.t('{0} is not disabled.', who) : l10n.t('{0} are not disabled.', who)),
        leftOut: (count) => (count === 0 ? '' : count === 1 ? l10n.t('{0} selected guest is not disabled and left out.', count) : l10n.t('{0} selected guests are not disabled and left out.', count)),
        couldNot: (name) => l10n.t('Could not enable {0}', name),
        partly: (done, total) => l10n.t('Enabled {0} of {1} guests.', done, total),
        done: (who) => l10n.t('Enabled: {0}.', who),
      };
    case 'convert':
      return {
        verb: l10n.t('Convert to Member'),
        eligible: () => true,
        question: (who) => l10n.t('Convert {0} to a member of the organization?', who),
        detail: l10n.t('Each guest becomes a member of your Tallyfy organization (this may use a paid seat) and leaves the guest list. This cannot be undone from VS Code.'),
        noneEligible: () => '',
        leftOut: () => '',
        couldNot: (name) => l10n.t('Could not convert {0} to a member', name),
        partly: (done, total) => l10n.t('Converted {0} of {1} guests to members.', done, total),
        done: (who) => l10n.t('Converted to members: {0}.', who),
      };
  }
}

function who(guests: readonly Guest[]): string {
  return guests.length === 1 ? `${displayName(guests[0])} (${guests[0].email})` : l10n.t('{0} guests', guests.length);
}

/** Tallyfy's own words for a refusal, when it gave any. */
function refusal(error: unknown): string {
  if (error instanceof ForbiddenError && error.serverMessage) return l10n.t('Tallyfy says: "{0}"', error.serverMessage);
  return reasonOf(error);
}

export async function runLifecycle(services: Services, action: LifecycleAction, node?: unknown, nodes?: readonly unknown[]): Promise<LifecycleOutcome | undefined> {
  const text = textFor(action);
  const selected = guestsFromArgs(services, node, nodes);
  const chosen = selected.length > 0 ? selected : [await pickGuest(services, l10n.t('{0}: choose the guest', text.verb))].filter((g): g is Guest => g !== undefined);
  if (chosen.length === 0) return undefined;
  const guests = chosen.filter(text.eligible);
  if (guests.length === 0) {
    await services.ui.showMessage('info', text.noneEligible(who(chosen), chosen.length), {});
    return undefined;
  }
  const skipped = chosen.length - guests.length;
  const detail = skipped > 0 ? `${text.detail}\n${text.leftOut(skipped)}` : text.detail;
  const choice = await services.ui.showMessage('warning', text.question(who(guests)), { modal: true, detail }, text.verb);
  if (choice !== text.verb) return undefined;

  const api = services.client();
  const results = await withApiProgress({ title: l10n.t('Tallyfy: {0}…', text.verb), log: services.log }, (request) =>
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
    await showError(services, results[0].error, { guestEmail: guests[0].email, action: text.couldNot(displayName(guests[0])) });
  } else if (outcome.failed.length > 0) {
    const nameOf = (email: string) => displayName(guests.find((g) => g.email === email) ?? guests[0]);
    const message =
      guests.length === 1
        ? `${text.couldNot(displayName(guests[0]))}. ${outcome.failed[0].reason}`
        : `${text.partly(outcome.done.length, guests.length)} ${outcome.failed.map((f) => `${nameOf(f.email)}: ${f.reason}`).join(' ')}`;
    void services.ui.showMessage('error', message, {});
  } else if (outcome.done.length > 0) {
    void services.ui.showMessage('info', text.done(who(guests)), {});
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
