// Cancelling a bulk run must not cut a request off mid-flight: an aborted PUT may or may not have
// reached Tallyfy, and the report could not say whether the guest changed. But a request that is
// only WAITING for Tallyfy's rate limit (the client calls onRateLimitWait just before it sleeps) has
// not been sent, so it can be dropped at once instead of holding the cancel up for Retry-After.
//
// A SendGuard gives the client a signal that is aborted on cancel only while the request waits.
// The client sleeps exactly the announced time, so "now is safely before the end of the announced
// wait" means the request has not gone out; near the end of a wait (within `marginMs`) we let it go.
// Pure: no `vscode`.

export interface SendGuardOptions {
  now?: () => number;
  /** Waits ending sooner than this are not interrupted (timers may fire a little early). */
  marginMs?: number;
}

export class SendGuard {
  private readonly controller = new AbortController();
  private waitingUntil = 0;
  private readonly now: () => number;
  private readonly marginMs: number;

  constructor(private readonly runSignal: AbortSignal, options: SendGuardOptions = {}) {
    this.now = options.now ?? Date.now;
    this.marginMs = options.marginMs ?? 50;
    if (!runSignal.aborted) runSignal.addEventListener('abort', this.onRunAbort, { once: true });
  }

  /** Pass to the client as `request.signal`. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Pass to the client as `request.onRateLimitWait` (chain your own callback through `then`). */
  readonly onRateLimitWait = (waitMs: number): void => {
    this.waitingUntil = this.now() + waitMs;
    // Cancelled while the previous attempt was in flight, and that attempt was refused (429):
    // nothing has happened to this guest, so stop here rather than send it again.
    if (this.runSignal.aborted) this.controller.abort();
  };

  /** Call when the client's call has settled, so the run signal no longer references this guard. */
  dispose(): void {
    this.runSignal.removeEventListener('abort', this.onRunAbort);
  }

  private readonly onRunAbort = (): void => {
    if (this.now() < this.waitingUntil - this.marginMs) this.controller.abort();
  };
}

/** Runs `send` with a guard, releasing the guard afterwards. */
export async function guarded<R>(runSignal: AbortSignal, send: (guard: SendGuard) => Promise<R>, options?: SendGuardOptions): Promise<R> {
  const guard = new SendGuard(runSignal, options);
  try {
    return await send(guard);
  } finally {
    guard.dispose();
  }
}
