// Prepares the real-VS-Code test host once and caches it under .vscode-test/ (git-ignored):
// Node 24 from the npm registry, code-server in its own folder, and the path of a system Chromium.
// Run alone with `node out/test/host/prepare.js`.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import {
  cacheDir, CODE_SERVER_VERSION, codeServerInstallDir, HOST_NODE_MAJOR, nodeInstallDir, nodePackageName,
} from './paths';
import { runToEnd, sleep } from './processes';

export interface HostTools {
  /** Node 24 binary that runs code-server (and, through it, the extension host). */
  nodeBin: string;
  /** code-server's `out/node/entry.js`. */
  codeServerEntry: string;
  chromePath: string;
  /** process.env with Node 24 first on PATH: use it for every code-server process. */
  env: NodeJS.ProcessEnv;
}

interface Marker { codeServer: string; node: string }

const MARKER = '.tallyfy-host.json';
const GSSAPI_HEADER = '/usr/include/gssapi/gssapi.h';

/** The one message for missing system packages: what to install, and how. */
export function missingPackagesMessage(missing: string[]): string {
  return `${missing.join(' and ')} not found: run \`sudo apt-get install ${missing.join(' ')}\` (Debian), or \`sudo bash scripts/provision.sh\`` +
    (missing.includes('chromium') ? ', or set CHROME_PATH to a Chromium or Chrome binary' : '') + '.';
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

/** CHROME_PATH first, then Debian's /usr/bin/chromium, then chromium-browser / google-chrome on PATH. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`CHROME_PATH=${fromEnv} is not an executable file.`);
    return fromEnv;
  }
  if (isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium';
  return onPath('chromium') ?? onPath('chromium-browser') ?? onPath('google-chrome') ?? onPath('google-chrome-stable');
}

function readMarker(dir: string): Marker | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8')) as Marker;
  } catch {
    return undefined;
  }
}

function nodeBinPath(): string {
  return path.join(nodeInstallDir(), 'node_modules', nodePackageName(), 'bin', 'node');
}

function codeServerEntryPath(): string {
  return path.join(codeServerInstallDir(), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

function envWithNodeFirst(nodeBin: string): NodeJS.ProcessEnv {
  return { ...process.env, PATH: `${path.dirname(nodeBin)}${path.delimiter}${process.env.PATH ?? ''}` };
}

/** The system npm's global npmrc (it may hold the CA file, registry or proxy this machine needs). */
function systemGlobalNpmrc(): string | undefined {
  try {
    const file = execFileSync('npm', ['config', 'get', 'globalconfig'], { encoding: 'utf8' }).trim();
    return file && fs.existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The environment for a nested `npm install`, run by npm on Node 24.
 * - Under `npm test`, the outer npm (on Node 20) exports npm_config_* variables that the inner npm would
 *   take as its own config: user-agent "npm/… node/v20…" (code-server's postinstall reads it and rejects
 *   the Node version) and local-prefix (the install would land in the repository). So they all go.
 * - npm on Node 24 looks for its global npmrc next to that Node, not in the system's prefix: point it back.
 */
function installEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const globalNpmrc = systemGlobalNpmrc();
  const env = envWithNodeFirst(nodeBinPath());
  for (const key of Object.keys(env)) if (/^npm_/i.test(key)) delete env[key];
  return { ...env, ...(globalNpmrc ? { npm_config_globalconfig: globalNpmrc } : {}), ...extra };
}

function nodeReady(): string | undefined {
  const bin = nodeBinPath();
  const marker = readMarker(nodeInstallDir());
  return marker && isExecutable(bin) && marker.node.startsWith(`v${HOST_NODE_MAJOR}.`) ? marker.node : undefined;
}

function codeServerReady(nodeVersion: string): boolean {
  const marker = readMarker(codeServerInstallDir());
  // Native modules are built for one Node ABI: a marker from another Node major means rebuild.
  return !!marker && fs.existsSync(codeServerEntryPath()) && marker.codeServer === CODE_SERVER_VERSION &&
    marker.node.split('.')[0] === nodeVersion.split('.')[0];
}

/** Starts an install folder afresh: an unfinished earlier install (no marker) is thrown away. */
function freshFolder(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: path.basename(dir), private: true }, null, 2));
}

async function installNode(log: string): Promise<string> {
  const dir = nodeInstallDir();
  freshFolder(dir);
  console.log(`[host] installing ${nodePackageName()}@${HOST_NODE_MAJOR} from the npm registry into ${dir}`);
  await runToEnd('npm', ['install', '--no-audit', '--no-fund', `${nodePackageName()}@${HOST_NODE_MAJOR}`],
    { cwd: dir, env: installEnv(), logFile: log });
  const version = execFileSync(nodeBinPath(), ['--version'], { encoding: 'utf8' }).trim();
  fs.writeFileSync(path.join(dir, MARKER), JSON.stringify({ codeServer: '', node: version } satisfies Marker));
  return version;
}

async function installCodeServer(nodeVersion: string, log: string): Promise<void> {
  if (!fs.existsSync(GSSAPI_HEADER)) throw new Error(missingPackagesMessage(['libkrb5-dev']));
  const dir = codeServerInstallDir();
  freshFolder(dir);
  console.log(`[host] installing code-server ${CODE_SERVER_VERSION} into ${dir} (first run only, about 70 s on 2 cores)`);
  const env = installEnv({
    // Native modules (kerberos, node-pty, ...) build with node-gyp against the Node that will run them.
    npm_config_nodedir: path.join(nodeInstallDir(), 'node_modules', nodePackageName()),
    // npm 11 skips dependency install scripts by default; code-server's postinstall needs them.
    npm_config_dangerously_allow_all_scripts: 'true',
  });
  await runToEnd('npm', ['install', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], { cwd: dir, env, logFile: log });
  if (!fs.existsSync(codeServerEntryPath())) throw new Error(`code-server installed but ${codeServerEntryPath()} is missing`);
  fs.writeFileSync(path.join(dir, MARKER), JSON.stringify({ codeServer: CODE_SERVER_VERSION, node: nodeVersion } satisfies Marker));
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Serialises installs between processes (two suites or helpers may prepare at once). */
async function withInstallLock<T>(work: () => Promise<T>): Promise<T> {
  fs.mkdirSync(cacheDir(), { recursive: true });
  const lock = path.join(cacheDir(), '.prepare.lock');
  for (let waitedMs = 0; ; waitedMs += 1000) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      let holder = 0;
      try {
        holder = Number(fs.readFileSync(lock, 'utf8').trim() || 0);
      } catch {
        continue; // released between our attempt and the read: try again at once
      }
      if (!holder || !pidAlive(holder)) fs.rmSync(lock, { force: true });
      else if (waitedMs % 30000 === 0) console.log(`[host] waiting for process ${holder} to finish preparing the test host`);
      await sleep(1000);
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

/** Everything the launchers need; installs what is missing (cached), or throws ONE message saying what to install. */
export async function prepareHost(): Promise<HostTools> {
  const chromePath = findChromium();
  let nodeVersion = nodeReady();
  if (!nodeVersion || !codeServerReady(nodeVersion)) {
    const missing = [...(chromePath ? [] : ['chromium']), ...(fs.existsSync(GSSAPI_HEADER) ? [] : ['libkrb5-dev'])];
    if (missing.length > 0) throw new Error(missingPackagesMessage(missing));
    const log = path.join(cacheDir(), 'install.log');
    nodeVersion = await withInstallLock(async () => {
      fs.writeFileSync(log, '');
      try {
        const version = nodeReady() ?? (await installNode(log));
        if (!codeServerReady(version)) await installCodeServer(version, log);
        return version;
      } catch (error) {
        const tail = fs.readFileSync(log, 'utf8').split('\n').slice(-40).join('\n');
        throw new Error(`${(error as Error).message}\n--- last lines of ${log} ---\n${tail}`);
      }
    });
  }
  if (!chromePath) throw new Error(missingPackagesMessage(['chromium']));
  return { nodeBin: nodeBinPath(), codeServerEntry: codeServerEntryPath(), chromePath, env: envWithNodeFirst(nodeBinPath()) };
}

if (require.main === module) {
  const started = Date.now();
  prepareHost().then(
    (tools) => console.log(`[host] ready in ${((Date.now() - started) / 1000).toFixed(1)} s: node ${tools.nodeBin}, ` +
      `code-server ${tools.codeServerEntry}, chromium ${tools.chromePath}`),
    (error: Error) => {
      console.error(`[host] ${error.message}`);
      process.exit(1);
    },
  );
}
