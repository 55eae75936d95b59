// "bundle" and "package": sizes of the production dist/extension.js (node esbuild.js --production)
// and of the .vsix that `npm run package` (scripts/package.js) builds, written to a temp folder.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { notMeasured, type BenchContext, type CaseResult } from '../types';

const BUNDLE_TARGET_KB = 150;
const PACKAGE_TARGET_KB = 250;
/** KB = 1000 bytes: the stricter reading of the targets. */
const KB = 1000;

const run = promisify(execFile);

/**
 * What the production bundle is made of, by folder (src/views, node_modules/csv-parse, …): a second
 * build with esbuild's metafile and the options esbuild.js uses for dist/extension.js. Only a
 * breakdown; the size judged is the real file's.
 */
async function composition(root: string): Promise<{ bytes: number; groups: [string, number][] }> {
  const esbuild = await import('esbuild');
  const emptyWhatwgUrl = {
    name: 'no-whatwg-url',
    setup(build: import('esbuild').PluginBuild) {
      build.onResolve({ filter: /^whatwg-url$/ }, () => ({ path: 'whatwg-url', namespace: 'empty-module' }));
      build.onLoad({ filter: /.*/, namespace: 'empty-module' }, () => ({ contents: 'module.exports = {};' }));
    },
  };
  const result = await esbuild.build({
    absWorkingDir: root, entryPoints: ['src/extension.ts'], bundle: true, minify: true, format: 'cjs', platform: 'node',
    target: 'node20', external: ['vscode'], write: false, metafile: true, outfile: 'analysis.js', logLevel: 'silent', plugins: [emptyWhatwgUrl],
  });
  const output = Object.values(result.metafile.outputs)[0];
  const groups = new Map<string, number>();
  for (const [file, info] of Object.entries(output.inputs)) {
    const parts = file.split('/');
    const key = parts[0] === 'node_modules' ? parts.slice(0, parts[1]?.startsWith('@') ? 3 : 2).join('/') : parts.slice(0, Math.min(2, parts.length)).join('/');
    groups.set(key, (groups.get(key) ?? 0) + info.bytesInOutput);
  }
  return { bytes: output.bytes, groups: [...groups.entries()].sort((a, b) => b[1] - a[1]) };
}

function sizeResult(id: string, name: string, what: string, targetKb: number, bytes: number, notes: string[]): CaseResult {
  const kb = bytes / KB;
  return {
    id,
    name,
    what,
    target: `< ${targetKb} KB`,
    status: kb < targetKb ? 'pass' : 'fail',
    figure: Math.round(kb * 10) / 10,
    unit: 'KB',
    display: `${kb.toFixed(1)} KB (${bytes.toLocaleString('en')} bytes)`,
    notes,
    details: { bytes },
  };
}

/** The last lines of a failed command's output, for "not measured" (never contains a token: none is involved). */
function failureText(error: unknown): string {
  const e = error as { stderr?: string; stdout?: string; message?: string };
  const text = `${e.stderr ?? ''}\n${e.stdout ?? ''}`.trim() || e.message || String(error);
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('[watch]'));
  const errors = lines.filter((l) => /error/i.test(l));
  return (errors.length > 0 ? errors.slice(0, 3) : lines.slice(-3)).join(' / ');
}

async function bundleCase(context: BenchContext): Promise<CaseResult> {
  const what = 'dist/extension.js from `node esbuild.js --production` (minified, no source map)';
  try {
    await run(process.execPath, [path.join(context.root, 'esbuild.js'), '--production'], { cwd: context.root, timeout: 120_000 });
  } catch (error) {
    return notMeasured('bundle', 'bundle', what, `< ${BUNDLE_TARGET_KB} KB`, `the production build failed: ${failureText(error)}`);
  }
  const bytes = fs.statSync(path.join(context.root, 'dist', 'extension.js')).size;
  const notes: string[] = [];
  const parts = await composition(context.root).catch(() => undefined);
  if (parts) {
    const sum = (third: boolean) => parts.groups.filter(([k]) => k.startsWith('node_modules') === third).reduce((n, [, b]) => n + b, 0);
    const listed = parts.groups.map(([k, b]) => `${k} ${(b / KB).toFixed(1)}`).join(', ');
    notes.push(`Made of (KB of minified output, from an esbuild metafile build of ${(parts.bytes / KB).toFixed(1)} KB): the extension's own code ${(sum(false) / KB).toFixed(1)}, third-party ${(sum(true) / KB).toFixed(1)}; ${listed}.`);
  }
  const webviewDir = path.join(context.root, 'dist', 'webview');
  const webviews = fs.existsSync(webviewDir) ? fs.readdirSync(webviewDir).map((f) => `${f} ${(fs.statSync(path.join(webviewDir, f)).size / KB).toFixed(1)} KB`) : [];
  if (webviews.length > 0) notes.push(`webview scripts (separate bundles, loaded only by their panel): ${webviews.join(', ')}`);
  return sizeResult('bundle', 'bundle', what, BUNDLE_TARGET_KB, bytes, notes);
}

async function packageCase(context: BenchContext): Promise<CaseResult> {
  const what = '.vsix built by `npm run package` (scripts/package.js: production build, then vsce without node_modules)';
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tallyfy-bench-vsix-'));
  const vsix = path.join(tmp, 'tallyfy-guests.vsix');
  try {
    await run(process.execPath, [path.join(context.root, 'scripts', 'package.js'), '--out', vsix], { cwd: context.root, timeout: 240_000 });
    const bytes = fs.statSync(vsix).size;
    const { stdout } = await run(process.execPath, [path.join(context.root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'], { cwd: context.root, timeout: 60_000 }).catch(() => ({ stdout: '' }));
    const files = stdout.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    const largest = files
      .map((f) => ({ f, size: fs.existsSync(path.join(context.root, f)) ? fs.statSync(path.join(context.root, f)).size : 0 }))
      .sort((x, y) => y.size - x.size)
      .slice(0, 6)
      .map(({ f, size }) => `${f} ${(size / KB).toFixed(1)}`);
    const notes = files.length > 0 ? [`${files.length} files in the package; the largest on disk (KB, before zip compression): ${largest.join(', ')}.`] : [];
    return sizeResult('package', 'package', what, PACKAGE_TARGET_KB, bytes, notes);
  } catch (error) {
    return notMeasured('package', 'package', what, `< ${PACKAGE_TARGET_KB} KB`, `packaging failed: ${failureText(error)}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export async function artifactCases(context: BenchContext): Promise<CaseResult[]> {
  context.log('bundle: production build');
  const bundle = await bundleCase(context);
  context.log('package: npm run package');
  const pkg = await packageCase(context);
  return [bundle, pkg];
}
