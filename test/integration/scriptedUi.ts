// A UserInterface for integration tests: answers prompts from a script and records everything
// shown, so a test can drive a command to its end inside the real VS Code and then check what the
// user would have seen. Unscripted prompts are answered like a user pressing Escape (undefined).
// Assign it to `services.ui` and restore `vscodeUserInterface` afterwards (see useScriptedUi).
import type * as vscode from 'vscode';
import type { Services } from '../../src/services';
import type { StepAnswer, StepInputOptions, StepPickOptions } from '../../src/views/quickUpdate/steps';
import type { Severity, UserInterface } from '../../src/views/userInterface';

export type PromptKind = 'input' | 'pick' | 'pickMany' | 'message';

export interface RecordedPrompt {
  kind: PromptKind;
  /** Input box: prompt (or title); quick pick: title or placeholder; message: the message. */
  text: string;
  severity?: Severity;
  modal?: boolean;
  detail?: string;
  /** Message buttons, or quick pick item labels. */
  choices: string[];
  /** Input box options as given (password, value, …). */
  input?: vscode.InputBoxOptions;
  /** What the script answered (undefined: dismissed). */
  answer?: string | string[];
  /** validateInput's complaint about the scripted value, if it had one (the value was then not submitted). */
  validation?: string;
  /** Multi-step quick input only: "x/y", and whether the Back button was offered. */
  step?: string;
  canGoBack?: boolean;
}

type PickAnswer = string | RegExp | ((items: readonly vscode.QuickPickItem[]) => vscode.QuickPickItem | undefined);

interface Scripted {
  kind: PromptKind;
  match?: RegExp;
  input?: string | undefined;
  pick?: PickAnswer | undefined;
  picks?: (items: readonly vscode.QuickPickItem[]) => vscode.QuickPickItem[] | undefined;
  action?: string | undefined;
  /** Multi-step quick input: press the Back button instead of answering. */
  back?: boolean;
}

export class ScriptedUi implements UserInterface {
  readonly shown: RecordedPrompt[] = [];
  private readonly script: Scripted[] = [];

  /** The next input box (whose prompt/title matches `match`, if given) receives `value`; undefined = Escape. */
  answerInput(value: string | undefined, match?: RegExp): this {
    this.script.push({ kind: 'input', match, input: value });
    return this;
  }

  /** The next quick pick chooses the item whose label equals the string / matches the RegExp, or what the function returns. */
  answerPick(pick: PickAnswer | undefined, match?: RegExp): this {
    this.script.push({ kind: 'pick', match, pick });
    return this;
  }

  answerPickMany(picks: (items: readonly vscode.QuickPickItem[]) => vscode.QuickPickItem[] | undefined, match?: RegExp): this {
    this.script.push({ kind: 'pickMany', match, picks });
    return this;
  }

  /** The next message (text matching `match`, if given) is answered by clicking `action`; undefined = dismissed. */
  answerMessage(action: string | undefined, match?: RegExp): this {
    this.script.push({ kind: 'message', match, action });
    return this;
  }

  /** The next multi-step pick or input box (matching `match`, if given) is answered with the Back button. */
  answerBack(kind: 'input' | 'pick', match?: RegExp): this {
    this.script.push({ kind, match, back: true });
    return this;
  }

  /** Texts of the messages shown, optionally of one severity. */
  messages(severity?: Severity): string[] {
    return this.shown.filter((p) => p.kind === 'message' && (!severity || p.severity === severity)).map((p) => p.text);
  }

  lastMessage(match: RegExp): RecordedPrompt | undefined {
    return [...this.shown].reverse().find((p) => p.kind === 'message' && match.test(p.text));
  }

  /** Scripted answers no prompt has used yet (a test can assert this is empty). */
  get unused(): number {
    return this.script.length;
  }

  async showInputBox(options: vscode.InputBoxOptions): Promise<string | undefined> {
    const text = options.prompt ?? options.title ?? '';
    const entry = this.take('input', text);
    const prompt: RecordedPrompt = { kind: 'input', text, choices: [], input: options };
    this.shown.push(prompt);
    const value = entry?.input;
    if (value === undefined) return undefined;
    const complaint = await options.validateInput?.(value);
    const message = typeof complaint === 'string' ? complaint : complaint?.message;
    if (message) {
      prompt.validation = message;
      return undefined;
    }
    prompt.answer = value;
    return value;
  }

  async showQuickPick<T extends vscode.QuickPickItem>(
    items: readonly T[] | Thenable<readonly T[]>,
    options: vscode.QuickPickOptions & { canPickMany?: false },
  ): Promise<T | undefined> {
    const list = await items;
    const text = options.title ?? options.placeHolder ?? '';
    const entry = this.take('pick', text);
    const prompt: RecordedPrompt = { kind: 'pick', text, choices: list.map((i) => i.label) };
    this.shown.push(prompt);
    const answer = entry?.pick;
    if (answer === undefined) return undefined;
    const picked =
      typeof answer === 'function'
        ? (answer(list) as T | undefined)
        : list.find((item) => (typeof answer === 'string' ? item.label === answer : answer.test(item.label)));
    prompt.answer = picked?.label;
    return picked;
  }

  async showQuickPickMany<T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>, options: vscode.QuickPickOptions): Promise<readonly T[] | undefined> {
    const list = await items;
    const text = options.title ?? options.placeHolder ?? '';
    const entry = this.take('pickMany', text);
    const prompt: RecordedPrompt = { kind: 'pickMany', text, choices: list.map((i) => i.label) };
    this.shown.push(prompt);
    const picked = entry?.picks?.(list) as T[] | undefined;
    prompt.answer = picked?.map((p) => p.label);
    return picked;
  }

  async showMessage(severity: Severity, message: string, options: { modal?: boolean; detail?: string }, ...actions: string[]): Promise<string | undefined> {
    const entry = this.take('message', message);
    const prompt: RecordedPrompt = { kind: 'message', text: message, severity, modal: options.modal, detail: options.detail, choices: actions };
    this.shown.push(prompt);
    const action = entry?.action;
    if (action !== undefined && !actions.includes(action)) {
      throw new Error(`Scripted answer "${action}" is not one of the buttons [${actions.join(', ')}] of: ${message}`);
    }
    prompt.answer = action;
    return action;
  }

  async showStepQuickPick<T extends vscode.QuickPickItem>(options: StepPickOptions<T>): Promise<StepAnswer<T>> {
    const text = options.placeholder ?? options.title;
    const entry = this.take('pick', text);
    const prompt: RecordedPrompt = {
      kind: 'pick', text, choices: options.items.map((i) => i.label), step: `${options.step}/${options.totalSteps}`, canGoBack: options.canGoBack,
    };
    this.shown.push(prompt);
    if (entry?.back) {
      if (!options.canGoBack) throw new Error(`Scripted Back on a step without a Back button: ${text}`);
      prompt.answer = '<back>';
      return { kind: 'back' };
    }
    const answer = entry?.pick;
    if (answer === undefined) return { kind: 'cancel' };
    const picked =
      typeof answer === 'function'
        ? (answer(options.items) as T | undefined)
        : options.items.find((item) => (typeof answer === 'string' ? item.label === answer : answer.test(item.label)));
    prompt.answer = picked?.label;
    return picked ? { kind: 'value', value: picked } : { kind: 'cancel' };
  }

  async showStepInputBox(options: StepInputOptions): Promise<StepAnswer<string>> {
    const text = options.prompt;
    const entry = this.take('input', text);
    const prompt: RecordedPrompt = {
      kind: 'input', text, choices: [], input: { value: options.value, prompt: options.prompt, title: options.title },
      step: `${options.step}/${options.totalSteps}`, canGoBack: options.canGoBack,
    };
    this.shown.push(prompt);
    if (entry?.back) {
      if (!options.canGoBack) throw new Error(`Scripted Back on a step without a Back button: ${text}`);
      prompt.answer = '<back>';
      return { kind: 'back' };
    }
    const value = entry?.input;
    if (value === undefined) return { kind: 'cancel' };
    const message = options.validate(value);
    if (message) {
      prompt.validation = message;
      return { kind: 'cancel' };
    }
    prompt.answer = value;
    return { kind: 'value', value };
  }

  private take(kind: PromptKind, text: string): Scripted | undefined {
    const index = this.script.findIndex((s) => s.kind === kind && (!s.match || s.match.test(text)));
    return index < 0 ? undefined : this.script.splice(index, 1)[0];
  }
}

/** Installs a fresh ScriptedUi on `services` and returns it with a function that puts the previous UI back. */
export function useScriptedUi(services: Services): { ui: ScriptedUi; restore: () => void } {
  const previous = services.ui;
  const ui = new ScriptedUi();
  services.ui = ui;
  return { ui, restore: () => (services.ui = previous) };
}
