// Loaded by VS Code as `extensionTestsPath` (through test/host's launcher) in a fresh host: activates
// the extension once and writes how long activate() took, as the extension measured it itself
// (`activationMs` on its test API), plus the whole `extension.activate()` seen from outside
// (loading dist/extension.js included). One fresh host per sample: activation happens once per host.
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { SuiteResult } from '../../host/results';

const EXTENSION_ID = 'guestbook-tools.tallyfy-guests';

export interface ActivationSample {
  /** activate()'s body, measured inside it. */
  activationMs: number;
  /** extension.activate() as awaited by this probe: module load + activate(). */
  outsideMs: number;
  /** True if VS Code had activated the extension before the probe ran (then outsideMs means nothing). */
  wasActive: boolean;
}

function writeSuiteResult(title: string, err?: string): void {
  const file = process.env.CSTEST_RESULT_FILE;
  if (!file) return;
  const result: SuiteResult = {
    passes: err ? 0 : 1,
    failures: err ? 1 : 0,
    pending: 0,
    tests: [{ title, state: err ? 'failed' : 'passed', err }],
  };
  fs.writeFileSync(file, JSON.stringify(result));
}

export async function run(): Promise<void> {
  const title = 'activation time measured';
  try {
    const extension = vscode.extensions.getExtension<{ activationMs?: unknown } | undefined>(EXTENSION_ID);
    if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this host`);
    const wasActive = extension.isActive;
    const start = performance.now();
    const api = await extension.activate();
    const outsideMs = performance.now() - start;
    const activationMs = api?.activationMs;
    if (typeof activationMs !== 'number') throw new Error('the extension did not report activationMs (is TALLYFY_TEST=1 set?)');
    const out = process.env.TALLYFY_BENCH_ACTIVATION_FILE;
    if (!out) throw new Error('TALLYFY_BENCH_ACTIVATION_FILE is not set');
    const sample: ActivationSample = { activationMs, outsideMs, wasActive };
    fs.writeFileSync(out, JSON.stringify(sample));
    console.log(`[bench] activate(): ${activationMs.toFixed(2)} ms inside, ${outsideMs.toFixed(2)} ms seen from outside`);
    writeSuiteResult(title);
  } catch (error) {
    writeSuiteResult(title, error instanceof Error ? error.stack ?? error.message : String(error));
    throw error;
  }
}
