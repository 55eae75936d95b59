// The guest form's page: a static shell with a strict Content Security Policy. The script and the
// stylesheet come from the extension's own dist/ and media/ folders; no data is templated in (it
// arrives by postMessage once the script says it is ready).
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';

/** A fresh nonce per page load, from the OS's secure random source. */
export function makeNonce(): string {
  return randomBytes(18).toString('base64');
}

/** The folders the webview may load from: the bundled script and the stylesheet. */
export function guestFormResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')];
}

/** Text (here: translations) as HTML text content: no markup survives. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** VS Code's display language as an HTML lang value ("en", "zh-cn"), so screen readers pick the right voice. */
function pageLanguage(): string {
  const language = vscode.env.language;
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(language) ? language : 'en';
}

export function guestFormHtml(webview: vscode.Webview, extensionUri: vscode.Uri, nonce = makeNonce()): string {
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'guestForm.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'guestForm.css'));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${pageLanguage()}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>${escapeHtml(vscode.l10n.t('Guest'))}</title>
</head>
<body>
<main id="app" aria-busy="true"><p>${escapeHtml(vscode.l10n.t('Loading the guest…'))}</p></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
