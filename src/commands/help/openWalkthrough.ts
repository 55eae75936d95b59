// Tallyfy: Get Started with Tallyfy Guests. Opens the walkthrough (contributes.walkthroughs in
// package.json); the welcome views of the Guests view link here.
import * as vscode from 'vscode';

/** `<publisher>.<name>#<walkthrough id>`, as workbench.action.openWalkthrough expects it. */
export const WALKTHROUGH_ID = 'guestbook-tools.tallyfy-guests#gettingStarted';

export async function openWalkthrough(): Promise<void> {
  // false: open it in the editor area as a tab, not "to the side".
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false);
}
