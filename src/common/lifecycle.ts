// A small Disposable base in the style of vscode-pull-request-github's lifecycle.ts: whatever a
// class registers is disposed with it, so nothing outlives the extension by accident.
// No `vscode` import: the pure layers (src/state) use it too.

export interface IDisposable {
  dispose(): void;
}

export function toDisposable(dispose: () => void): IDisposable {
  let done = false;
  return {
    dispose() {
      if (!done) {
        done = true;
        dispose();
      }
    },
  };
}

export function disposeAll(disposables: IDisposable[]): void {
  while (disposables.length > 0) {
    disposables.pop()?.dispose();
  }
}

export abstract class Disposable implements IDisposable {
  private readonly _disposables: IDisposable[] = [];
  private _isDisposed = false;

  protected get isDisposed(): boolean {
    return this._isDisposed;
  }

  protected _register<T extends IDisposable>(value: T): T {
    if (this._isDisposed) {
      value.dispose();
    } else {
      this._disposables.push(value);
    }
    return value;
  }

  dispose(): void {
    if (this._isDisposed) return;
    this._isDisposed = true;
    disposeAll(this._disposables);
  }
}

/** A minimal typed event emitter for the layers that must not import `vscode`. */
export class Emitter<T> implements IDisposable {
  private listeners: Array<(value: T) => void> = [];

  readonly event = (listener: (value: T) => void): IDisposable => {
    this.listeners.push(listener);
    return toDisposable(() => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    });
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }

  dispose(): void {
    this.listeners = [];
  }
}
