// One per client: when Tallyfy answers 429, every request of that client (concurrent ones too)
// holds until the moment Tallyfy named, so a bulk run backs off together instead of each
// request hammering the server on its own schedule.

export type SleepFn = (ms: number, signal?: AbortSignal) => Promise<void>;

export class RateLimitGate {
  private until = 0;
  /** Bumped whenever the hold is extended, so a waiter can tell it must wait again. */
  private generation = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Hold every request until `ms` from now. Never shortens a longer hold already in place. */
  holdFor(ms: number): void {
    const until = this.now() + ms;
    if (until > this.until) {
      this.until = until;
      this.generation++;
    }
  }

  remainingMs(): number {
    return this.until === 0 ? 0 : Math.max(0, this.until - this.now());
  }

  /**
   * Resolves once the gate is open. Waits once per hold: an injected sleep that returns early
   * (tests) still counts as having waited, unless the hold was extended meanwhile.
   */
  async pass(sleep: SleepFn, signal?: AbortSignal, onWait?: (ms: number) => void): Promise<void> {
    for (;;) {
      const remaining = this.remainingMs();
      if (remaining <= 0) return;
      const generation = this.generation;
      onWait?.(remaining);
      await sleep(remaining, signal);
      if (this.generation === generation) return;
    }
  }
}
