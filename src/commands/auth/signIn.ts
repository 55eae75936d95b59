// Tallyfy: Sign In. Asks for a personal access token (password box), checks it with GET /me
// BEFORE storing anything, stores it only in SecretStorage, then lets the user choose an
// organization when none is set.
import { AuthError, ForbiddenError } from '../../api/errors';
import type { Me } from '../../api/types';
import { showSecretStorageError } from '../../auth/keyringHelp';
import { SecretStorageError } from '../../auth/tokenStore';
import type { Services } from '../../services';
import { extensionServices } from '../../servicesImpl';
import { showError } from '../../views/showError';
import { withApiProgress } from '../../views/progress';
import { selectOrganization } from '../organization/select';

const TRY_AGAIN = 'Try Again';

export async function signIn(services: Services): Promise<void> {
  const s = extensionServices(services);
  const settings = s.settings();
  const entered = await s.ui.showInputBox({
    title: 'Tallyfy: Sign In',
    prompt: `Paste a personal access token from Tallyfy (Settings > Integrations > REST API). It is checked with ${settings.apiBaseUrl} and kept in VS Code's secret storage.`,
    placeHolder: 'Personal access token',
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' ? 'Paste the token you copied from Tallyfy.' : undefined),
  });
  const token = entered?.trim();
  if (!token) return;

  let me: Me;
  try {
    me = await withApiProgress({ title: 'Checking your Tallyfy token…' }, (request) => s.clients.forAccount(settings, token).getMe(request));
  } catch (error) {
    if (error instanceof AuthError || error instanceof ForbiddenError) {
      const choice = await s.ui.showMessage(
        'error',
        'Tallyfy did not accept this token, so it was not saved. Copy the whole personal access token from Tallyfy (Settings > Integrations > REST API); tokens stop working when you log out of the web app and after 6 months.',
        {},
        TRY_AGAIN,
      );
      if (choice === TRY_AGAIN) await signIn(services);
      return;
    }
    await showError(services, error, { action: 'Could not check the token', retry: () => signIn(services) });
    return;
  }

  try {
    await s.auth.completeSignIn(token, settings);
  } catch (error) {
    if (error instanceof SecretStorageError) {
      await showSecretStorageError(services, error);
      return;
    }
    throw error;
  }
  s.log.info(`Signed in to Tallyfy as user ${me.id}.`);
  void s.ui.showMessage('info', `Signed in to Tallyfy as ${me.email || 'user ' + me.id}.`, {});
  if (settings.organizationId === '') {
    // Choosing one saves the setting; the configuration listener then loads its guests.
    await selectOrganization(services);
    return;
  }
  await s.refresh();
}
