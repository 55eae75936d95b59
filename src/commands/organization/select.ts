// Tallyfy: Choose Organization…. Lists the organizations from GET /me/organizations; when that
// call is not allowed (some tokens may not list them), asks for the id instead. Saves the setting.
import * as vscode from 'vscode';
import { ForbiddenError, NotFoundError } from '../../api/errors';
import type { Organization } from '../../api/types';
import type { Services } from '../../services';
import { extensionServices } from '../../servicesImpl';
import { updateSetting } from '../../session/settings';
import { withApiProgress } from '../../views/progress';
import { showError } from '../../views/showError';

const ENTER_ID = 'enter-id';

export async function selectOrganization(services: Services): Promise<string | undefined> {
  const s = extensionServices(services);
  if (s.session.state === 'signedOut') {
    const signInLabel = vscode.l10n.t('Sign In');
    const choice = await s.ui.showMessage('info', vscode.l10n.t('Sign in to Tallyfy first, then choose the organization.'), {}, signInLabel);
    if (choice === signInLabel) await vscode.commands.executeCommand('tallyfy.signIn');
    return undefined;
  }
  const settings = s.settings();
  // The stored token goes out here too, so a changed base URL needs the same confirmation as a refresh.
  if (!(await s.auth.ensureBaseUrlConfirmed(settings.apiBaseUrl))) return undefined;
  let organizations: Organization[] | undefined;
  try {
    organizations = await withApiProgress({ title: vscode.l10n.t('Loading your Tallyfy organizations…') }, (request) =>
      s.clients.forAccount(settings).listOrganizations(request),
    );
  } catch (error) {
    if (!(error instanceof ForbiddenError || error instanceof NotFoundError)) {
      await showError(services, error, { action: vscode.l10n.t('Could not list your organizations'), retry: () => selectOrganization(services) });
      return undefined;
    }
    s.log.info('Listing organizations is not allowed for this token; asking for the id instead.');
  }

  let id: string | undefined;
  if (organizations && organizations.length > 0) {
    const items = organizations.map((org) => ({
      label: org.name || org.id,
      description: org.id === settings.organizationId ? vscode.l10n.t('{0} (current)', org.id) : org.id,
      id: org.id,
    }));
    items.push({ label: `$(edit) ${vscode.l10n.t('Enter an organization id…')}`, description: '', id: ENTER_ID });
    const picked = await s.ui.showQuickPick(items, {
      title: vscode.l10n.t('Tallyfy: Choose Organization'),
      placeHolder: vscode.l10n.t('Whose guests do you want to see?'),
      matchOnDescription: true,
      ignoreFocusOut: true,
    });
    if (!picked) return undefined;
    id = picked.id === ENTER_ID ? await askForId(services, settings.organizationId) : picked.id;
  } else {
    id = await askForId(services, settings.organizationId);
  }
  if (!id) return undefined;
  s.log.info(`Organization set to ${id}.`);
  // A changed setting reloads the guests through the configuration listener; the same id does not fire it.
  if (id === settings.organizationId) void s.refresh();
  else await updateSetting('organizationId', id);
  return id;
}

async function askForId(services: Services, current: string): Promise<string | undefined> {
  const value = await services.ui.showInputBox({
    title: vscode.l10n.t('Tallyfy: Organization Id'),
    prompt: vscode.l10n.t('The id of your Tallyfy organization: in Tallyfy it is under Settings > Organization.'),
    value: current,
    ignoreFocusOut: true,
    validateInput: (text) => (text.trim() === '' ? vscode.l10n.t('Enter the organization id.') : /\s/.test(text.trim()) ? vscode.l10n.t('An organization id has no spaces.') : undefined),
  });
  return value?.trim() || undefined;
}
