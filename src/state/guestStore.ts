// Every guest the extension has loaded, keyed by email (case-insensitively, as the sandbox and, we
// assume, Tallyfy match them). Pure: no `vscode`, so the benchmark and unit tests use it directly.
// Writes fire fine-grained events so the tree can refresh one node instead of rebuilding everything.
import type { Guest } from '../api/types';
import { Emitter, type IDisposable } from '../common/lifecycle';

export type GuestStoreChange =
  /** The whole list was replaced (a new load started, sign-out, filter change). */
  | { kind: 'reset' }
  /** A page of a load arrived. */
  | { kind: 'added'; guests: readonly Guest[] }
  /** Existing guests changed (a save, a fresh read). */
  | { kind: 'updated'; guests: readonly Guest[] }
  | { kind: 'removed'; emails: readonly string[] };

export function guestKey(email: string): string {
  return email.toLowerCase();
}

export class GuestStore implements IDisposable {
  private readonly byKey = new Map<string, Guest>();
  private readonly emitter = new Emitter<GuestStoreChange>();
  readonly onDidChange = this.emitter.event;

  get size(): number {
    return this.byKey.size;
  }

  all(): Guest[] {
    return [...this.byKey.values()];
  }

  get(email: string): Guest | undefined {
    return this.byKey.get(guestKey(email));
  }

  /** Replaces the list (empty until pages arrive). */
  reset(guests: readonly Guest[] = []): void {
    this.byKey.clear();
    for (const g of guests) this.byKey.set(guestKey(g.email), g);
    this.emitter.fire({ kind: 'reset' });
  }

  /** Adds one page of a load; guests already present are replaced in place. */
  addPage(guests: readonly Guest[]): void {
    for (const g of guests) this.byKey.set(guestKey(g.email), g);
    this.emitter.fire({ kind: 'added', guests });
  }

  /** Inserts or replaces one guest (after a create, save or re-read). */
  upsert(guest: Guest): void {
    const key = guestKey(guest.email);
    const existed = this.byKey.has(key);
    this.byKey.set(key, guest);
    this.emitter.fire(existed ? { kind: 'updated', guests: [guest] } : { kind: 'added', guests: [guest] });
  }

  remove(email: string): void {
    if (this.byKey.delete(guestKey(email))) {
      this.emitter.fire({ kind: 'removed', emails: [email] });
    }
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
