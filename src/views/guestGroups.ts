// The groups a guest belongs to, for Show Guest Details. Listing groups may be refused (not every
// user may see them) or the list may come without guest lists; the details then say so instead
// of failing. Never throws.
import { isTallyfyError } from '../api/errors';
import { groupsOfGuest } from '../bulk/groupMembership';
import type { Services } from '../services';
import { l10n } from '../common/l10n';

/** Group names (sorted), or a sentence saying why they are unknown. */
export async function groupNamesForDetails(services: Services, email: string, signal?: AbortSignal): Promise<string[] | string> {
  try {
    const groups = await services.client().listGroups({ signal });
    if (groups.length > 0 && groups.every((g) => g.guests.length === 0)) {
      return l10n.t('Unknown: Tallyfy listed the groups without their guests.');
    }
    return groupsOfGuest(groups, email).map((g) => g.name).sort((a, b) => a.localeCompare(b));
  } catch (error) {
    const reason = isTallyfyError(error) ? error.userMessage : error instanceof Error ? error.message : String(error);
    return l10n.t('Unknown: the groups could not be listed ({0})', reason);
  }
}
