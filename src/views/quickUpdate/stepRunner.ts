// Runs one step through whatever UserInterface is in place: its multi-step methods when it has
// them (VS Code's quick input, or the tests' scripted answers), otherwise a plain quick pick or
// input box (no Back button; closing it cancels).
import type * as vscode from 'vscode';
import type { UserInterface } from '../userInterface';
import type { StepAnswer, StepInputOptions, StepPickOptions } from './steps';

function titleWithStep(options: { title: string; step: number; totalSteps: number }): string {
  return `${options.title} (${options.step}/${options.totalSteps})`;
}

export async function askStepPick<T extends vscode.QuickPickItem>(ui: UserInterface, options: StepPickOptions<T>): Promise<StepAnswer<T>> {
  if (ui.showStepQuickPick) return ui.showStepQuickPick(options);
  const picked = await ui.showQuickPick(options.items, {
    title: titleWithStep(options),
    placeHolder: options.placeholder,
    matchOnDescription: options.matchOnDescription,
    matchOnDetail: options.matchOnDetail,
    ignoreFocusOut: true,
  });
  return picked ? { kind: 'value', value: picked } : { kind: 'cancel' };
}

export async function askStepInput(ui: UserInterface, options: StepInputOptions): Promise<StepAnswer<string>> {
  if (ui.showStepInputBox) return ui.showStepInputBox(options);
  const text = await ui.showInputBox({
    title: titleWithStep(options),
    value: options.value,
    prompt: options.prompt,
    placeHolder: options.placeholder,
    validateInput: (value) => options.validate(value),
    ignoreFocusOut: true,
  });
  return text === undefined ? { kind: 'cancel' } : { kind: 'value', value: text };
}
