// Steps shared by the accessibility and README-screenshot suites: sign in as a user does, open a
// guest's form, switch the colour theme, run axe-core inside the form's webview.
import * as fs from 'fs';
import type { Frame } from 'playwright-core';
import type { Workbench } from './harness';

/** The three built-in themes the form must work in (their `workbench.colorTheme` ids). */
export const THEMES = [
  { id: 'Default Light Modern', workbenchClass: 'vs', bodyClass: 'vscode-light' },
  { id: 'Default Dark Modern', workbenchClass: 'vs-dark', bodyClass: 'vscode-dark' },
  { id: 'Default High Contrast', workbenchClass: 'hc-black', bodyClass: 'vscode-high-contrast' },
] as const;
export type Theme = (typeof THEMES)[number];

export function quickInput(wb: Workbench) {
  return wb.page.locator('.quick-input-widget');
}

export function quickInputBox(wb: Workbench) {
  return wb.page.locator('.quick-input-widget .quick-input-box input');
}

/** Palette → Tallyfy: Sign In → the sandbox token, then the Guests view showing `firstGuest`. */
export async function signInAndShowGuests(wb: Workbench, firstGuest: string): Promise<void> {
  await wb.page.locator('.part.activitybar .action-label[aria-label^="Tallyfy"]').first().waitFor({ timeout: 60000 });
  await wb.runCommand('Tallyfy: Sign In');
  await quickInput(wb).filter({ hasText: 'personal access token' }).waitFor();
  await quickInputBox(wb).fill(wb.sandbox.token);
  await quickInputBox(wb).press('Enter');
  await wb.toast(/Signed in to Tallyfy as/).waitFor({ timeout: 20000 });
  await wb.clearNotifications();
  await wb.runCommand('Tallyfy: Focus on Guests View');
  await wb.treeRow(firstGuest).first().waitFor({ timeout: 20000 });
}

/** Resolves once the workbench (and the open webview, if any) wear `theme`. */
export async function expectTheme(wb: Workbench, theme: Theme, webviewOpen: boolean): Promise<void> {
  await wb.page.locator(`.monaco-workbench.${theme.workbenchClass}`).waitFor({ timeout: 30000 });
  if (webviewOpen) await wb.webviewFrame().locator(`body.${theme.bodyClass}`).waitFor({ timeout: 30000 });
}

/** The inner frame of the active webview (where the form's document lives), for evaluate(). */
export async function webviewContentFrame(wb: Workbench): Promise<Frame> {
  const body = await wb.webviewFrame().locator('body').elementHandle({ timeout: 20000 });
  const frame = await body?.ownerFrame();
  if (!frame) throw new Error('The webview\'s content frame was not found.');
  return frame;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

const axeSource = (): string => fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (WCAG 2.x A/AA and best practices) on the form's document. The source is evaluated
 * through the DevTools protocol, so the webview's Content Security Policy (no eval, nonce'd scripts
 * only) stays as it ships.
 */
export async function runAxe(frame: Frame): Promise<AxeViolation[]> {
  await frame.evaluate(axeSource());
  return frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations.map((v) => `${v.impact ?? 'unknown'} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`).join('\n');
}
