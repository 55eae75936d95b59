// Loads the guest list from Tallyfy into the GuestStore page by page, so the tree fills as pages
// arrive. A refresh merges: guests stay visible (and selected) while the new list streams in, and
// only those that did not come back are removed at the end. A newer load cancels an older one.
// Pure (no vscode), so it is unit-tested against a fake TallyfyApi.
import { CancelledError } from '../api/errors';
import type { TallyfyApi } from '../api/tallyfyApi';
import type { Guest } from '../api/types';
import { Emitter, type IDisposable } from '../common/lifecycle';
import { guestKey, type GuestStore } from '../state/guestStore';

export interface LoadRequest {
  /** Tallyfy's server-side `q`. */
  q?: string;
  perPage: number;
  /**
   * Replace the store's content with these guests before the first page (a filter change, a new
   * organization). Without it the load merges into what the store shows.
   */
  resetTo?: readonly Guest[];
}

export type LoadOutcome =
  | { kind: 'done'; guests: Guest[] }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: unknown };

export interface LoadProgress {
  readonly loading: boolean;
  /** Guests received so far in this load. */
  readonly received: number;
  /** Tallyfy's total, once the first page said it. */
  readonly total: number | null;
}

export class GuestLoader implements IDisposable {
  private current: AbortController | undefined;
  private progressValue: LoadProgress = { loading: false, received: 0, total: null };
  private readonly progressEmitter = new Emitter<LoadProgress>();
  readonly onDidChangeProgress = this.progressEmitter.event;

  constructor(private readonly store: GuestStore) {}

  get progress(): LoadProgress {
    return this.progressValue;
  }

  get loading(): boolean {
    return this.progressValue.loading;
  }

  cancel(): void {
    this.current?.abort();
  }

  async load(api: TallyfyApi, request: LoadRequest): Promise<LoadOutcome> {
    this.current?.abort();
    const controller = new AbortController();
    this.current = controller;
    // Every guest written to the store while this load runs counts as present: the loader's own
    // pages, and a guest another command created meanwhile (which must not be swept at the end).
    const seen = new Set<string>();
    const watch = this.store.onDidChange((change) => {
      if (change.kind === 'added' || change.kind === 'updated') for (const g of change.guests) seen.add(guestKey(g.email));
    });
    if (request.resetTo) {
      for (const g of request.resetTo) seen.add(guestKey(g.email));
      this.store.reset(request.resetTo);
    }
    this.setProgress({ loading: true, received: 0, total: null });
    const loaded: Guest[] = [];
    try {
      for await (const page of api.listGuests({ q: request.q, perPage: request.perPage }, { signal: controller.signal })) {
        if (controller.signal.aborted) return { kind: 'cancelled' };
        for (const g of page.guests) seen.add(guestKey(g.email));
        loaded.push(...page.guests);
        this.store.addPage(page.guests);
        this.setProgress({ loading: true, received: loaded.length, total: page.total });
      }
      if (controller.signal.aborted) return { kind: 'cancelled' };
      for (const g of this.store.all()) {
        if (!seen.has(guestKey(g.email))) this.store.remove(g.email);
      }
      return { kind: 'done', guests: loaded };
    } catch (error) {
      if (controller.signal.aborted || error instanceof CancelledError) return { kind: 'cancelled' };
      return { kind: 'failed', error };
    } finally {
      watch.dispose();
      if (this.current === controller) {
        this.current = undefined;
        this.setProgress({ loading: false, received: loaded.length, total: this.progressValue.total });
      }
    }
  }

  dispose(): void {
    this.current?.abort();
    this.progressEmitter.dispose();
  }

  private setProgress(progress: LoadProgress): void {
    this.progressValue = progress;
    this.progressEmitter.fire(progress);
  }
}
