// Helpers for integration tests (they run inside the VS Code extension host).
// A sandbox started here lives in the extension host's own process, on loopback, so the extension
// reaches it exactly as it would reach Tallyfy.
import * as vscode from 'vscode';
import { Sandbox, SandboxOptions, startSandbox } from '../sandbox';

export interface SuiteSandbox {
  sandbox: Sandbox;
  /** Restores the settings changed by startSuiteSandbox and closes the sandbox. */
  dispose(): Promise<void>;
}

type TallyfySetting = 'apiBaseUrl' | 'organizationId';

/**
 * Points `tallyfy.apiBaseUrl` / `tallyfy.organizationId` (user settings) at the sandbox.
 * VS Code refuses to write settings the extension does not declare in contributes.configuration,
 * so this only works once the extension declares them.
 */
export async function pointSettingsAt(sandbox: Pick<Sandbox, 'baseUrl' | 'orgId'>): Promise<() => Promise<void>> {
  const config = vscode.workspace.getConfiguration('tallyfy');
  const previous = new Map<TallyfySetting, unknown>();
  for (const key of ['apiBaseUrl', 'organizationId'] as const) previous.set(key, config.inspect(key)?.globalValue);
  await config.update('apiBaseUrl', sandbox.baseUrl, vscode.ConfigurationTarget.Global);
  await config.update('organizationId', sandbox.orgId, vscode.ConfigurationTarget.Global);
  return async () => {
    const current = vscode.workspace.getConfiguration('tallyfy');
    for (const [key, value] of previous) await current.update(key, value, vscode.ConfigurationTarget.Global);
  };
}

/** Starts a sandbox and points the extension's settings at it. Call dispose() in an `after` hook. */
export async function startSuiteSandbox(options: SandboxOptions = {}, pointSettings = true): Promise<SuiteSandbox> {
  const sandbox = await startSandbox(options);
  let restore: (() => Promise<void>) | undefined;
  try {
    if (pointSettings) restore = await pointSettingsAt(sandbox);
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  return {
    sandbox,
    dispose: async () => {
      try {
        await restore?.();
      } finally {
        await sandbox.close();
      }
    },
  };
}

/**
 * Polls until predicate returns a truthy value (which is returned) or timeoutMs passes (throws,
 * naming what was awaited and the last error the predicate threw, if any).
 */
export async function waitFor<T>(predicate: () => T | Promise<T>, timeoutMs = 5000, what = 'condition', intervalMs = 50): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await predicate();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
