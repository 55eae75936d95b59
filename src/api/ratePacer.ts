// Paces a client's requests so that, under a rate limit, they wait BEFORE the server has to refuse
// them. Why: Retry-After is whole seconds, while a limiter's bucket refills far faster (50/s in the
// benchmark); honouring a 1 s Retry-After after each 429 held a bulk run to ~11 requests/s against
// a 50/s limit (`npm run bench`, "bulk pacing"). The gate (rateLimitGate.ts) still handles every 429.
//
// Every answer's X-RateLimit-Remaining says how many requests the server would still take. Two
// answers give a LOWER bound on its refill rate R: with x the tokens left after a request (the
// header is floor(x)), between answers j and i the server took at least k requests (i and those
// certainly handled in between) in at most (i's arrival - j's send), so
//     R > (remaining_i - remaining_j - 1 + k) / (arrived_i - sent_j).
// A bucket capped at its size only lowers that bound, so it stays safe. A request goes out when the
// tokens the server must have by now, by that bound, cover it and every request that may not be
// counted in the latest answer yet. With no bound yet (just after a burst) one probe goes out after
// a pause that doubles while probes learn nothing. Pacing only ever delays a request, and only once
// the header has shown it counts down (or a 429 came): without it, or with a header stuck at one
// value, nothing waits.
import { CancelledError } from './errors';

export interface PacerClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemClock: PacerClock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Answers remembered for bounds and counting; older bounds than HORIZON_MS are forgotten. */
const HISTORY = 32;
const HORIZON_MS = 10_000;
const FIRST_PROBE_MS = 100;
const MAX_PROBE_MS = 1000;

export interface PacerSlot {
  readonly seq: number;
  readonly sentAt: number;
  /** True when the pacer delayed it (the caller re-checks the rate-limit gate then). */
  readonly waited: boolean;
  readonly probe: boolean;
}

interface Answer {
  seq: number;
  sentAt: number;
  arrivedAt: number;
  /** X-RateLimit-Remaining; undefined when the answer had none. */
  remaining: number | undefined;
  /** Whether the request may have used up a token (anything but a 429). */
  took: boolean;
  /** Best lower bound on the refill rate (per ms) with this answer as the later one. */
  bound: number;
}

interface Waiter {
  resolve(slot: PacerSlot): void;
  reject(error: Error): void;
  detach(): void;
}

export class RatePacer {
  private seq = 0;
  private inFlight = 0;
  private answers: Answer[] = [];
  private limit: number | undefined;
  private probeMs = FIRST_PROBE_MS;
  /** Set once X-RateLimit-Remaining went down between answers or came with a 429: it really counts. */
  private trusted = false;
  private lastRemaining: number | undefined;
  private readonly waiters: Waiter[] = [];
  private timer: unknown;

  constructor(private readonly clock: PacerClock = systemClock) {}

  /** A slot at once when nothing needs to wait (the common case: no await, no promise), else undefined. */
  tryAcquire(): PacerSlot | undefined {
    return this.waiters.length === 0 && this.delayMs() === 0 ? this.send(false) : undefined;
  }

  /** Resolves when the request may go out; every slot must end in settle(), abandon() or release(). */
  acquire(signal?: AbortSignal): Promise<PacerSlot> {
    if (signal?.aborted) return Promise.reject(new CancelledError());
    const now = this.tryAcquire();
    if (now) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new CancelledError());
        this.pump();
      };
      const waiter: Waiter = { resolve, reject, detach: () => signal?.removeEventListener('abort', onAbort) };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
      this.pump();
    });
  }

  /** The answer arrived: `status` and the X-RateLimit-* headers teach the pacer. */
  settle(slot: PacerSlot, status: number, remainingHeader: string | null, limitHeader: string | null): void {
    const now = this.clock.now();
    this.inFlight--;
    const remaining = wholeNumber(remainingHeader);
    const limit = wholeNumber(limitHeader);
    if (limit !== undefined && limit > 0) this.limit = limit;
    if (remaining !== undefined && (status === 429 || (this.lastRemaining !== undefined && remaining < this.lastRemaining))) this.trusted = true;
    if (remaining !== undefined) this.lastRemaining = remaining;
    const answer: Answer = { seq: slot.seq, sentAt: slot.sentAt, arrivedAt: now, remaining, took: status !== 429, bound: 0 };
    if (answer.took && remaining !== undefined) answer.bound = this.boundFor(answer);
    this.answers.push(answer);
    if (this.answers.length > HISTORY) this.answers.shift();
    if (slot.probe) this.learnFromProbe(answer);
    this.pump();
  }

  /** The slot was never used: the request did not go out. */
  release(_slot: PacerSlot): void {
    this.inFlight--;
    this.pump();
  }

  /** No answer (network error, timeout, cancel): the request may still have used a token. */
  abandon(slot: PacerSlot): void {
    this.inFlight--;
    const now = this.clock.now();
    this.answers.push({ seq: slot.seq, sentAt: slot.sentAt, arrivedAt: now, remaining: undefined, took: true, bound: 0 });
    if (this.answers.length > HISTORY) this.answers.shift();
    this.pump();
  }

  /** The highest refill-rate bound still in the horizon, in requests per second (for tests and logs). */
  rateBoundPerSecond(): number {
    return this.rateBound(this.clock.now()) * 1000;
  }

  private send(waited: boolean): PacerSlot {
    const now = this.clock.now();
    const probe = waited && this.rateBound(now) === 0 && this.tokensAt(now) < 1;
    this.inFlight++;
    return { seq: ++this.seq, sentAt: now, waited, probe };
  }

  /** A probe that taught nothing (refused, or nothing left) means a slower server: pause longer next time. */
  private learnFromProbe(answer: Answer): void {
    const learned = answer.bound > 0 || (answer.remaining ?? 0) >= 1;
    this.probeMs = learned ? FIRST_PROBE_MS : Math.min(this.probeMs * 2, MAX_PROBE_MS);
  }

  private boundFor(later: Answer): number {
    let best = 0;
    for (const earlier of this.answers) {
      if (earlier.remaining === undefined || earlier.arrivedAt > later.sentAt) continue;
      let taken = 1;
      for (const q of this.answers) {
        if (q.took && q.sentAt > earlier.arrivedAt && q.arrivedAt <= later.sentAt) taken++;
      }
      const gained = (later.remaining as number) - earlier.remaining - 1 + taken;
      const span = later.arrivedAt - earlier.sentAt;
      if (gained > 0 && span > 0) best = Math.max(best, gained / span);
    }
    return best;
  }

  private rateBound(now: number): number {
    let best = 0;
    for (const a of this.answers) if (a.arrivedAt >= now - HORIZON_MS && a.bound > best) best = a.bound;
    return best;
  }

  /** The latest answer, if it said what is left: an answer without the header leaves nothing to go by. */
  private anchor(): Answer | undefined {
    const latest = this.answers[this.answers.length - 1];
    return latest?.remaining !== undefined ? latest : undefined;
  }

  /** Requests the latest answer may not have counted: all in flight, and answered ones sent after it. */
  private uncounted(anchor: Answer): number {
    let count = this.inFlight;
    for (const a of this.answers) if (a.took && a.seq > anchor.seq) count++;
    return count;
  }

  /** Tokens the server surely has now beyond the uncounted requests (Infinity with no information). */
  private tokensAt(now: number): number {
    const anchor = this.anchor();
    if (anchor === undefined || !this.trusted) return Infinity;
    let tokens = (anchor.remaining as number) + this.rateBound(now) * (now - anchor.arrivedAt);
    if (this.limit !== undefined) tokens = Math.min(tokens, this.limit);
    return tokens - this.uncounted(anchor);
  }

  /** 0: may send now; Infinity: wait for an answer; else the ms to wait. */
  private delayMs(): number {
    const now = this.clock.now();
    if (this.tokensAt(now) >= 1) return 0;
    const anchor = this.anchor() as Answer;
    const pending = this.uncounted(anchor);
    const rate = this.rateBound(now);
    let wait = Infinity;
    if (rate > 0 && (this.limit === undefined || this.limit - pending >= 1)) {
      wait = (1 + pending - (anchor.remaining as number)) / rate - (now - anchor.arrivedAt);
    }
    // Nothing in flight, so no answer is coming to wake us: never wait past a probe pause.
    if (this.inFlight === 0) wait = Math.min(wait, anchor.arrivedAt + (rate === 0 ? this.probeMs : MAX_PROBE_MS) - now);
    return Math.max(0, wait);
  }

  private pump(): void {
    if (this.timer !== undefined) {
      this.clock.clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.waiters.length > 0) {
      const delay = this.delayMs();
      if (delay > 0) {
        if (delay !== Infinity) this.timer = this.clock.setTimeout(() => this.pump(), Math.ceil(delay));
        return;
      }
      const waiter = this.waiters.shift() as Waiter;
      waiter.detach();
      waiter.resolve(this.send(true));
    }
  }
}

function wholeNumber(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}
