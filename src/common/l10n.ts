// Translation for code that must not import 'vscode': src/model, src/bulk, src/editing, the command
// flows that only talk to services.ui, and the webview script (media/). Calls read exactly like VS
// Code's own `l10n.t('Saved {0}.', name)`, so `npm run l10n` (scripts/l10n.js) extracts them into
// l10n/bundle.l10n.json together with the `vscode.l10n.t` calls.
//
// Who translates: activate() installs vscode.l10n.t (installTranslator), and the webview installs the
// bundle the extension sends it (useBundle). Until then (unit tests, benchmarks, module load) a
// message is its English text with the {0}, {1}… placeholders filled in, as vscode.l10n.t does when
// no bundle is loaded. So call t() when the text is needed, never in a module-level constant.

export type L10nArg = string | number | boolean;
export type Translator = (message: string, args: readonly L10nArg[]) => string;

/** `{0}`, `{1}`… replaced by the arguments; a placeholder without an argument stays as it is. */
export function format(template: string, args: readonly L10nArg[]): string {
  if (args.length === 0) return template;
  return template.replace(/\{(\d+)\}/g, (placeholder, index: string) => {
    const i = Number(index);
    return i < args.length ? String(args[i]) : placeholder;
  });
}

const english: Translator = (message, args) => format(message, args);
let current: Translator = english;

export const l10n = {
  /** The message in the user's language, placeholders filled in. */
  t(message: string, ...args: L10nArg[]): string {
    return current(message, args);
  },
};

/** Routes l10n.t through `translator` (activate() passes vscode.l10n.t); undefined goes back to English. */
export function installTranslator(translator: Translator | undefined): void {
  current = translator ?? english;
}

/** A translator that looks messages up in a bundle (vscode.l10n.bundle, as sent to the webview). */
export function bundleTranslator(bundle: Readonly<Record<string, string>> | undefined): Translator {
  if (!bundle) return english;
  return (message, args) => {
    const translated = Object.prototype.hasOwnProperty.call(bundle, message) ? bundle[message] : undefined;
    return format(typeof translated === 'string' ? translated : message, args);
  };
}
