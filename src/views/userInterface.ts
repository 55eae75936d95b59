// The prompts and messages the extension shows, behind one seam. In the product it is VS Code's own
// window API; the integration tests (which run inside a real VS Code) swap in a scripted answerer so
// a flow can be driven to the end and the messages it showed can be checked. The UI suite (Chromium)
// drives the real widgets.
import * as vscode from 'vscode';
import { escapeLinks } from './iconText';
import { showStepInputBox, showStepQuickPick } from './quickUpdate/multiStepInput';
import type { StepAnswer, StepInputOptions, StepPickOptions } from './quickUpdate/steps';

export type Severity = 'info' | 'warning' | 'error';

export interface UserInterface {
  showInputBox(options: vscode.InputBoxOptions): Thenable<string | undefined>;
  showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>, options: vscode.QuickPickOptions & { canPickMany?: false }): Thenable<T | undefined>;
  showQuickPickMany<T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>, options: vscode.QuickPickOptions): Thenable<readonly T[] | undefined>;
  /** A notification (or a modal dialog with `modal: true`); resolves to the chosen action. */
  showMessage(severity: Severity, message: string, options: { modal?: boolean; detail?: string }, ...actions: string[]): Thenable<string | undefined>;
  /** One step of a multi-step quick input (step x/y, Back button). Optional: flows fall back to showQuickPick without Back. */
  showStepQuickPick?<T extends vscode.QuickPickItem>(options: StepPickOptions<T>): Thenable<StepAnswer<T>>;
  /** One text step of a multi-step quick input, validated as you type. Optional: flows fall back to showInputBox. */
  showStepInputBox?(options: StepInputOptions): Thenable<StepAnswer<string>>;
}

export const vscodeUserInterface: UserInterface = {
  // Prompts and messages render `[label](command:…)` as a link: text from the API must not (iconText.ts).
  showInputBox: (options) => vscode.window.showInputBox(options.prompt === undefined ? options : { ...options, prompt: escapeLinks(options.prompt) }),
  showQuickPick: (items, options) => vscode.window.showQuickPick(items as T2<typeof items>, { ...options, canPickMany: false }),
  showQuickPickMany: (items, options) => vscode.window.showQuickPick(items as T2<typeof items>, { ...options, canPickMany: true }),
  showMessage(severity, message, options, ...actions) {
    const show = severity === 'error' ? vscode.window.showErrorMessage : severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    return show(escapeLinks(message), options, ...actions);
  },
  showStepQuickPick,
  showStepInputBox,
};

// VS Code's typings want mutable arrays; ours are readonly by intent.
type T2<X> = X extends readonly (infer I)[] ? I[] : X extends Thenable<readonly (infer J)[]> ? Thenable<J[]> : never;
