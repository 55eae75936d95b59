// Rate limiting. Two independent limits, both from the shared doc §4:
// - A token bucket over every authenticated request (off unless configured). Requests refused with
//   401 do not consume a token but still carry the X-RateLimit-* headers; injected faults carry
//   none. X-RateLimit-Limit reports the bucket size (burst); X-RateLimit-Remaining the whole
//   tokens left after this request. Retry-After is the whole
//   seconds (at least 1) until one token is back.
// - The guest-invite cap: successful POST /guests per rolling hour. Refused or invalid creates do
//   not count. When full, Retry-After is the seconds until the oldest counted create leaves the hour.
import type { RateLimitOptions } from './types';

export interface BucketVerdict {
  allowed: boolean;
  headers: Record<string, string>;
}

export class TokenBucket {
  private tokens: number;
  private last = Date.now();

  constructor(private readonly limit: RateLimitOptions) {
    this.tokens = limit.burst;
  }

  /** The headers for an answer that does not consume a token (a 401). */
  peekHeaders(): Record<string, string> {
    this.refill();
    return { 'X-RateLimit-Limit': String(this.limit.burst), 'X-RateLimit-Remaining': String(Math.floor(this.tokens)) };
  }

  take(): BucketVerdict {
    this.refill();
    const headers: Record<string, string> = { 'X-RateLimit-Limit': String(this.limit.burst) };
    if (this.tokens >= 1) {
      this.tokens -= 1;
      headers['X-RateLimit-Remaining'] = String(Math.floor(this.tokens));
      return { allowed: true, headers };
    }
    headers['X-RateLimit-Remaining'] = '0';
    headers['Retry-After'] = String(Math.max(1, Math.ceil((1 - this.tokens) / this.limit.perSecond)));
    return { allowed: false, headers };
  }

  private refill(): void {
    const now = Date.now();
    this.tokens = Math.min(this.limit.burst, this.tokens + ((now - this.last) / 1000) * this.limit.perSecond);
    this.last = now;
  }
}

const HOUR_MS = 3600 * 1000;

export class InviteCap {
  private readonly creates: number[] = [];

  /** Seconds to wait before another invite is allowed, or 0 if one is allowed now. */
  retryAfterSeconds(capPerHour: number | null): number {
    if (capPerHour === null) return 0;
    const now = Date.now();
    while (this.creates.length > 0 && this.creates[0] <= now - HOUR_MS) this.creates.shift();
    if (this.creates.length < capPerHour) return 0;
    if (capPerHour <= 0) return 3600;
    const oldest = this.creates[this.creates.length - capPerHour];
    return Math.max(1, Math.ceil((oldest + HOUR_MS - now) / 1000));
  }

  record(): void {
    this.creates.push(Date.now());
  }

  clear(): void {
    this.creates.length = 0;
  }
}
