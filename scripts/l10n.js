// `npm run l10n`: writes l10n/bundle.l10n.json, the English strings of the extension, for translators
// (each translation is an l10n/bundle.l10n.<locale>.json with the same keys). `--check` writes nothing
// and exits 1 when the committed bundle is not what the sources give (the unit suite runs it).
//
// The same engine as `npx @vscode/l10n-dev export -o l10n src media`, through its API, with one addition:
// l10n-dev only recognises `l10n.t(...)` whose `l10n` is imported from 'vscode' or '@vscode/l10n'. Code
// that must stay free of the VS Code API imports the same-shaped `l10n` from src/common/l10n.ts; for the
// analysis only, that import is read as `import { l10n } from 'vscode'`, so its strings land in the bundle.
const fs = require('fs');
const path = require('path');
const { getL10nJson } = require('@vscode/l10n-dev');

const root = path.resolve(__dirname, '..');
const SOURCE_DIRS = ['src', 'media'];
const BUNDLE = path.join(root, 'l10n', 'bundle.l10n.json');
const HOOK_IMPORT = /import\s*\{[^}]*\bl10n\b[^}]*\}\s*from\s*(['"])(?:\.{1,2}\/)+(?:src\/)?common\/l10n\1/g;

function sourceFiles(dir) {
  const files = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(full));
    else if (/\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(full);
  }
  return files.sort();
}

/** The bundle's text, exactly as `l10n-dev export` writes it. */
async function bundleText() {
  const scripts = SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(root, dir))).map((file) => ({
    extension: '.ts',
    contents: fs.readFileSync(file, 'utf8').replace(HOOK_IMPORT, "import { l10n } from 'vscode'"),
  }));
  const bundle = await getL10nJson(scripts);
  return JSON.stringify(bundle, undefined, 2);
}

async function main() {
  const text = await bundleText();
  const count = Object.keys(JSON.parse(text)).length;
  if (process.argv.includes('--check')) {
    const committed = fs.existsSync(BUNDLE) ? fs.readFileSync(BUNDLE, 'utf8') : '';
    if (committed === text) {
      console.log(`l10n: ${path.relative(root, BUNDLE)} is up to date (${count} strings).`);
      return;
    }
    const have = new Set(Object.keys(committed ? JSON.parse(committed) : {}));
    const want = new Set(Object.keys(JSON.parse(text)));
    const missing = [...want].filter((key) => !have.has(key));
    const stale = [...have].filter((key) => !want.has(key));
    console.error(`l10n: ${path.relative(root, BUNDLE)} is out of date: run \`npm run l10n\` and commit it.`);
    for (const key of missing.slice(0, 10)) console.error(`  missing: ${JSON.stringify(key)}`);
    for (const key of stale.slice(0, 10)) console.error(`  stale:   ${JSON.stringify(key)}`);
    process.exitCode = 1;
    return;
  }
  fs.mkdirSync(path.dirname(BUNDLE), { recursive: true });
  fs.writeFileSync(BUNDLE, text);
  console.log(`l10n: wrote ${count} strings to ${path.relative(root, BUNDLE)}.`);
}

main().catch((error) => {
  console.error(`l10n: ${(error && error.stack) || error}`);
  process.exit(1);
});
