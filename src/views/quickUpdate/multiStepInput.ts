// VS Code's side of the multi-step quick input: createQuickPick/createInputBox with the step
// counter, a Back button and validation as you type (the quickinput-sample pattern). The widget
// stays open when focus moves elsewhere, so a long flow is not lost to a stray click.
import * as vscode from 'vscode';
import { escapeLinks } from '../iconText';
import type { StepAnswer, StepInputOptions, StepPickOptions } from './steps';

function settleOnce<T>(resolve: (answer: StepAnswer<T>) => void, input: vscode.QuickInput): (answer: StepAnswer<T>) => void {
  let settled = false;
  return (answer) => {
    if (settled) return;
    settled = true;
    resolve(answer);
    input.dispose();
  };
}

export function showStepQuickPick<T extends vscode.QuickPickItem>(options: StepPickOptions<T>): Promise<StepAnswer<T>> {
  return new Promise((resolve) => {
    const input = vscode.window.createQuickPick<T>();
    const finish = settleOnce(resolve, input);
    input.title = options.title;
    input.step = options.step;
    input.totalSteps = options.totalSteps;
    input.placeholder = options.placeholder;
    input.matchOnDescription = options.matchOnDescription ?? false;
    input.matchOnDetail = options.matchOnDetail ?? false;
    input.ignoreFocusOut = true;
    input.items = options.items;
    if (options.activeItem) input.activeItems = [options.activeItem];
    input.buttons = options.canGoBack ? [vscode.QuickInputButtons.Back] : [];
    input.onDidTriggerButton((button) => {
      if (button === vscode.QuickInputButtons.Back) finish({ kind: 'back' });
    });
    input.onDidAccept(() => {
      const item = input.selectedItems[0] ?? input.activeItems[0];
      if (item) finish({ kind: 'value', value: item });
    });
    input.onDidHide(() => finish({ kind: 'cancel' }));
    input.show();
  });
}

export function showStepInputBox(options: StepInputOptions): Promise<StepAnswer<string>> {
  return new Promise((resolve) => {
    const input = vscode.window.createInputBox();
    const finish = settleOnce(resolve, input);
    input.title = options.title;
    input.step = options.step;
    input.totalSteps = options.totalSteps;
    input.value = options.value;
    input.valueSelection = [0, options.value.length];
    input.prompt = escapeLinks(options.prompt); // the prompt names the guest; it renders links (iconText.ts)
    input.placeholder = options.placeholder;
    input.ignoreFocusOut = true;
    input.buttons = options.canGoBack ? [vscode.QuickInputButtons.Back] : [];
    input.onDidTriggerButton((button) => {
      if (button === vscode.QuickInputButtons.Back) finish({ kind: 'back' });
    });
    input.onDidChangeValue((value) => {
      input.validationMessage = options.validate(value);
    });
    input.onDidAccept(() => {
      const message = options.validate(input.value);
      input.validationMessage = message;
      if (message === undefined) finish({ kind: 'value', value: input.value });
    });
    input.onDidHide(() => finish({ kind: 'cancel' }));
    input.show();
  });
}
