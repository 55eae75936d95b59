// `npm start`: try the extension by hand in a real VS Code (code-server) against the sandbox Tallyfy.
// Builds and packages the extension, starts the sandbox (300 guests), installs the .vsix into a fresh
// code-server profile whose user settings point at the sandbox, serves VS Code on 127.0.0.1:$PORT (8080),
// and prints one URL plus the token to paste into "Tallyfy: Sign In". Ctrl-C stops everything.
// HOST=0.0.0.0 exposes code-server (no password!) to the network; the sandbox always stays on loopback.
const { execFileSync, spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 8080);

function step(title, command, args) {
  console.log(`[start] ${title}`);
  execFileSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** Starts the sandbox CLI in its own process group and resolves with its printed baseUrl/orgId/token. */
function startSandboxChild(sandboxPort) {
  const child = spawn(process.execPath, [path.join(root, 'out/test/sandbox/cli.js'), '--port', String(sandboxPort), '--guests', '300'],
    { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const info = {};
    let buffered = '';
    const timer = setTimeout(() => reject(new Error('the sandbox did not print baseUrl/orgId/token within 20 s')), 20000);
    child.on('exit', (code) => reject(new Error(`the sandbox exited early (${code})`)));
    child.stdout.on('data', (chunk) => {
      buffered += chunk;
      for (const match of buffered.matchAll(/^(baseUrl|orgId|token): (.+)$/gm)) info[match[1]] = match[2].trim();
      if (info.baseUrl && info.orgId && info.token) {
        clearTimeout(timer);
        resolve({ child, ...info });
      }
    });
  });
}

async function main() {
  step('compiling the test host and the sandbox (npm run compile-tests)', 'npm', ['run', 'compile-tests', '--silent']);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tallyfy-start-'));
  const vsix = path.join(tmp, 'tallyfy-guests.vsix');
  step('building and packaging the extension (npm run package)', 'npm', ['run', 'package', '--silent', '--', '--out', vsix]);

  const { prepareHost } = require('../out/test/host/prepare');
  const { createProfile, installExtension, startCodeServer } = require('../out/test/host/codeServer');
  const { freePort, isPortFree, killGroup } = require('../out/test/host/processes');

  let sandbox;
  let server;
  let stopping = false;
  const stopAll = async (code) => {
    if (stopping) return;
    stopping = true;
    console.log('\n[start] stopping code-server and the sandbox...');
    if (server) await server.stop();
    if (sandbox) await killGroup(sandbox.child.pid);
    fs.rmSync(tmp, { recursive: true, force: true });
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  process.on('exit', () => {
    // Last resort if we die some other way: nothing asynchronous runs here.
    for (const pid of [sandbox && sandbox.child.pid]) if (pid) try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ }
  });

  try {
    if (!(await isPortFree(port, host))) throw new Error(`port ${port} on ${host} is in use: set PORT to another one`);
    sandbox = await startSandboxChild(await freePort());
    sandbox.child.on('exit', () => void (!stopping && (console.error('[start] the sandbox stopped'), stopAll(1))));
    console.log(`[start] sandbox Tallyfy at ${sandbox.baseUrl} (organization ${sandbox.orgId}, 300 guests)`);
    const tools = await prepareHost();
    const profile = createProfile(path.join(tmp, 'profile'), { 'tallyfy.apiBaseUrl': sandbox.baseUrl, 'tallyfy.organizationId': sandbox.orgId });
    await installExtension(tools, profile, vsix);
    server = await startCodeServer(tools, profile, { host, port });
    server.child.on('exit', () => void (!stopping && (console.error(`[start] code-server stopped; its log: ${profile.logFile}`), stopAll(1))));
    const url = `${server.baseUrl}?folder=${encodeURIComponent(profile.workspace)}`;
    console.log('');
    console.log(`  Open:  ${url}`);
    console.log(`  Then run "Tallyfy: Sign In" (F1) and paste this sandbox token:  ${sandbox.token}`);
    if (host !== '127.0.0.1') console.log(`  Warning: code-server listens on ${host}:${port} with no password.`);
    console.log('  Ctrl-C stops VS Code and the sandbox.');
  } catch (error) {
    console.error(`[start] ${error.message}`);
    await stopAll(1);
  }
}

main();
