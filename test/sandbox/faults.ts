// Injected faults. Each request (control endpoints excluded) takes the first fault, in insertion
// order, whose match fits it and that has hits left; faults run before authentication.
// Matching: `method` case-insensitively; a string `path` equals the decoded pathname either as is
// or without its `/api` prefix (so '/organizations/org_sandbox/guests' and
// '/api/organizations/org_sandbox/guests' both work); a RegExp is tested against the full
// decoded pathname. Over HTTP (POST /__sandbox/faults) `path` is a string; `pathPattern` (a
// RegExp source) and `times: "Infinity"` or `null` (for Infinity) are accepted as well.
import { STATUS_CODES } from 'node:http';
import { json, type Reply } from './reply';
import type { Fault, FaultMatch } from './types';

interface ActiveFault {
  fault: Fault;
  remaining: number;
}

function matches(match: FaultMatch | undefined, method: string, path: string): boolean {
  if (!match) return true;
  if (match.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (match.path === undefined) return true;
  if (match.path instanceof RegExp) return match.path.test(path);
  return path === match.path || path === `/api${match.path}`;
}

export class FaultList {
  private active: ActiveFault[] = [];

  add(fault: Fault): void {
    const times = fault.times ?? 1;
    if (!(times > 0)) throw new Error('Fault times must be a positive number or Infinity');
    this.active.push({ fault, remaining: times });
  }

  clear(): void {
    this.active = [];
  }

  /** The fault this request hits, if any; counts the hit. */
  take(method: string, path: string): Fault | undefined {
    const hit = this.active.find((a) => a.remaining > 0 && matches(a.fault.match, method, path));
    if (!hit) return undefined;
    hit.remaining -= 1;
    if (hit.remaining <= 0) this.active = this.active.filter((a) => a !== hit);
    return hit.fault;
  }
}

/** The response for faults that answer without doing the work. */
export function faultReply(fault: Fault): Reply | undefined {
  switch (fault.kind) {
    case 'status': {
      const fallback = { error: true, message: fault.status >= 500 ? 'Server Error' : STATUS_CODES[fault.status] ?? 'Error' };
      return json(fault.status, fault.body === undefined ? fallback : fault.body);
    }
    case 'html': {
      const title = `${fault.status} ${STATUS_CODES[fault.status] ?? 'Error'}`;
      const text = `<!DOCTYPE html>\n<html><head><title>${title}</title></head><body><h1>${title}</h1><p>The server could not complete your request.</p></body></html>\n`;
      return { status: fault.status, text, contentType: 'text/html; charset=UTF-8' };
    }
    case 'rateLimit':
      return json(429, { message: 'Too Many Attempts.', code: 'RATE_LIMIT_EXCEEDED' }, {
        'Retry-After': String(fault.retryAfter),
        'X-RateLimit-Remaining': '0',
      });
    default:
      return undefined;
  }
}

const KINDS = ['status', 'html', 'rateLimit', 'reset', 'hang', 'truncate', 'delay', 'dropAfterCommit'];

/** A Fault from JSON sent to the control API; throws with a readable message when it is not one. */
export function faultFromJson(value: unknown): Fault {
  if (typeof value !== 'object' || value === null) throw new Error('A fault must be a JSON object');
  const raw = value as Record<string, unknown>;
  if (typeof raw.kind !== 'string' || !KINDS.includes(raw.kind)) throw new Error(`Unknown fault kind; use one of ${KINDS.join(', ')}`);
  if ((raw.kind === 'status' || raw.kind === 'html') && !Number.isInteger(raw.status)) throw new Error(`A ${raw.kind} fault needs an integer status`);
  if (raw.kind === 'delay' && typeof raw.ms !== 'number') throw new Error('A delay fault needs ms');
  if (raw.kind === 'rateLimit' && typeof raw.retryAfter !== 'number' && typeof raw.retryAfter !== 'string') throw new Error('A rateLimit fault needs retryAfter');
  const fault = { ...raw } as Record<string, unknown>;
  if (raw.times === null || raw.times === 'Infinity') fault.times = Infinity;
  else if (raw.times !== undefined && typeof raw.times !== 'number') throw new Error('times must be a number, "Infinity" or null');
  const match = (raw.match ?? {}) as Record<string, unknown>;
  if (typeof match !== 'object' || ['method', 'path', 'pathPattern'].some((k) => match[k] !== undefined && typeof match[k] !== 'string')) {
    throw new Error('match must be {method?, path?, pathPattern?} with string values');
  }
  if (typeof match.pathPattern === 'string') fault.match = { method: match.method, path: new RegExp(match.pathPattern) };
  return fault as unknown as Fault;
}
