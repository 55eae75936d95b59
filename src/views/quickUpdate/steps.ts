// One step of a multi-step quick input (quickinput-sample's MultiStepInput): a pick or a text
// box showing "step x/y", with a Back button from the second step on. The answer says whether the
// user chose something, went back or cancelled. The product answers with VS Code's quick input
// (multiStepInput.ts); the integration tests answer through their scripted UserInterface.
import type * as vscode from 'vscode';

export interface StepBase {
  title: string;
  step: number;
  totalSteps: number;
  /** Show the Back button (every step after the first). */
  canGoBack: boolean;
}

export interface StepPickOptions<T extends vscode.QuickPickItem> extends StepBase {
  items: readonly T[];
  activeItem?: T;
  placeholder?: string;
  matchOnDescription?: boolean;
  matchOnDetail?: boolean;
}

export interface StepInputOptions extends StepBase {
  value: string;
  prompt: string;
  placeholder?: string;
  /** Runs on every keystroke; a message blocks Enter. */
  validate(value: string): string | undefined;
}

export type StepAnswer<T> = { kind: 'value'; value: T } | { kind: 'back' } | { kind: 'cancel' };
