// Where the real-VS-Code test host lives on disk, and which versions it pins.
// Shared by the integration launcher, the UI (e2e) harness and `npm start`.
import * as fs from 'fs';
import * as path from 'path';

/** code-server 4.139.1 ships VS Code 1.139.1 (the recipe in shared/docs/real-vscode-here.md). */
export const CODE_SERVER_VERSION = '4.139.1';
/** code-server 4.139.x declares `engines.node: 24`; the machine's own Node is 20. */
export const HOST_NODE_MAJOR = 24;

/** The repository root: the nearest folder above this file that has a package.json (works from test/ and out/test/). */
export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

/** `.vscode-test/` is git-ignored and is also where @vscode/test-electron keeps its downloads. */
export function cacheDir(): string {
  return path.join(repoRoot(), '.vscode-test');
}

export function nodePackageName(): string {
  return `node-${process.platform}-${process.arch}`;
}

export function nodeInstallDir(): string {
  return path.join(cacheDir(), `node-${HOST_NODE_MAJOR}`);
}

export function codeServerInstallDir(): string {
  return path.join(cacheDir(), `code-server-${CODE_SERVER_VERSION}`);
}

/** Screenshots and other artefacts of the UI suite (git-ignored). */
export function testResultsDir(): string {
  return path.join(repoRoot(), 'test-results');
}
