// Labels in the status bar and quick picks render `$(name)` as an icon. Text from the API is
// escaped the way VS Code's own escapeIcons does it (a backslash before the `$(`), so a guest named
// "$(alert) Boss" shows those characters instead of an icon.
export function escapeIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}

// Notifications, progress titles and quick input prompts turn `[label](https:…)`, `(command:…)` or
// `(file:…)` into a clickable link, and a command link runs its command. A guest named
// "[Fix it](command:workbench.action.terminal.new)" must read as typed and do nothing: a zero-width
// space between `]` and `(` keeps the text as it looks and breaks the link syntax. The extension's
// own messages offer actions as buttons, never as links, so nothing of ours is lost.
export function escapeLinks(text: string): string {
  return text.replace(/\]\(/g, ']\u200b(');
}
