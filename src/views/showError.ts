// The one place where typed API errors become UI. Every command goes through it (commands/registry.ts),
// and so do the form and the quick input for errors they don't show at a field.
import * as vscode from 'vscode';
import {
  AuthError,
  CancelledError,
  ConfigError,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
  isTallyfyError,
} from '../api/errors';
import type { Services } from '../services';

export interface ErrorContext {
  /** The guest the failed operation was about: a NotFoundError then removes it and refreshes the tree. */
  guestEmail?: string;
  /** Offered as a "Retry" button for errors worth retrying (network, timeout, server, rate limit). */
  retry?: () => unknown;
  /** Prefix such as "Could not save Ana Ops" (no trailing period). */
  action?: string;
}

const SIGN_IN = (): string => vscode.l10n.t('Sign In');
const RETRY = (): string => vscode.l10n.t('Retry');
const SHOW_LOG = (): string => vscode.l10n.t('Show Log');
const OPEN_SETTINGS = (): string => vscode.l10n.t('Open Settings');

/** Fields of a ValidationError as one readable sentence: "Phone 1: too long. Email: already taken." */
export function describeFieldErrors(error: ValidationError): string {
  const parts = Object.entries(error.fieldErrors).map(([field, messages]) => `${field}: ${messages.join(' ')}`);
  return parts.length > 0 ? parts.join(' ') : error.userMessage;
}

export async function showError(services: Services, error: unknown, context: ErrorContext = {}): Promise<void> {
  if (error instanceof CancelledError) return;
  const prefix = context.action ? `${context.action}: ` : '';
  services.log.error(`${prefix}${isTallyfyError(error) ? `${error.kind}: ${error.userMessage}` : String(error)}`);

  if (error instanceof AuthError) {
    await services.session.handleAuthFailure();
    const choice = await services.ui.showMessage(
      'error',
      vscode.l10n.t('{0}Your Tallyfy token is no longer valid. Tallyfy deletes personal access tokens when you log out of the web app and after 6 months. Sign in again with a new token.', prefix),
      {},
      SIGN_IN(),
    );
    if (choice === SIGN_IN()) await vscode.commands.executeCommand('tallyfy.signIn');
    return;
  }
  if (error instanceof ConfigError) {
    const fix = error.setting === 'token' ? SIGN_IN() : OPEN_SETTINGS();
    const choice = await services.ui.showMessage('error', `${prefix}${error.userMessage}`, {}, fix);
    if (choice === SIGN_IN()) await vscode.commands.executeCommand('tallyfy.signIn');
    if (choice === OPEN_SETTINGS()) await vscode.commands.executeCommand('workbench.action.openSettings', error.setting ? `tallyfy.${error.setting}` : 'tallyfy');
    return;
  }
  if (error instanceof NotFoundError) {
    if (context.guestEmail) {
      services.store.remove(context.guestEmail);
      void services.ui.showMessage('warning', vscode.l10n.t('{0}The guest {1} no longer exists in Tallyfy. The list has been refreshed.', prefix, context.guestEmail), {});
      void services.refresh();
    } else {
      void services.ui.showMessage('warning', `${prefix}${error.userMessage}`, {});
    }
    return;
  }
  if (error instanceof ForbiddenError) {
    void services.ui.showMessage('error', `${prefix}${error.userMessage}`, {});
    return;
  }
  if (error instanceof ValidationError) {
    void services.ui.showMessage('error', vscode.l10n.t('{0}Tallyfy rejected the change. {1}', prefix, describeFieldErrors(error)), {});
    return;
  }
  const retryable = error instanceof NetworkError || error instanceof TimeoutError || error instanceof ServerError || error instanceof RateLimitError;
  if (retryable) {
    const buttons = context.retry ? [RETRY(), SHOW_LOG()] : [SHOW_LOG()];
    const choice = await services.ui.showMessage('error', `${prefix}${error.userMessage}`, {}, ...buttons);
    if (choice === RETRY() && context.retry) await context.retry();
    if (choice === SHOW_LOG()) services.log.show(true);
    return;
  }
  const message = isTallyfyError(error) ? error.userMessage : vscode.l10n.t('Unexpected error: {0}', error instanceof Error ? error.message : String(error));
  const choice = await services.ui.showMessage('error', `${prefix}${message}`, {}, SHOW_LOG());
  if (choice === SHOW_LOG()) services.log.show(true);
}
