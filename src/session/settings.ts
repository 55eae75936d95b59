// The `tallyfy.*` settings, read in one place with their defaults and bounds.
import * as vscode from 'vscode';
import type { GuestSortKey } from '../model/guestList';

export const SORT_OPTIONS: readonly GuestSortKey[] = ['name', 'email', 'company', 'created', 'lastAccess'];

export const DEFAULT_BASE_URL = 'https://go.tallyfy.com/api';

export interface TallyfySettings {
  readonly apiBaseUrl: string;
  readonly organizationId: string;
  readonly pageSize: number;
  readonly requestTimeoutMs: number;
  readonly sortBy: GuestSortKey;
  readonly groupByCompany: boolean;
}

export function readSettings(): TallyfySettings {
  const config = vscode.workspace.getConfiguration('tallyfy');
  const sortBy = config.get<string>('sortBy', 'name');
  return {
    apiBaseUrl: (config.get<string>('apiBaseUrl') || DEFAULT_BASE_URL).trim(),
    organizationId: (config.get<string>('organizationId') ?? '').trim(),
    pageSize: clamp(Math.floor(config.get<number>('pageSize', 100)), 1, 999, 100),
    requestTimeoutMs: clamp(config.get<number>('requestTimeoutSeconds', 30), 1, 600, 30) * 1000,
    sortBy: (SORT_OPTIONS as readonly string[]).includes(sortBy) ? (sortBy as GuestSortKey) : 'name',
    groupByCompany: config.get<boolean>('groupByCompany', false) === true,
  };
}

/** Settings are written where the user keeps them: globally unless a workspace value overrides. */
export async function updateSetting(key: 'organizationId' | 'sortBy' | 'groupByCompany', value: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration('tallyfy');
  const inspected = config.inspect(key);
  const target =
    inspected?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : inspected?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
  await config.update(key, value, target);
}

function clamp(value: number, min: number, max: number, fallback: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}
