// The JSON file a test suite running inside VS Code writes to $CSTEST_RESULT_FILE, read by the launchers.
import * as fs from 'fs';

export interface TestOutcome {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  err?: string;
}

export interface SuiteResult {
  passes: number;
  failures: number;
  pending: number;
  tests: TestOutcome[];
}

export function readSuiteResult(file: string): SuiteResult | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as SuiteResult;
  } catch {
    return undefined; // not written yet, or written half-way
  }
}

/** A run counts as green only when at least one test ran and none failed. */
export function isGreen(result: SuiteResult | undefined): boolean {
  return !!result && result.failures === 0 && result.passes + result.failures >= 1;
}

export function summarize(result: SuiteResult): string {
  const lines = [`${result.passes} passing, ${result.failures} failing, ${result.pending} pending`];
  for (const test of result.tests.filter((t) => t.state === 'failed')) {
    lines.push(`  failed: ${test.title}: ${(test.err ?? '').split('\n')[0]}`);
  }
  return lines.join('\n');
}
