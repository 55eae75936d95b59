// Locators and actions for driving the VS Code workbench (selectors verified in shared/docs/real-vscode-here.md §5).
// Assert on locators, not on screenshots: screenshots may catch fade animations.
import * as fs from 'fs';
import * as path from 'path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { testResultsDir } from '../../host/paths';

export class WorkbenchUi {
  constructor(readonly page: Page) {}

  /**
   * Runs a command by its palette title (e.g. 'Tallyfy: Sign In') through F1. Right after the page loads the
   * palette can open before the extension's contributions are known ("No matching commands"), so it is
   * closed and reopened until the command shows up or timeoutMs passes.
   */
  async runCommand(title: string, timeoutMs = 20000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title }).first();
    for (;;) {
      await this.page.keyboard.press('F1');
      await input.waitFor({ state: 'visible' });
      await input.fill(`>${title}`);
      try {
        await row.waitFor({ timeout: Math.max(1, Math.min(3000, deadline - Date.now())) });
        break;
      } catch {
        if (Date.now() >= deadline) throw new Error(`"${title}" did not appear in the command palette within ${timeoutMs} ms`);
        await this.page.keyboard.press('Escape');
      }
    }
    await input.press('Enter');
  }

  async clearNotifications(): Promise<void> {
    await this.runCommand('Notifications: Clear All Notifications');
    await this.page.locator('.notifications-toasts .notification-list-item').first().waitFor({ state: 'detached' }).catch(() => undefined);
  }

  /** A notification toast containing text. */
  toast(text: string | RegExp): Locator {
    return this.page.locator('.notifications-toasts .notification-list-item', { hasText: text });
  }

  /**
   * Shows the view container whose activity bar label starts with title. Clicks the whole item (a count
   * badge over the icon would take a click on the label), and not when it is already shown: a second
   * click would hide the side bar.
   */
  async openActivity(title: string): Promise<void> {
    const label = this.page.locator(`.action-label[aria-label^="${title.replace(/"/g, '\\"')}"]`);
    const item = this.page.locator('.part.activitybar .action-item').filter({ has: label }).first();
    const classes = (await item.getAttribute('class')) ?? '';
    if (!classes.split(/\s+/).includes('checked')) await item.click();
    await this.page.locator('.part.activitybar .action-item.checked').filter({ has: label }).first().waitFor();
  }

  /** A tree row in any visible view (clicking it runs the item's command). */
  treeRow(text: string | RegExp): Locator {
    return this.page.locator('.pane-body .monaco-list-row[role="treeitem"]', { hasText: text });
  }

  /** The content of the active webview (outer host iframe, then the inner content frame). */
  webviewFrame(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  }

  statusItem(text: string | RegExp): Locator {
    return this.page.locator('.statusbar-item', { hasText: text });
  }

  /** Saves test-results/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(testResultsDir(), { recursive: true });
    const file = path.join(testResultsDir(), `${name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}
