// In-memory stand-ins for the VS Code storage the pure session modules use.
import type { SecretStorageLike } from '../../../src/auth/tokenStore';
import type { MementoLike } from '../../../src/session/memento';

export class FakeMemento implements MementoLike {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, JSON.parse(JSON.stringify(value)));
  }
}

type Listener = (event: { key: string }) => unknown;

/** Shared by several "windows": each TokenStore gets the same secrets, as VS Code does. */
export class FakeSecrets implements SecretStorageLike {
  readonly values = new Map<string, string>();
  failWith: Error | undefined;
  private listeners: Listener[] = [];
  readonly fired: Promise<unknown>[] = [];

  async get(key: string): Promise<string | undefined> {
    if (this.failWith) throw this.failWith;
    return this.values.get(key);
  }
  async store(key: string, value: string): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.values.set(key, value);
    this.fire(key);
  }
  async delete(key: string): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.values.delete(key);
    this.fire(key);
  }
  readonly onDidChange = (listener: Listener) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  /** Resolves once every listener of every change so far has settled. */
  async settled(): Promise<void> {
    await Promise.all(this.fired);
  }
  private fire(key: string): void {
    for (const listener of this.listeners) this.fired.push(Promise.resolve(listener({ key })));
  }
}
