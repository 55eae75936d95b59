// Builds the extension host bundle and the webview scripts (pattern of the esbuild-sample).
// esbuild does not type-check: `npm run check-types` runs tsc --noEmit for that.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints the lines the `$esbuild-watch` problem matcher looks for. */
const problemMatcherPlugin = {
  name: 'esbuild-problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * node-fetch v2 requires whatwg-url only for a URL class Node has built in (`Url.URL || whatwgUrl.URL`),
 * and whatwg-url brings tr46's 260 KB mapping table: an empty stand-in keeps ~290 KB out of the bundle
 * (`npm run bench`, "bundle": 479 KB before).
 */
const noWhatwgUrlPlugin = {
  name: 'no-whatwg-url',
  setup(build) {
    build.onResolve({ filter: /^whatwg-url$/ }, () => ({ path: 'whatwg-url', namespace: 'empty-module' }));
    build.onLoad({ filter: /.*/, namespace: 'empty-module' }, () => ({ contents: 'module.exports = {};' }));
  },
};

function webviewEntries() {
  const dir = path.join(__dirname, 'media');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir)
    .filter((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => path.join('media', f));
}

async function main() {
  const common = {
    bundle: true,
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'silent',
    plugins: [problemMatcherPlugin],
  };
  const contexts = [
    await esbuild.context({
      ...common,
      entryPoints: ['src/extension.ts'],
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      outfile: 'dist/extension.js',
      external: ['vscode'],
      plugins: [problemMatcherPlugin, noWhatwgUrlPlugin],
    }),
  ];
  const webviews = webviewEntries();
  if (webviews.length > 0) {
    contexts.push(await esbuild.context({
      ...common,
      entryPoints: webviews,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      outdir: 'dist/webview',
    }));
  }
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  for (const c of contexts) {
    await c.rebuild();
    await c.dispose();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
