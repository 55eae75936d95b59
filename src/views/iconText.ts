// Labels in the status bar and quick picks render `$(name)` as an icon. Text from the API is
// escaped the way VS Code's own escapeIcons does it (a backslash before the `$(`), so a guest named
// "$(alert) Boss" shows those characters instead of an icon.
export function escapeIcons(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}
