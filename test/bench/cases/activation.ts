// "activation": activate()'s own time in the real VS Code host (code-server through test/host's
// launcher), median of 5 fresh hosts. Each host runs test/bench/activation/index.ts, which reads
// `activationMs` from the extension's test API (TALLYFY_TEST=1) and writes it to a file.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ActivationSample } from '../activation';
import { round, spreadText, summarize } from '../stats';
import { notMeasured, type BenchContext, type CaseResult } from '../types';

const TARGET_MS = 10;
const WHAT = 'activate() of the production bundle inside VS Code 1.139 (code-server via test/host), measured by the extension around its own body';

export async function activationCase(context: BenchContext): Promise<CaseResult> {
  const hosts = context.quick ? 1 : 5;
  if (!fs.existsSync(path.join(context.root, 'dist', 'extension.js'))) {
    return notMeasured('activation', 'activation', WHAT, `< ${TARGET_MS} ms`, 'dist/extension.js is missing (the bundle case builds it)');
  }
  if (context.quick && !fs.existsSync(path.join(context.root, '.vscode-test'))) {
    return notMeasured('activation', 'activation', WHAT, `< ${TARGET_MS} ms`, '--quick skips it: the VS Code host is not prepared (.vscode-test/ is missing)');
  }
  // Loaded only here: it pulls in playwright-core and the host tooling.
  const { runIntegration } = await import('../../host/runIntegration');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tallyfy-bench-activation-'));
  const samples: ActivationSample[] = [];
  const problems: string[] = [];
  try {
    for (let i = 0; i < hosts; i++) {
      const file = path.join(tmp, `sample-${i}.json`);
      context.log(`activation: fresh host ${i + 1} of ${hosts}`);
      let code: number;
      try {
        code = await runIntegration({
          extensionDevelopmentPath: context.root,
          extensionTestsPath: path.join(context.root, 'out', 'test', 'bench', 'activation', 'index.js'),
          timeoutMs: 120_000,
          env: { TALLYFY_BENCH_ACTIVATION_FILE: file },
        });
      } catch (error) {
        // The host could not start here (no Chromium, no code-server download…): a fact about the
        // machine, not a crash of the benchmark.
        problems.push(`host ${i + 1}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        break;
      }
      if (code === 0 && fs.existsSync(file)) samples.push(JSON.parse(fs.readFileSync(file, 'utf8')) as ActivationSample);
      else problems.push(`host ${i + 1}: the launcher exited ${code}${fs.existsSync(file) ? '' : ' without a sample'}`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  if (samples.length === 0) {
    return notMeasured('activation', 'activation', WHAT, `< ${TARGET_MS} ms`, `no host produced a sample (${problems.join('; ')})`);
  }
  const inside = summarize(samples.map((s) => s.activationMs));
  const outside = summarize(samples.filter((s) => !s.wasActive).map((s) => s.outsideMs));
  return {
    id: 'activation',
    name: 'activation',
    what: `${WHAT}, median of ${samples.length} fresh hosts`,
    target: `< ${TARGET_MS} ms`,
    status: inside.median < TARGET_MS && samples.length === hosts ? 'pass' : 'fail',
    figure: round(inside.median, 2),
    unit: 'ms',
    display: `${inside.median.toFixed(2)} ms`,
    spread: spreadText(inside, 2, ' ms', 'hosts'),
    notes: [
      outside.n > 0
        ? `extension.activate() awaited from outside (loading and evaluating dist/extension.js, then activate()): median ${outside.median.toFixed(1)} ms.`
        : 'The extension was already active when the probe ran, so the outside time was not measured.',
      ...problems,
    ],
    details: { samples },
  };
}
