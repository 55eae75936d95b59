// "Copy Last Request as curl": the last request sent to Tallyfy, with its exact method, URL,
// headers and body, as a shell command that reads the token from $TALLYFY_TOKEN (the token itself
// never reaches the clipboard). Returns the command, so the tests can check it without the clipboard.
import * as vscode from 'vscode';
import { toCurl } from '../../api/curl';
import type { Services } from '../../services';

export async function copyRequestAsCurl(services: Services): Promise<string | undefined> {
  const record = services.client().lastRequest;
  if (!record) {
    void services.ui.showMessage('info', vscode.l10n.t('No request has been sent to Tallyfy yet with the current settings.'), {});
    return undefined;
  }
  const command = toCurl(record);
  await vscode.env.clipboard.writeText(command);
  void services.ui.showMessage('info', vscode.l10n.t('Copied {0} {1} as a curl command. Set TALLYFY_TOKEN in your shell before running it.', record.method, record.url), {});
  return command;
}
