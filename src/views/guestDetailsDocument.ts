// Read-only details of one guest as a virtual JSON document (scheme `tallyfy-guest:`): every field
// Tallyfy returned plus the stats (GET …/guests/{email}?with=stats). Virtual documents cannot be
// saved, and nothing here ever holds the token.
import * as vscode from 'vscode';
import { AuthError, isTallyfyError } from '../api/errors';
import type { Guest } from '../api/types';
import { Disposable } from '../common/lifecycle';
import { displayName } from '../model/guestDisplay';
import type { Services } from '../services';
import { guestKey } from '../state/guestStore';
import { showError } from './showError';
import { groupNamesForDetails } from './guestGroups';

export const GUEST_DETAILS_SCHEME = 'tallyfy-guest';

/** The tab shows `<email>.json`; the query carries the exact email (a path cannot hold every email). */
export function guestDetailsUri(email: string): vscode.Uri {
  const fileName = email.replace(/[\\/]/g, '_');
  return vscode.Uri.from({ scheme: GUEST_DETAILS_SCHEME, path: `/${fileName}.json`, query: new URLSearchParams({ email }).toString() });
}

function emailOf(uri: vscode.Uri): string {
  return new URLSearchParams(uri.query).get('email') ?? '';
}

/** The document's content: the guest's fields in a fixed, readable order. */
export function guestDetailsJson(guest: Guest, extra: Record<string, unknown>): string {
  const details = {
    name: displayName(guest),
    email: guest.email,
    id: guest.id,
    status: guest.status,
    first_name: guest.first_name,
    last_name: guest.last_name,
    company_name: guest.company_name,
    phone_1: guest.phone_1,
    phone_2: guest.phone_2,
    timezone: guest.timezone,
    associated_members: guest.associated_members,
    created_at: guest.created_at,
    updated_at: guest.updated_at,
    last_accessed_at: guest.last_accessed_at,
    disabled_at: guest.disabled_at,
    link: guest.link,
    stats: guest.stats ?? null,
    ...extra,
  };
  return `${JSON.stringify(details, null, 2)}\n`;
}

export class GuestDetailsProvider extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly changeEmitter = this._register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changeEmitter.event;

  constructor(private readonly services: Services) {
    super();
    // A saved edit changes the guest: open details documents are re-read.
    this._register(
      services.store.onDidChange((change) => {
        if (change.kind !== 'updated') return;
        const changed = new Set(change.guests.map((g) => guestKey(g.email)));
        for (const doc of vscode.workspace.textDocuments) {
          if (doc.uri.scheme === GUEST_DETAILS_SCHEME && changed.has(guestKey(emailOf(doc.uri)))) this.changeEmitter.fire(doc.uri);
        }
      }),
    );
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const email = emailOf(uri);
    const abort = new AbortController();
    const cancel = token.onCancellationRequested(() => abort.abort());
    try {
      const [guest, groups] = await Promise.all([this.services.client().getGuest(email, { withStats: true }, { signal: abort.signal }), groupNamesForDetails(this.services, email, abort.signal)]);
      return guestDetailsJson(guest, { groups, retrieved_at: new Date().toISOString() });
    } catch (error) {
      const reason = isTallyfyError(error) ? error.userMessage : error instanceof Error ? error.message : String(error);
      this.services.log.warn(`Could not read the details of ${email}: ${reason}`);
      if (error instanceof AuthError) void showError(this.services, error);
      const known = this.services.store.get(email);
      if (!known) return `${JSON.stringify({ email, error: reason }, null, 2)}\n`;
      return guestDetailsJson(known, { note: vscode.l10n.t('Fresh details and stats could not be loaded: {0} Showing the guest as last listed.', reason) });
    } finally {
      cancel.dispose();
    }
  }
}
