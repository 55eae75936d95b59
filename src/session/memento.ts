// The part of vscode.Memento (globalState) the pure session modules use; unit tests pass a Map-backed fake.
export interface MementoLike {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}
