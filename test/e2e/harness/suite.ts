// Mocha glue: one workbench per `describe`, opened in `before` and always closed in `after`;
// a failing test leaves a screenshot named after it in test-results/.
import { Workbench, WorkbenchOptions } from './workbench';

const OPEN_TIMEOUT_MS = 180000; // the first run may package the extension and install code-server

let signalsHandled = false;

/** Ctrl-C / SIGTERM: exit normally so the 'exit' handlers kill code-server groups and remove temp folders. */
function exitOnSignals(): void {
  if (signalsHandled) return;
  signalsHandled = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
}

/**
 * Call inside a `describe`. Returns a stand-in for the suite's Workbench: use it inside tests and hooks.
 *   const wb = useWorkbench();
 *   it('…', async () => { await wb.runCommand('Tallyfy: Sign In'); });
 */
export function useWorkbench(options: WorkbenchOptions = {}): Workbench {
  let current: Workbench | undefined;
  exitOnSignals();

  before(async function () {
    this.timeout(OPEN_TIMEOUT_MS);
    current = await Workbench.open(options);
  });

  afterEach(async function () {
    const test = this.currentTest;
    if (current && test?.state === 'failed') {
      const file = await current.screenshot(`FAILED ${test.fullTitle()}`).catch(() => undefined);
      if (file) console.log(`      screenshot: ${file}`);
    }
  });

  after(async function () {
    this.timeout(30000);
    await current?.close();
    current = undefined;
  });

  return new Proxy({} as Workbench, {
    get(_target, property) {
      if (!current) throw new Error('The workbench is open only inside tests and hooks of the suite that called useWorkbench().');
      const value: unknown = Reflect.get(current, property, current);
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
}
