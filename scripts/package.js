// `npm run package [-- --out <file.vsix>]`: production bundle, then a .vsix without node_modules
// (esbuild already bundles the runtime dependencies). Never prompts: no TTY questions from vsce.
// vsce runs the manifest's `vscode:prepublish` script (the production build); type-checking is npm test's job.
const fs = require('fs');
const path = require('path');
const { createVSIX } = require('@vscode/vsce');

const root = path.resolve(__dirname, '..');

function outPath() {
  const i = process.argv.indexOf('--out');
  if (i >= 0 && process.argv[i + 1]) return path.resolve(process.argv[i + 1]);
  const { version } = require(path.join(root, 'package.json'));
  return path.join(root, `tallyfy-guests-${version}.vsix`);
}

async function main() {
  const packagePath = outPath();
  // esbuild never deletes: without this, source maps of an earlier dev build would ship in the .vsix.
  fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  fs.mkdirSync(path.dirname(packagePath), { recursive: true });
  await createVSIX({ cwd: root, packagePath, dependencies: false });
  console.log(packagePath);
}

main().catch((error) => {
  console.error(`package failed: ${(error && error.message) || error}`);
  process.exit(1);
});
