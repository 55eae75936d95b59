// The one table of command ids → handlers (vscode-docker style). Each handler lives in its own
// file under commands/<noun>/<verb>.ts and takes (services, node?, nodes?): from the palette both are
// undefined, from the tree `node` is the clicked item and `nodes` the multi-selection.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { showError } from '../views/showError';

export type CommandHandler = (services: Services, node?: unknown, nodes?: readonly unknown[]) => unknown;

// Keep sorted by id. Adding a command: a file under commands/, a row here, a row in package.json.
export const COMMANDS: Readonly<Record<string, CommandHandler>> = {
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
