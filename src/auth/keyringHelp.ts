// Explains a SecretStorage failure (usually Linux without a keyring) and offers to open argv.json,
// where the `password-store` fix goes (see SecretStorageError's message).
import * as vscode from 'vscode';
import type { Services } from '../services';
import { SecretStorageError } from './tokenStore';

const CONFIGURE = (): string => vscode.l10n.t('Configure Runtime Arguments');
const SHOW_LOG = (): string => vscode.l10n.t('Show Log');

export async function showSecretStorageError(services: Services, error: SecretStorageError): Promise<void> {
  services.log.error(error.message);
  const choice = await services.ui.showMessage('error', error.message, {}, CONFIGURE(), SHOW_LOG());
  if (choice === CONFIGURE()) await vscode.commands.executeCommand('workbench.action.configureRuntimeArguments');
  if (choice === SHOW_LOG()) services.log.show(true);
}
