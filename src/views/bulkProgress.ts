// The progress notification of a bulk run: "12 / 340", the rate-limit wait when there is one, and
// a Cancel button that stops new requests while the ones in flight finish (their results count).
import * as vscode from 'vscode';
import { rateLimitMessage } from './progress';

export interface BulkProgressHooks {
  signal: AbortSignal;
  onProgress(done: number, total: number): void;
  onRateLimitWait(waitMs: number): void;
}

export function withBulkProgress<T>(title: string, controller: AbortController, task: (hooks: BulkProgressHooks) => Promise<T>): Promise<T> {
  return Promise.resolve(
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      let done = 0;
      let total = 0;
      let waitingUntil = 0;
      const show = (increment?: number): void => {
        const counts = `${done} / ${total}`;
        const extra = controller.signal.aborted
          ? vscode.l10n.t(' — cancelling: waiting for the requests already sent')
          : Date.now() < waitingUntil
            ? ` — ${rateLimitMessage(waitingUntil - Date.now())}`
            : '';
        progress.report({ message: counts + extra, increment });
      };
      const cancellation = token.onCancellationRequested(() => controller.abort());
      const onAbort = (): void => show();
      controller.signal.addEventListener('abort', onAbort, { once: true });
      try {
        return await task({
          signal: controller.signal,
          onProgress: (d, t) => {
            const increment = t > 0 && d > done ? ((d - done) / t) * 100 : undefined;
            done = d;
            total = t;
            show(increment);
          },
          onRateLimitWait: (waitMs) => {
            waitingUntil = Math.max(waitingUntil, Date.now() + waitMs);
            show();
          },
        });
      } finally {
        cancellation.dispose();
        controller.signal.removeEventListener('abort', onAbort);
      }
    }),
  );
}
