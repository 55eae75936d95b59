// The one table of command ids → handlers (vscode-docker style). Each handler lives in its own
// file under commands/<noun>/<verb>.ts and takes (services, node?, nodes?): from the palette both are
// undefined, from the tree `node` is the clicked item and `nodes` the multi-selection.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { showError } from '../views/showError';
import { cancelBulkUpdate } from './bulk/cancel';
import { retryFailedBulkUpdate } from './bulk/retry';
import { showLastBulkReport } from './bulk/showReport';
import { undoLastBulkUpdate } from './bulk/undo';
import { bulkUpdateGuests } from './bulk/update';
import { exportGuestsCsv } from './csv/export';
import { importGuestsCsv } from './csv/import';
import { addGuestToGroup } from './group/addGuest';
import { removeGuestFromGroup } from './group/removeGuest';
import { convertGuestToMember } from './guest/convertToMember';
import { disableGuest } from './guest/disable';
import { enableGuest } from './guest/enable';
import { signIn } from './auth/signIn';
import { signOut } from './auth/signOut';
import { copyGuestEmail } from './guest/copyEmail';
import { copyRequestAsCurl } from './guest/copyRequestAsCurl';
import { createGuest } from './guest/create';
import { deleteGuest } from './guest/delete';
import { editGuest } from './guest/edit';
import { quickUpdateGuest, quickUpdateLastGuest } from './guest/quickUpdate';
import { undoLastGuestUpdate } from './guest/undoLastUpdate';
import { openWalkthrough } from './help/openWalkthrough';
import { showGuestDetails } from './guest/showDetails';
import { selectOrganization } from './organization/select';
import { clearGuestFilter } from './tree/clearFilter';
import { filterGuests } from './tree/filter';
import { refreshGuests } from './tree/refresh';
import { showLog } from './tree/showLog';
import { sortGuests } from './tree/sort';
import { toggleGroupByCompany } from './tree/toggleGroupByCompany';

export type CommandHandler = (services: Services, node?: unknown, nodes?: readonly unknown[]) => unknown;

// Keep sorted by id. Adding a command: a file under commands/, a row here, a row in package.json.
export const COMMANDS: Readonly<Record<string, CommandHandler>> = {
  'tallyfy.addGuestToGroup': addGuestToGroup,
  'tallyfy.bulkUpdateGuests': bulkUpdateGuests,
  'tallyfy.cancelBulkUpdate': cancelBulkUpdate,
  'tallyfy.clearGuestFilter': clearGuestFilter,
  'tallyfy.convertGuestToMember': convertGuestToMember,
  'tallyfy.copyGuestEmail': copyGuestEmail,
  'tallyfy.copyRequestAsCurl': copyRequestAsCurl,
  'tallyfy.createGuest': createGuest,
  'tallyfy.deleteGuest': deleteGuest,
  'tallyfy.disableGuest': disableGuest,
  'tallyfy.editGuest': editGuest,
  'tallyfy.enableGuest': enableGuest,
  'tallyfy.exportGuestsCsv': exportGuestsCsv,
  'tallyfy.filterGuests': filterGuests,
  'tallyfy.importGuestsCsv': importGuestsCsv,
  'tallyfy.openWalkthrough': openWalkthrough,
  'tallyfy.quickUpdateGuest': quickUpdateGuest,
  'tallyfy.quickUpdateLastGuest': quickUpdateLastGuest,
  'tallyfy.refreshGuests': refreshGuests,
  'tallyfy.removeGuestFromGroup': removeGuestFromGroup,
  'tallyfy.retryFailedBulkUpdate': retryFailedBulkUpdate,
  'tallyfy.selectOrganization': selectOrganization,
  'tallyfy.showBulkUpdateReport': showLastBulkReport,
  'tallyfy.showGuestDetails': showGuestDetails,
  'tallyfy.showLog': showLog,
  'tallyfy.signIn': signIn,
  'tallyfy.signOut': signOut,
  'tallyfy.sortGuests': sortGuests,
  'tallyfy.toggleGroupByCompany': toggleGroupByCompany,
  'tallyfy.undoLastBulkUpdate': undoLastBulkUpdate,
  'tallyfy.undoLastGuestUpdate': undoLastGuestUpdate,
};

export function registerCommands(services: Services): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, handler]) =>
    vscode.commands.registerCommand(id, async (node?: unknown, nodes?: readonly unknown[]) => {
      try {
        return await handler(services, node, nodes);
      } catch (error) {
        // Errors reach the user as messages, never as an unhandled rejection in the extension host.
        await showError(services, error);
        return undefined;
      }
    }),
  );
}
