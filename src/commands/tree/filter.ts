// Tallyfy: Filter Guests…. Tallyfy's `q` searches emails on the server; names and companies are
// matched in the loaded list, and the tree shows both.
import type { Services } from '../../services';
import { extensionServices } from '../../servicesImpl';
import { l10n } from '../../common/l10n';

export async function filterGuests(services: Services): Promise<void> {
  const s = extensionServices(services);
  const text = await s.ui.showInputBox({
    title: l10n.t('Tallyfy: Filter Guests'),
    prompt: l10n.t('Show the guests whose name, email or company contains this text. Tallyfy searches emails; names and companies are matched in the loaded list.'),
    placeHolder: l10n.t('e.g. ana, acme, @client.test'),
    value: s.session.filter ?? '',
  });
  if (text === undefined) return;
  await s.list.applyFilter(text);
}
