// Runs the mocha integration suite inside a real VS Code (code-server + headless Chromium) and exits 0
// only when at least one test ran and none failed. Also the target of the `vscode-shim` executable, so it
// accepts the VS Code CLI arguments @vscode/test-electron passes (--extensionDevelopmentPath=…, --extensionTestsPath=…).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as util from 'util';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { collectLogs, CodeServerProfile, createProfile, RunningCodeServer, startCodeServer } from './codeServer';
import { repoRoot } from './paths';
import { prepareHost } from './prepare';
import { sleep } from './processes';
import { isGreen, readSuiteResult, summarize, SuiteResult } from './results';

export interface IntegrationOptions {
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  /** A folder to open; default: an empty one in the temp profile. */
  workspace?: string;
  timeoutMs: number;
  /** Extra variables for the extension host (sent as `extensionEnvironment`). */
  env?: Record<string, string>;
}

interface AutomationExit { code: number; logs: { relativePath: string; contents: string }[] }

/** Workbench chatter that says nothing about the tests (CSTEST_VERBOSE=1 shows it anyway). */
const WORKBENCH_NOISE = [
  /^Resolv(ing|ed) connection token/, /^Creating a socket/, /^\[(reconnection-grace-time|Service Worker|AgentHost|AccountPolicyGate)/,
  /^Updating additional builtin extensions cache/, /ENOTFOUND open-vsx\.org/, /Long running operations during shutdown/, /^Canceled(: Canceled)*$/,
];
const verbose = process.env.CSTEST_VERBOSE === '1';

const VALUE_FLAGS = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'timeout-ms', 'user-data-dir', 'extensions-dir', 'locale', 'profile', 'log']);

export function parseArgs(argv: string[], root = repoRoot()): IntegrationOptions {
  const values = new Map<string, string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([^=]+)(?:=(.*))?$/s.exec(argv[i]);
    if (!match) positionals.push(argv[i]);
    else if (match[2] !== undefined) values.set(match[1], match[2]);
    else if (VALUE_FLAGS.has(match[1]) && i + 1 < argv.length) values.set(match[1], argv[++i]);
    // Other VS Code flags (--no-sandbox, --disable-extensions, ...) mean nothing to code-server: ignored.
  }
  const workspace = positionals.find((p) => fs.existsSync(p) && fs.statSync(p).isDirectory());
  return {
    extensionDevelopmentPath: path.resolve(values.get('extensionDevelopmentPath') ?? root),
    extensionTestsPath: path.resolve(values.get('extensionTestsPath') ?? path.join(root, 'out', 'test', 'integration', 'index.js')),
    workspace: workspace ? path.resolve(workspace) : undefined,
    timeoutMs: Number(values.get('timeout-ms') ?? process.env.CSTEST_TIMEOUT_MS ?? 300000),
  };
}

/** The URL that makes the workbench load the extension under development and run its tests. */
export function payloadUrl(server: RunningCodeServer, workspace: string, options: IntegrationOptions, env: Record<string, string>): string {
  // Only vscode-remote:// URIs work here: file:// or bare paths make the workbench ignore the payload.
  const remote = (p: string) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)],
    ['extensionTestsPath', remote(options.extensionTestsPath)],
    ['extensionEnvironment', JSON.stringify(env)],
  ];
  return `${server.baseUrl}?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export async function runIntegration(options: IntegrationOptions): Promise<number> {
  const started = Date.now();
  const tools = await prepareHost();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tallyfy-cs-'));
  const profile: CodeServerProfile = createProfile(tmp);
  // Under vscode-shim, runTests' caller chose the result path: honour it (starting from no file).
  const resultFile = process.env.CSTEST_RESULT_FILE ?? path.join(tmp, 'results.json');
  fs.rmSync(resultFile, { force: true });
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  // If the process dies another way (uncaught error, closed stdout), code-server's group is killed by
  // its registry and the temp profile goes here; nothing asynchronous runs in an 'exit' handler.
  const removeTmp = () => fs.rmSync(tmp, { recursive: true, force: true });
  process.on('exit', removeTmp);
  const cleanup = async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    removeTmp();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`[host] ${signal}: stopping code-server and Chromium`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    server = await startCodeServer(tools, profile, { smokeTestDriver: true });
    browser = await launchChromium(tools.chromePath);
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    let exit: AutomationExit | undefined;
    // Both must exist before the first navigation; they survive reloads.
    await page.exposeFunction('codeAutomationExit', (code: number, logs: AutomationExit['logs']) => {
      exit = { code, logs: logs ?? [] };
    });
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      if (verbose || !WORKBENCH_NOISE.some((noise) => noise.test(line))) console.log(line);
    });
    const env = { TALLYFY_TEST: '1', CSTEST_RESULT_FILE: resultFile, ...options.env };
    console.log(`[host] VS Code (code-server) at ${server.baseUrl}: extension ${options.extensionDevelopmentPath}, tests ${options.extensionTestsPath}`);
    await page.goto(payloadUrl(server, options.workspace ?? profile.workspace, options, env));

    const deadline = Date.now() + options.timeoutMs; // counted from here: a first-run install does not eat into it
    let result: SuiteResult | undefined;
    let settledAt: number | undefined;
    // Either signal may come first; give the other one a moment (log lines travel through the browser).
    while (Date.now() < deadline) {
      result = readSuiteResult(resultFile);
      if (exit && result) break;
      if ((exit || result) && settledAt === undefined) settledAt = Date.now();
      if (settledAt !== undefined && Date.now() - settledAt > 3000) break;
      if (server.child.exitCode !== null) throw new Error(`code-server exited (${server.child.exitCode}) during the run\n${collectLogs(profile)}`);
      await sleep(200);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (!exit && !result) {
      console.error(`[host] TIMEOUT: no result after ${options.timeoutMs / 1000} s (payload ignored, or a test hangs)\n${collectLogs(profile)}`);
      return 1;
    }
    if (result) console.log(`[host] integration suite (${seconds} s): ${summarize(result)}`);
    const green = isGreen(result) && exit?.code !== 1;
    if (!green && !result) {
      console.error(`[host] the suite did not report results (exit code ${exit?.code}).`);
      for (const log of exit?.logs ?? []) console.error(`--- ${log.relativePath} ---\n${log.contents.split('\n').slice(-40).join('\n')}`);
    } else if (!green && result && result.passes + result.failures === 0) {
      console.error('[host] no test ran: that counts as a failure.');
    }
    return green ? 0 : 1;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await cleanup();
    process.removeListener('exit', removeTmp);
  }
}

if (require.main === module) {
  runIntegration(parseArgs(process.argv.slice(2))).then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(`[host] ${error.message}`);
      process.exit(1);
    },
  );
}
