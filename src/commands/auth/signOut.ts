// Tallyfy: Sign Out. Deletes the token and every guest this machine kept (memory and globalState).
import { showSecretStorageError } from '../../auth/keyringHelp';
import { SecretStorageError } from '../../auth/tokenStore';
import type { Services } from '../../services';
import { extensionServices } from '../../servicesImpl';
import { l10n } from '../../common/l10n';

export async function signOut(services: Services): Promise<void> {
  const s = extensionServices(services);
  try {
    await s.auth.signOut();
  } catch (error) {
    if (error instanceof SecretStorageError) {
      await showSecretStorageError(services, error);
      return;
    }
    throw error;
  }
  s.log.info('Signed out of Tallyfy.');
  void s.ui.showMessage('info', l10n.t('Signed out of Tallyfy. Your token and the saved guest list were removed from this machine.'), {});
}
