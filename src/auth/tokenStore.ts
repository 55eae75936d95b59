// The personal access token lives only in VS Code's SecretStorage (key `tallyfy.token`), never in
// settings or logs. SecretStorage fails on Linux without a Secret Service keyring
// (microsoft/vscode#187338): every failure is rethrown as SecretStorageError, which explains the fix.
// Only `import type` from vscode, so the plain-Node unit tests can load this file.
import { createHash } from 'crypto';
import type * as vscode from 'vscode';
import { l10n } from '../common/l10n';

export const TOKEN_SECRET_KEY = 'tallyfy.token';

/** The part of vscode.SecretStorage used here (a fake in unit tests). */
export interface SecretStorageLike {
  get(key: string): Thenable<string | undefined>;
  store(key: string, value: string): Thenable<void>;
  delete(key: string): Thenable<void>;
  readonly onDidChange: vscode.Event<{ key: string }>;
}

type Operation = 'read' | 'store' | 'delete';

/** A SecretStorage failure, worded for the user with the argv.json `password-store` fix. */
export class SecretStorageError extends Error {
  constructor(
    readonly operation: Operation,
    readonly failure: unknown,
  ) {
    super(secretStorageMessage(operation, failure));
    this.name = 'SecretStorageError';
  }
}

export function secretStorageMessage(operation: Operation, cause: unknown): string {
  const verb = operation === 'read' ? l10n.t('read your Tallyfy token from') : operation === 'store' ? l10n.t('save your Tallyfy token in') : l10n.t('remove your Tallyfy token from');
  const reason = cause instanceof Error ? cause.message : String(cause);
  return (
    l10n.t('VS Code could not {0} the system keyring ({1}). ', verb, reason) +
    l10n.t('On Linux this happens when no Secret Service keyring (GNOME Keyring, KWallet) is available. ') +
    l10n.t('Fix: run "Preferences: Configure Runtime Arguments", add "password-store": "gnome-libsecret" to argv.json ') +
    l10n.t('(or "basic", which keeps secrets with weaker protection), then restart VS Code.')
  );
}

/** Stands in for the token when comparing: a short hash, so the token itself is never kept around. */
export function fingerprint(token: string | undefined): string | undefined {
  return token === undefined || token === '' ? undefined : createHash('sha256').update(token).digest('hex').slice(0, 16);
}

export interface TokenChange {
  readonly present: boolean;
  /** True when a different token replaced the one this window knew (another window signed in). */
  readonly replaced: boolean;
}

export class TokenStore {
  private knownFingerprint: string | undefined;

  constructor(private readonly secrets: SecretStorageLike) {}

  /** Reads the token; each API request calls this, so a new sign-in applies at once. */
  async get(): Promise<string | undefined> {
    let token: string | undefined;
    try {
      token = await this.secrets.get(TOKEN_SECRET_KEY);
    } catch (error) {
      throw new SecretStorageError('read', error);
    }
    return token === '' ? undefined : token;
  }

  // The fingerprint is updated before the write: SecretStorage may fire onDidChange before the
  // write's promise settles, and that event must be recognised as this window's own.
  async store(token: string): Promise<void> {
    const previous = this.knownFingerprint;
    this.knownFingerprint = fingerprint(token);
    try {
      await this.secrets.store(TOKEN_SECRET_KEY, token);
    } catch (error) {
      this.knownFingerprint = previous;
      throw new SecretStorageError('store', error);
    }
  }

  async delete(): Promise<void> {
    this.knownFingerprint = undefined;
    try {
      await this.secrets.delete(TOKEN_SECRET_KEY);
    } catch (error) {
      throw new SecretStorageError('delete', error);
    }
  }

  /** Remembers which token this window works with, so `onDidChange` can ignore our own writes. */
  async readAndRemember(): Promise<boolean> {
    const token = await this.get();
    this.knownFingerprint = fingerprint(token);
    return token !== undefined;
  }

  /**
   * Calls `listener` when the token changed in another window (SecretStorage is shared by all
   * windows). This window's own store/delete are recognised and skipped.
   */
  onDidChange(listener: (change: TokenChange) => void, onError: (error: unknown) => void): vscode.Disposable {
    return this.secrets.onDidChange(async (event) => {
      if (event.key !== TOKEN_SECRET_KEY) return;
      try {
        const before = this.knownFingerprint;
        const now = fingerprint(await this.get());
        if (now === before) return;
        this.knownFingerprint = now;
        listener({ present: now !== undefined, replaced: before !== undefined && now !== undefined });
      } catch (error) {
        onError(error);
      }
    });
  }
}
