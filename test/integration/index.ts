// Entry point VS Code loads as `extensionTestsPath` (yo-code style `run()`), in the extension host of
// code-server (npm run test:integration) or of a downloaded VS Code (npm run test:electron).
// Runs every out/test/integration/**/*.test.js with mocha and, when $CSTEST_RESULT_FILE is set,
// writes the outcome there so the launcher does not depend on the workbench reporting back.
import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';
import type { SuiteResult, TestOutcome } from '../host/results';

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(full);
    return entry.name.endsWith('.test.js') ? [full] : [];
  }).sort();
}

function errorText(err: unknown): string {
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`;
  return String(err);
}

function writeResult(result: SuiteResult): void {
  const file = process.env.CSTEST_RESULT_FILE;
  if (file) fs.writeFileSync(file, JSON.stringify(result, null, 2));
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 20000, color: false });
  for (const file of testFiles(__dirname)) mocha.addFile(file);
  const tests: TestOutcome[] = [];
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const result: SuiteResult = {
          passes: tests.filter((t) => t.state === 'passed').length,
          failures,
          pending: tests.filter((t) => t.state === 'pending').length,
          tests,
        };
        writeResult(result);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
        else if (result.passes === 0) reject(new Error('No integration test ran.'));
        else resolve();
      });
      runner.on('pass', (test) => tests.push({ title: test.fullTitle(), state: 'passed' }));
      runner.on('fail', (test, err) => tests.push({ title: test.fullTitle(), state: 'failed', err: errorText(err) }));
      runner.on('pending', (test) => tests.push({ title: test.fullTitle(), state: 'pending' }));
    } catch (error) {
      // A test file that throws while loading must fail the run, not hang it.
      writeResult({ passes: 0, failures: 1, pending: 0, tests: [{ title: 'loading the integration suite', state: 'failed', err: errorText(error) }] });
      reject(error);
    }
  });
}
