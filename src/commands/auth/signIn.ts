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
import { l10n } from '../../common/l10n';

const TRY_AGAIN = (): string => l10n.t('Try Again');

export async function signIn(services: Services): Promise<void> {
  const s = extensionServices(services);
  const settings = s.settings();
  const entered = await s.ui.showInputBox({
    title: l10n.t('Tallyfy: Sign In'),
    prompt: l10n.t('Paste a personal access token from Tallyfy (Settings > Integrations > REST API). It is checked with {0} and kept in VS Code\'s secret storage.', settings.apiBaseUrl),
    placeHolder: l10n.t('Personal access token'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' ? l10n.t('Paste the token you copied from Tallyfy.') : undefined),
  });
  const token = entered?.trim();
  if (!token) return;

  let me: Me;
  try {
    me = await withApiProgress({ title: l10n.t('Checking your Tallyfy token…') }, (request) => s.clients.forAccount(settings, token).getMe(request));
  } catch (error) {
    if (error instanceof AuthError || error instanceof ForbiddenError) {
      const choice = await s.ui.showMessage(
        'error',
        l10n.t('Tallyfy did not accept this token, so it was not saved. Copy the whole personal access token from Tallyfy (Settings > Integrations > REST API); tokens stop working when you log out of the web app and after 6 months.'),
        {},
        TRY_AGAIN(),
      );
      if (choice === TRY_AGAIN()) await signIn(services);
      return;
    }
    await showError(services, error, { action: l10n.t('Could not check the token'), retry: () => signIn(services) });
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
  void s.ui.showMessage('info', me.email ? l10n.t('Signed in to Tallyfy as {0}.', me.email) : l10n.t('Signed in to Tallyfy as user {0}.', me.id), {});
  if (settings.organizationId === '') {
    // Choosing one saves the setting; the configuration listener then loads its guests.
    await selectOrganization(services);
    return;
  }
  await s.refresh();
}
