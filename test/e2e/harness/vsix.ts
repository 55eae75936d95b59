// Packages the extension once per test process (`npm run package -- --out …`), like a user would get it.
// TALLYFY_E2E_VSIX=/path/to/file.vsix skips packaging and installs that file instead.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from '../../host/paths';

let packaged: Promise<string> | undefined;

function packageInto(dir: string): Promise<string> {
  const vsix = path.join(dir, 'tallyfy-guests.vsix');
  const log = path.join(dir, 'package.log');
  return new Promise((resolve, reject) => {
    const out = fs.openSync(log, 'w');
    const child = spawn('npm', ['run', 'package', '--silent', '--', '--out', vsix], { cwd: repoRoot(), stdio: ['ignore', out, out] });
    fs.closeSync(out);
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 && fs.existsSync(vsix)
      ? resolve(vsix)
      : reject(new Error(`npm run package failed (${code}):\n${fs.readFileSync(log, 'utf8').split('\n').slice(-30).join('\n')}`))));
  });
}

/** The .vsix to install; built on first use and removed when the process exits. */
export function packagedVsix(): Promise<string> {
  if (process.env.TALLYFY_E2E_VSIX) return Promise.resolve(path.resolve(process.env.TALLYFY_E2E_VSIX));
  if (!packaged) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tallyfy-vsix-'));
    process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    packaged = packageInto(dir);
    packaged.catch(() => (packaged = undefined)); // a later suite may retry
  }
  return packaged;
}
