// The same integration suite through @vscode/test-electron's runTests (the standard VS Code test runner).
// By default runTests downloads VS Code (it cannot here: only the npm registry is reachable; it works on a
// machine that can reach update.code.visualstudio.com, with a display or xvfb on Linux).
// With --via-code-server, runTests is handed ./vscode-shim as its "VS Code" and drives code-server instead.
import { runTests } from '@vscode/test-electron';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from './paths';
import { isGreen, readSuiteResult, summarize } from './results';

async function main(): Promise<number> {
  const root = repoRoot();
  const viaCodeServer = process.argv.includes('--via-code-server');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tallyfy-electron-'));
  const resultFile = path.join(tmp, 'results.json');
  const workspace = path.join(tmp, 'workspace');
  fs.mkdirSync(workspace);
  try {
    await runTests({
      version: process.env.VSCODE_TEST_VERSION ?? 'stable',
      vscodeExecutablePath: viaCodeServer ? path.join(root, 'test', 'host', 'vscode-shim') : undefined,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'test', 'integration', 'index.js'),
      extensionTestsEnv: { TALLYFY_TEST: '1', CSTEST_RESULT_FILE: resultFile },
      launchArgs: [workspace, '--disable-extensions', `--user-data-dir=${path.join(tmp, 'user-data')}`],
    });
  } catch (error) {
    console.error(`[electron] ${(error as Error).message}`);
  }
  const result = readSuiteResult(resultFile);
  fs.rmSync(tmp, { recursive: true, force: true });
  if (!result) {
    console.error('[electron] the suite wrote no results: VS Code did not start or did not run the tests.');
    return 1;
  }
  console.log(`[electron] integration suite: ${summarize(result)}`);
  return isGreen(result) ? 0 : 1;
}

main().then((code) => process.exit(code), (error: Error) => {
  console.error(`[electron] ${error.message}`);
  process.exit(1);
});
