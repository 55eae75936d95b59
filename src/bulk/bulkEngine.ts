// Sends a bulk run's writes through ONE client (so its rate-limit gate paces all of them), at a
// bounded concurrency, and says per guest what happened. Used by bulk update, its undo and retry,
// and CSV import. Pure: no `vscode`; the commands add progress, the report and the store.
import { AuthError, CancelledError, ConfigError, isTallyfyError, NotFoundError, ValidationError } from '../api/errors';
import type { TallyfyApi } from '../api/tallyfyApi';
import type { EditableField, Guest, GuestChanges, GuestCreateInput } from '../api/types';
import { changeForGuest, dependsOnCurrentMembers, isEmptyChange, previousValues, type BulkOperation } from '../model/bulkChange';
import { unappliedFields } from '../model/diff';
import { displayName } from '../model/guestDisplay';
import { runBulk } from './runBulk';
import { guarded } from './sendGuard';
import { l10n } from '../common/l10n';

export type BulkJob =
  /** PUT `changes`. With `fromFresh`, the guest is read again first and the change computed from
   *  that read: member lists are replaced whole, so "add member 7" must start from the current
   *  list, and an undo must not overwrite what someone changed since. */
  | { kind: 'update'; guest: Guest; changes: GuestChanges; fromFresh?: (fresh: Guest) => FreshChange }
  | { kind: 'create'; input: GuestCreateInput };

export interface FreshChange {
  changes: GuestChanges;
  /** Said in the report, e.g. fields left alone because someone changed them since. */
  note?: string;
}

/** A job that applies `operations` to the guest as Tallyfy has it right before the write. */
export function operationsJob(guest: Guest, operations: readonly BulkOperation[]): BulkJob {
  const changes = changeForGuest(guest, operations).changes;
  return dependsOnCurrentMembers(operations)
    ? { kind: 'update', guest, changes, fromFresh: (fresh) => ({ changes: changeForGuest(fresh, operations).changes }) }
    : { kind: 'update', guest, changes };
}

export type GuestResultStatus = 'changed' | 'created' | 'notApplied' | 'skipped' | 'failed' | 'cancelled';

export interface GuestResult {
  email: string;
  name: string;
  status: GuestResultStatus;
  /** Fields Tallyfy changed, with their values after (as Tallyfy returned them) and before. */
  applied: GuestChanges;
  previous: GuestChanges;
  /** Fields sent that came back unchanged: Tallyfy answered success but did not apply them. */
  unapplied: EditableField[];
  reason?: string;
  error?: unknown;
  /** What to send again on "Retry failed". */
  job: BulkJob;
}

/** The parts of the store a run touches: each guest is updated in place as its answer arrives. */
export interface GuestSink {
  upsert(guest: Guest): void;
  remove(email: string): void;
}

export interface BulkRunOptions {
  concurrency: number;
  signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
  /** Told when the client waits for Tallyfy's rate limit (for the progress message). */
  onRateLimitWait?(waitMs: number): void;
}

export interface BulkRunResult {
  results: GuestResult[];
  /** Set when the run stopped because signing in again is needed (401) or settings are unusable. */
  fatal?: unknown;
}

export function jobEmail(job: BulkJob): string {
  return job.kind === 'update' ? job.guest.email : job.input.email;
}

function jobName(job: BulkJob): string {
  return job.kind === 'update' ? displayName(job.guest) : job.input.email;
}

export function reasonOf(error: unknown): string {
  if (error instanceof ValidationError) {
    const fields = Object.entries(error.fieldErrors).map(([field, messages]) => `${field}: ${messages.join(' ')}`);
    return fields.length > 0 ? l10n.t('Tallyfy rejected it. {0}', fields.join(' ')) : error.userMessage;
  }
  if (isTallyfyError(error)) return error.userMessage;
  return l10n.t('Unexpected error: {0}', error instanceof Error ? error.message : String(error));
}

export async function runBulkJobs(api: TallyfyApi, jobs: readonly BulkJob[], sink: GuestSink, options: BulkRunOptions): Promise<BulkRunResult> {
  // Stops the run (like a cancel) when every further request would fail the same way.
  const stop = new AbortController();
  const onUserAbort = (): void => stop.abort();
  options.signal?.addEventListener('abort', onUserAbort, { once: true });
  if (options.signal?.aborted) stop.abort();
  let fatal: unknown;

  const worker = async (job: BulkJob, signal: AbortSignal): Promise<GuestResult> =>
    guarded(signal, async (guard) => {
      const request = {
        signal: guard.signal,
        onRateLimitWait: (ms: number) => {
          guard.onRateLimitWait(ms);
          options.onRateLimitWait?.(ms);
        },
      };
      try {
        return job.kind === 'create' ? await create(api, job, sink, request) : await update(api, job, sink, request, signal);
      } catch (error) {
        if (error instanceof AuthError || error instanceof ConfigError) {
          fatal ??= error;
          stop.abort();
        }
        if (error instanceof NotFoundError && job.kind === 'update') sink.remove(job.guest.email);
        throw error;
      }
    });

  try {
    const settled = await runBulk(jobs, worker, { concurrency: options.concurrency, signal: stop.signal, onProgress: options.onProgress });
    const results = settled.map(({ item: job, status, value, error }): GuestResult => {
      if (status === 'ok' && value) return value;
      const base = { email: jobEmail(job), name: jobName(job), applied: {}, previous: {}, unapplied: [], job };
      if (status === 'failed') return { ...base, status: 'failed', reason: reasonOf(error), error };
      return { ...base, status: 'cancelled', reason: status === 'cancelled' ? l10n.t('Cancelled before it was sent.') : l10n.t('Not started: the run was cancelled.') };
    });
    return { results, fatal };
  } finally {
    options.signal?.removeEventListener('abort', onUserAbort);
  }
}

type Request = { signal: AbortSignal; onRateLimitWait(ms: number): void };

async function create(api: TallyfyApi, job: Extract<BulkJob, { kind: 'create' }>, sink: GuestSink, request: Request): Promise<GuestResult> {
  const guest = await api.createGuest(job.input, request);
  sink.upsert(guest);
  const { email: _email, ...fields } = job.input;
  return { email: guest.email, name: displayName(guest), status: 'created', applied: fields, previous: {}, unapplied: [], job };
}

async function update(
  api: TallyfyApi,
  job: Extract<BulkJob, { kind: 'update' }>,
  sink: GuestSink,
  request: Request,
  runSignal: AbortSignal,
): Promise<GuestResult> {
  let { guest, changes } = job;
  let note: string | undefined;
  if (job.fromFresh) {
    guest = await api.getGuest(guest.email, {}, request);
    sink.upsert(guest);
    ({ changes, note } = job.fromFresh(guest));
    // Cancelled while reading: nothing was written, so stop before the PUT.
    if (runSignal.aborted) throw new CancelledError();
  }
  const base = { email: guest.email, name: displayName(guest), job };
  if (isEmptyChange(changes)) {
    return { ...base, status: 'skipped', applied: {}, previous: {}, unapplied: [], reason: note ?? l10n.t('Already at that value.') };
  }
  const returned = await api.updateGuest(guest.email, changes, request);
  sink.upsert(returned);
  const unapplied = unappliedFields(changes, returned);
  const applied: GuestChanges = {};
  for (const field of Object.keys(changes) as EditableField[]) {
    if (!unapplied.includes(field)) (applied as Record<EditableField, unknown>)[field] = returned[field];
  }
  const appliedPrevious = previousValues(guest, applied);
  if (unapplied.length === 0) return { ...base, status: 'changed', applied, previous: appliedPrevious, unapplied, reason: note };
  const names = unapplied.join(', ');
  return {
    ...base,
    status: 'notApplied',
    applied,
    previous: appliedPrevious,
    unapplied,
    reason: note ? l10n.t('Tallyfy answered success but did not apply {0}. {1}', names, note) : l10n.t('Tallyfy answered success but did not apply {0}.', names),
  };
}
