// Tallyfy: Sort Guests…. The order is the `tallyfy.sortBy` setting; the tree follows it.
import type { Services } from '../../services';
import type { GuestSortKey } from '../../model/guestList';
import { readSettings, SORT_OPTIONS, updateSetting } from '../../session/settings';
import { l10n } from '../../common/l10n';

/** The model's GUEST_SORT_LABELS, in the user's language. */
function sortLabel(key: GuestSortKey): string {
  switch (key) {
    case 'name': return l10n.t('Name');
    case 'email': return l10n.t('Email');
    case 'company': return l10n.t('Company');
    case 'created': return l10n.t('Date added (newest first)');
    case 'lastAccess': return l10n.t('Last access (most recent first)');
  }
}

export async function sortGuests(services: Services): Promise<void> {
  const current = readSettings().sortBy;
  const items = SORT_OPTIONS.map((key) => ({
    label: sortLabel(key),
    description: key === current ? l10n.t('current') : undefined,
    key,
  }));
  const picked = await services.ui.showQuickPick(items, { title: l10n.t('Tallyfy: Sort Guests'), placeHolder: l10n.t('Order the guests by…') });
  if (picked && picked.key !== current) await updateSetting('sortBy', picked.key satisfies GuestSortKey);
}
