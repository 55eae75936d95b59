// Defaults and checks for sandbox options.
import type { StartOptions } from './state';
import type { RuntimeOptions, SandboxOptions } from './types';

/** Fixed so that out-of-process drivers can rely on it; it only ever opens this sandbox. */
export const DEFAULT_TOKEN = 'sandbox-token-7d1f0c2a9b8e4f63a5c1d0e2';

export function resolveOptions(o: SandboxOptions): StartOptions {
  const resolved: StartOptions = {
    port: o.port ?? 0,
    host: o.host ?? '127.0.0.1',
    guests: o.guests ?? 50,
    seed: o.seed ?? 1,
    orgId: o.orgId ?? 'org_sandbox',
    token: o.token ?? DEFAULT_TOKEN,
    maxPerPage: o.maxPerPage ?? 100,
    groups: o.groups ?? 3,
    putMode: o.putMode ?? 'seed',
    rateLimit: o.rateLimit ?? null,
    latencyMs: o.latencyMs ?? 0,
    linksStyle: o.linksStyle ?? 'object',
    unknownEmailOnPut: o.unknownEmailOnPut ?? 404,
    inviteCapPerHour: o.inviteCapPerHour === undefined ? 30 : o.inviteCapPerHour,
    putRequiresEmailInBody: o.putRequiresEmailInBody ?? false,
    groupUpdateRequiresDescription: o.groupUpdateRequiresDescription ?? true,
  };
  if (!Number.isInteger(resolved.guests) || resolved.guests < 0) throw new Error('guests must be a non-negative integer');
  if (!Number.isInteger(resolved.groups) || resolved.groups < 0) throw new Error('groups must be a non-negative integer');
  if (!(resolved.maxPerPage >= 1)) throw new Error('maxPerPage must be at least 1');
  if (resolved.token.trim() === '' || resolved.orgId === '') throw new Error('token and orgId must not be empty');
  checkRuntime(resolved);
  return resolved;
}

/** Throws on a runtime option value the sandbox cannot honour. */
export function checkRuntime(changes: Partial<RuntimeOptions>): void {
  const { putMode, rateLimit, latencyMs, linksStyle, unknownEmailOnPut, inviteCapPerHour } = changes;
  if (putMode !== undefined && putMode !== 'seed' && putMode !== 'docs2026') throw new Error("putMode must be 'seed' or 'docs2026'");
  if (rateLimit !== undefined && rateLimit !== null && !(rateLimit.perSecond > 0 && rateLimit.burst >= 1)) {
    throw new Error('rateLimit needs perSecond > 0 and burst >= 1 (or null to turn it off)');
  }
  if (latencyMs !== undefined && !(latencyMs >= 0)) throw new Error('latencyMs must be >= 0');
  if (linksStyle !== undefined && !['object', 'empty-array', 'missing'].includes(linksStyle)) throw new Error("linksStyle must be 'object', 'empty-array' or 'missing'");
  if (unknownEmailOnPut !== undefined && unknownEmailOnPut !== 404 && unknownEmailOnPut !== 422) throw new Error('unknownEmailOnPut must be 404 or 422');
  if (inviteCapPerHour !== undefined && inviteCapPerHour !== null && !(inviteCapPerHour >= 0)) throw new Error('inviteCapPerHour must be >= 0 or null');
}
