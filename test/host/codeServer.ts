// Starting and stopping code-server (VS Code 1.139 in the browser) for tests and `npm start`.
// Every instance gets its own config, user-data-dir and extensions-dir, so nothing leaks between runs
// or from ~/.config/code-server.
import { ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { HostTools } from './prepare';
import { freePort, killGroup, killGroupNow, runToEnd, spawnGroup, waitForHttp } from './processes';

/** Process groups of servers not stopped yet: killed synchronously if our process exits first. */
const liveGroups = new Set<number>();
process.on('exit', () => liveGroups.forEach((pid) => killGroupNow(pid)));

export interface CodeServerProfile {
  root: string;
  userDataDir: string;
  extensionsDir: string;
  workspace: string;
  configFile: string;
  logFile: string;
}

export interface RunningCodeServer {
  /** e.g. http://127.0.0.1:41234/ */
  baseUrl: string;
  host: string;
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

export interface StartOptions {
  host?: string;
  /** default: a free port */
  port?: number;
  /** Needed for the test payload in the URL: without it the payload is silently ignored. */
  smokeTestDriver?: boolean;
  readyTimeoutMs?: number;
}

/** Settings that keep the workbench quiet and offline (see shared/docs/real-vscode-here.md). */
export const QUIET_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
};

/** Lays out a fresh profile under root; `settings` are added to the quiet defaults in User/settings.json. */
export function createProfile(root: string, settings: Record<string, unknown> = {}): CodeServerProfile {
  const profile: CodeServerProfile = {
    root,
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    workspace: path.join(root, 'workspace'),
    configFile: path.join(root, 'config.yaml'),
    logFile: path.join(root, 'code-server.log'),
  };
  for (const dir of [path.join(profile.userDataDir, 'User'), profile.extensionsDir, profile.workspace]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  fs.writeFileSync(profile.configFile, 'auth: none\ncert: false\n');
  fs.writeFileSync(path.join(profile.userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  return profile;
}

function profileArgs(profile: CodeServerProfile): string[] {
  return ['--config', profile.configFile, '--user-data-dir', profile.userDataDir, '--extensions-dir', profile.extensionsDir];
}

/** Installs a .vsix into the profile's extensions-dir (offline, under a second). */
export async function installExtension(tools: HostTools, profile: CodeServerProfile, vsix: string): Promise<void> {
  await runToEnd(tools.nodeBin, [tools.codeServerEntry, ...profileArgs(profile), '--install-extension', vsix, '--force'],
    { env: tools.env, logFile: profile.logFile });
}

/** Environment for code-server: Node 24 first on PATH, and no variables of a VS Code we may be running inside. */
function serverEnv(tools: HostTools): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(tools.env)) {
    if (!key.startsWith('VSCODE_') && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
  }
  return env;
}

export async function startCodeServer(tools: HostTools, profile: CodeServerProfile, options: StartOptions = {}): Promise<RunningCodeServer> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? (await freePort(host));
  const args = [
    tools.codeServerEntry, ...profileArgs(profile),
    '--auth', 'none', '--bind-addr', `${host}:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    profile.workspace,
  ];
  const child = spawnGroup(tools.nodeBin, args, { env: serverEnv(tools), cwd: profile.root, logFile: profile.logFile });
  if (child.pid !== undefined) liveGroups.add(child.pid);
  const stop = async () => {
    await killGroup(child.pid);
    if (child.pid !== undefined) liveGroups.delete(child.pid);
  };
  const urlHost = host === '0.0.0.0' ? '127.0.0.1' : host;
  try {
    await waitForHttp(`http://${urlHost}:${port}/healthz`, options.readyTimeoutMs ?? 30000, child);
  } catch (error) {
    await stop();
    throw new Error(`code-server did not start: ${(error as Error).message}\n${tail(profile.logFile, 40)}`);
  }
  return { baseUrl: `http://${urlHost}:${port}/`, host, port, child, stop };
}

/** The last lines of a text file, for failure reports. */
export function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return `(no ${file})`;
  }
}

/** code-server's own log plus every extension-host log under the user-data-dir: attached to a hang or a crash. */
export function collectLogs(profile: CodeServerProfile, lines = 80): string {
  const parts = [`--- ${profile.logFile} ---\n${tail(profile.logFile, lines)}`];
  const logsDir = path.join(profile.userDataDir, 'logs');
  const walk = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : [])
    .flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
  for (const file of walk(logsDir).filter((f) => /exthost/i.test(f) && f.endsWith('.log'))) {
    parts.push(`--- ${file} ---\n${tail(file, lines)}`);
  }
  return parts.join('\n');
}
