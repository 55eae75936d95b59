// One real workbench for a UI suite: the packaged extension installed into a fresh code-server profile,
// a sandbox Tallyfy started in this process with the user settings pointing at it, and a fresh
// headless Chromium context (so no secrets or state carry over from an earlier suite).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../host/browser';
import { CodeServerProfile, createProfile, installExtension, RunningCodeServer, startCodeServer } from '../../host/codeServer';
import { prepareHost } from '../../host/prepare';
import { Sandbox, SandboxOptions, startSandbox } from '../../sandbox';
import { WorkbenchUi } from './ui';
import { packagedVsix } from './vsix';

export interface WorkbenchOptions {
  /** Options for the sandbox; `false` starts none (and writes no tallyfy.* settings). */
  sandbox?: SandboxOptions | false;
  /** Extra user settings, merged over the quiet defaults and the tallyfy.* ones. */
  settings?: Record<string, unknown>;
}

type CleanupStep = () => Promise<void>;

export class Workbench extends WorkbenchUi {
  private constructor(
    page: Page,
    private readonly sandboxOrUndefined: Sandbox | undefined,
    readonly server: RunningCodeServer,
    readonly profile: CodeServerProfile,
    private readonly cleanup: CleanupStep[],
  ) {
    super(page);
  }

  /** The suite's sandbox (throws when the suite was opened with `sandbox: false`). */
  get sandbox(): Sandbox {
    if (!this.sandboxOrUndefined) throw new Error('This workbench was opened without a sandbox.');
    return this.sandboxOrUndefined;
  }

  /** The workbench URL (page.goto(url) reloads the window on the same profile). */
  get url(): string {
    return `${this.server.baseUrl}?folder=${encodeURIComponent(this.profile.workspace)}`;
  }

  static async open(options: WorkbenchOptions = {}): Promise<Workbench> {
    const [tools, vsix] = await Promise.all([prepareHost(), packagedVsix()]);
    const profileRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'tallyfy-e2e-'));
    // If the process exits before close() (Ctrl-C), at least the temp profile goes; code-server is killed by its registry.
    const removeProfile = () => fs.rmSync(profileRoot, { recursive: true, force: true });
    process.on('exit', removeProfile);
    const cleanup: CleanupStep[] = [async () => {
      removeProfile();
      process.removeListener('exit', removeProfile);
    }];
    try {
      const sandbox = options.sandbox === false ? undefined : await startSandbox(options.sandbox ?? {});
      if (sandbox) cleanup.push(() => sandbox.close());
      const tallyfySettings = sandbox ? { 'tallyfy.apiBaseUrl': sandbox.baseUrl, 'tallyfy.organizationId': sandbox.orgId } : {};
      const profile = createProfile(profileRoot, { ...tallyfySettings, ...options.settings });
      await installExtension(tools, profile, vsix);
      const server = await startCodeServer(tools, profile);
      cleanup.push(() => server.stop());
      const browser = await launchChromium(tools.chromePath);
      cleanup.push(() => browser.close());
      const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
      const workbench = new Workbench(page, sandbox, server, profile, cleanup);
      await page.goto(workbench.url);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
      return workbench;
    } catch (error) {
      await runCleanup(cleanup);
      throw error;
    }
  }

  /** Closes the browser, stops code-server (whole process group), closes the sandbox, removes the profile. */
  close(): Promise<void> {
    return runCleanup(this.cleanup);
  }
}

/** Runs the steps last-first, each once, carrying on past failures. */
async function runCleanup(steps: CleanupStep[]): Promise<void> {
  for (const step of steps.splice(0).reverse()) await step().catch(() => undefined);
}
