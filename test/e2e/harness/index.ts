// The UI (e2e) harness: see useWorkbench() for mocha suites, Workbench.open() for scripts.
export { useWorkbench } from './suite';
export { Workbench, WorkbenchOptions } from './workbench';
export { WorkbenchUi } from './ui';
