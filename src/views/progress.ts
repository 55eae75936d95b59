// Long API calls run under a cancellable notification. Cancelling aborts the request (or the wait
// for Tallyfy's rate limit) through an AbortSignal, and the client's 429 waits are shown as
// "Waiting N s for Tallyfy's rate limit…" instead of looking like a hang.
import * as vscode from 'vscode';
import type { RequestOptions } from '../api/tallyfyApi';
import { Emitter } from '../common/lifecycle';
import { escapeLinks } from './iconText';

export type ProgressReport = vscode.Progress<{ message?: string; increment?: number }>;

/** Every progress message shown, for the log and for tests that check what the user saw. */
const progressMessages = new Emitter<string>();
export const onDidShowProgressMessage = progressMessages.event;

export function rateLimitMessage(waitMs: number): string {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return vscode.l10n.t('Waiting {0} s for Tallyfy\'s rate limit…', seconds);
}

export interface ApiProgressOptions {
  title: string;
  location?: vscode.ProgressLocation | { viewId: string };
  log?: vscode.LogOutputChannel;
}

export function withApiProgress<T>(
  options: ApiProgressOptions,
  task: (request: RequestOptions, progress: ProgressReport) => Promise<T>,
): Promise<T> {
  return Promise.resolve(
    vscode.window.withProgress(
      { location: options.location ?? vscode.ProgressLocation.Notification, title: escapeLinks(options.title), cancellable: true },
      async (progress, token) => {
        const abort = new AbortController();
        const cancellation = token.onCancellationRequested(() => abort.abort());
        const report = (message: string): void => {
          progress.report({ message });
          options.log?.info(`${options.title}: ${message}`);
          progressMessages.fire(message);
        };
        try {
          return await task({ signal: abort.signal, onRateLimitWait: (waitMs) => report(rateLimitMessage(waitMs)) }, progress);
        } finally {
          cancellation.dispose();
        }
      },
    ),
  );
}
