// Tallyfy: Sort Guests…. The order is the `tallyfy.sortBy` setting; the tree follows it.
import type { Services } from '../../services';
import { GUEST_SORT_LABELS, type GuestSortKey } from '../../model/guestList';
import { readSettings, SORT_OPTIONS, updateSetting } from '../../session/settings';

export async function sortGuests(services: Services): Promise<void> {
  const current = readSettings().sortBy;
  const items = SORT_OPTIONS.map((key) => ({
    label: GUEST_SORT_LABELS[key],
    description: key === current ? 'current' : undefined,
    key,
  }));
  const picked = await services.ui.showQuickPick(items, { title: 'Tallyfy: Sort Guests', placeHolder: 'Order the guests by…' });
  if (picked && picked.key !== current) await updateSetting('sortBy', picked.key satisfies GuestSortKey);
}
