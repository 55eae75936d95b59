// Runs one async job per item with at most `concurrency` in flight. Cancelling (the signal) starts
// nothing new and waits for the jobs already running, so a bulk run never leaves a request half-done:
// every item ends up with exactly one status saying what happened to it. Pure: no `vscode`.
import { CancelledError } from '../api/errors';

export type BulkItemStatus = 'ok' | 'failed' | 'cancelled' | 'notStarted';

export interface BulkItemResult<T, R> {
  item: T;
  /** ok: the job resolved. failed: it rejected. cancelled: it rejected with CancelledError (the run was
   *  cancelled before its request went out). notStarted: the run was cancelled before it began. */
  status: BulkItemStatus;
  value?: R;
  error?: unknown;
}

export interface RunBulkOptions {
  /** Jobs in flight at once; values below 1 count as 1. */
  concurrency: number;
  /** Aborting it stops new jobs from starting; running jobs are awaited. */
  signal?: AbortSignal;
  /** Called after each job settles (and once at the start with 0). */
  onProgress?(done: number, total: number): void;
}

export type BulkWorker<T, R> = (item: T, signal: AbortSignal) => Promise<R>;

/** Results are in the order of `items`, whatever order the jobs finished in. */
export async function runBulk<T, R>(items: readonly T[], worker: BulkWorker<T, R>, options: RunBulkOptions): Promise<BulkItemResult<T, R>[]> {
  const total = items.length;
  const results: BulkItemResult<T, R>[] = items.map((item) => ({ item, status: 'notStarted' }));
  const signal = options.signal ?? new AbortController().signal;
  const limit = Math.max(1, Math.floor(options.concurrency) || 1);
  let next = 0;
  let done = 0;
  options.onProgress?.(0, total);

  const lane = async (): Promise<void> => {
    while (next < total && !signal.aborted) {
      const index = next++;
      const result = results[index];
      try {
        result.value = await worker(result.item, signal);
        result.status = 'ok';
      } catch (error) {
        result.status = error instanceof CancelledError ? 'cancelled' : 'failed';
        result.error = error;
      }
      done++;
      options.onProgress?.(done, total);
    }
  };

  const lanes: Promise<void>[] = [];
  for (let i = 0; i < Math.min(limit, total); i++) lanes.push(lane());
  await Promise.all(lanes);
  return results;
}

export interface BulkCounts {
  ok: number;
  failed: number;
  cancelled: number;
  notStarted: number;
}

export function countResults(results: readonly BulkItemResult<unknown, unknown>[]): BulkCounts {
  const counts: BulkCounts = { ok: 0, failed: 0, cancelled: 0, notStarted: 0 };
  for (const r of results) counts[r.status]++;
  return counts;
}
