// What the bulk commands remember between runs, per Services: the last run (for its report, retry
// and undo) and the run in progress (for "Cancel Bulk Update"). Mirrored in context keys so the
// palette offers undo/retry/cancel only when they can do something.
import * as vscode from 'vscode';
import type { GuestResult } from '../../bulk/bulkEngine';
import type { BulkReport } from '../../bulk/reportText';
import type { Services } from '../../services';

export type BulkRunKind = 'update' | 'undo' | 'import';

export interface BulkRun {
  kind: BulkRunKind;
  title: string;
  request: string;
  results: GuestResult[];
  notSent: { email: string; name: string; reason: string }[];
  cancelled: boolean;
  finishedAt: Date;
  /** Set once an undo ran for this run. */
  undone?: boolean;
}

export class BulkSession {
  private last: BulkRun | undefined;
  private running: AbortController | undefined;

  get lastRun(): BulkRun | undefined {
    return this.last;
  }

  setLastRun(run: BulkRun | undefined): void {
    this.last = run;
    void vscode.commands.executeCommand('setContext', 'tallyfy.bulkCanUndo', run !== undefined && run.kind !== 'undo' && !run.undone);
    void vscode.commands.executeCommand('setContext', 'tallyfy.bulkHasFailures', run?.results.some((r) => r.status === 'failed' || r.status === 'cancelled') ?? false);
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  /** Starts a run; undefined when another is already running (one at a time keeps the rate limit simple). */
  begin(): AbortController | undefined {
    if (this.running) return undefined;
    this.running = new AbortController();
    void vscode.commands.executeCommand('setContext', 'tallyfy.bulkRunning', true);
    return this.running;
  }

  end(controller: AbortController): void {
    if (this.running !== controller) return;
    this.running = undefined;
    void vscode.commands.executeCommand('setContext', 'tallyfy.bulkRunning', false);
  }

  /** Requests in flight finish; nothing new starts. */
  cancel(): boolean {
    if (!this.running) return false;
    this.running.abort();
    return true;
  }
}

const sessions = new WeakMap<Services, BulkSession>();

export function bulkSession(services: Services): BulkSession {
  let session = sessions.get(services);
  if (!session) {
    const created = new BulkSession();
    session = created;
    sessions.set(services, created);
    // The last run holds guests' names and values (personal data) and only makes sense for the
    // organization it ran in: forget it on sign-out and when the organization or host changes,
    // so an undo can never write one organization's old values into another.
    const forget = (): void => {
      created.cancel();
      created.setLastRun(undefined);
    };
    services.context.subscriptions.push(
      services.session.onDidChangeState((state) => {
        if (state === 'signedOut') forget();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('tallyfy.organizationId') || event.affectsConfiguration('tallyfy.apiBaseUrl')) forget();
      }),
    );
  }
  return session;
}

export function reportOf(run: BulkRun): BulkReport {
  return { title: run.title, finishedAt: run.finishedAt, request: run.request, results: run.results, notSent: run.notSent, cancelled: run.cancelled };
}

/** `tallyfy.maxConcurrentRequests`, 1–16, default 4. */
export function maxConcurrentRequests(): number {
  const value = Math.floor(vscode.workspace.getConfiguration('tallyfy').get<number>('maxConcurrentRequests', 4));
  return Number.isFinite(value) ? Math.min(16, Math.max(1, value)) : 4;
}
