// Language: every user-facing string goes through l10n.t, the manifest's strings are %keys% of
// package.nls.json, and l10n/bundle.l10n.json matches the sources (`npm run l10n` regenerates it).
import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { bundleTranslator, format, installTranslator, l10n } from '../../../src/common/l10n';
import { FIELDS } from '../../../src/model/fields';
import { scanSource } from './sourceScan';

const root = path.resolve(__dirname, '../../../..');

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Manifest fields VS Code shows; each must be a %key%. */
const SHOWN_MANIFEST_FIELDS = new Set(['displayName', 'title', 'description', 'markdownDescription', 'contents', 'name', 'contextualTitle', 'category', 'altText', 'enumDescriptions']);

/** [json path, value] of every shown string in package.json (top-level `name` is the package id, not shown). */
function shownManifestStrings(value: unknown, at: string[] = []): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => shownManifestStrings(item, [...at, String(i)]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]): [string, string][] => {
    const here = [...at, key];
    const shown = SHOWN_MANIFEST_FIELDS.has(key) && !(at.length === 0 && key === 'name');
    if (shown && typeof child === 'string') return [[here.join('.'), child]];
    if (shown && Array.isArray(child)) return child.map((item, i): [string, string] => [`${here.join('.')}.${i}`, String(item)]);
    return shownManifestStrings(child, here);
  });
}

describe('l10n', () => {
  afterEach(() => installTranslator(undefined));

  describe('the translate hook (src/common/l10n.ts)', () => {
    it('fills {0}-style placeholders and leaves ones without an argument', () => {
      assert.equal(format('Saved {0} of {1}.', ['Ana', 3]), 'Saved Ana of 3.');
      assert.equal(format('{0} and {0}, then {2}', ['x']), 'x and x, then {2}');
      assert.equal(l10n.t('Deleted {0} guests.', 2), 'Deleted 2 guests.');
    });

    it('routes through the installed translator, and translates the field catalogue when read', () => {
      installTranslator(bundleTranslator({ 'First name': 'Vorname', '{0} can only contain digits, spaces and + ( ) - .': '{0} darf nur Ziffern enthalten.', 'Phone 1': 'Telefon 1' }));
      assert.equal(FIELDS.first_name.label, 'Vorname');
      assert.equal(FIELDS.phone_1.validate('call me'), 'Telefon 1 darf nur Ziffern enthalten.');
      assert.equal(l10n.t('Not in the bundle {0}', 1), 'Not in the bundle 1');
      installTranslator(undefined);
      assert.equal(FIELDS.first_name.label, 'First name');
    });
  });

  describe('sources', () => {
    it('the scanner reports an untranslated message, title and tooltip, and accepts translated ones', () => {
      const findings = scanSource('sample.ts', [
        "ui.showMessage('info', 'Saved the guest.', {});",
        "ui.showInputBox({ title: `Edit ${name}`, prompt: vscode.l10n.t('Type it') });",
        'item.tooltip = ok ? "Quick update" : vscode.l10n.t("Nothing");',
        "item.text = '$(person) Tallyfy';",
        "ui.showMessage('info', l10n.t('Deleted {0}.', name), {}, l10n.t('Undo'));",
      ].join('\n'));
      assert.deepEqual(findings.map((f) => [f.line, f.text]), [[1, 'Saved the guest.'], [2, 'Edit '], [3, 'Quick update']]);
    });

    it('every user-facing string in src/ (outside src/api) and media/ goes through l10n.t', () => {
      // src/api is the one exception: the pure API layer has no l10n, its errors' userMessage stays English (README, "Language").
      const files = [...tsFiles(path.join(root, 'src')), ...tsFiles(path.join(root, 'media'))]
        .filter((file) => !file.startsWith(path.join(root, 'src', 'api') + path.sep));
      assert.ok(files.length > 50, `scanned ${files.length} files`);
      const findings = files.flatMap((file) => scanSource(path.relative(root, file), fs.readFileSync(file, 'utf8')));
      assert.deepEqual(findings.map((f) => `${f.file}:${f.line} ${f.where} "${f.text}"`), []);
    });

    it('l10n/bundle.l10n.json is what `npm run l10n` makes of the sources', function () {
      this.timeout(30000);
      try {
        execFileSync(process.execPath, [path.join(root, 'scripts', 'l10n.js'), '--check'], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
      } catch (error) {
        const { stdout, stderr } = error as { stdout?: string; stderr?: string };
        assert.fail(`${stderr ?? ''}${stdout ?? ''}`);
      }
      const bundle = JSON.parse(fs.readFileSync(path.join(root, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
      for (const key of ['First name', 'Edit guest: {0}', 'Saved to Tallyfy.', 'Tallyfy: Sign In']) assert.ok(key in bundle, `the bundle has "${key}"`);
    });
  });

  describe('manifest', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const shown = shownManifestStrings(manifest);

    it('points VS Code at the l10n/ bundle folder', () => {
      assert.equal(manifest.l10n, './l10n');
    });

    it('every shown package.json string is a %key% that package.nls.json defines', () => {
      assert.ok(shown.length > 60, `found ${shown.length} shown strings`);
      const bad = shown.filter(([, value]) => !/^%[\w.-]+%$/.test(value) || !(value.slice(1, -1) in nls)).map(([at, value]) => `${at}: ${value}`);
      assert.deepEqual(bad, []);
    });

    it('package.nls.json has no unused or empty keys', () => {
      const used = new Set(shown.map(([, value]) => value.slice(1, -1)));
      assert.deepEqual(Object.keys(nls).filter((key) => !used.has(key) || nls[key].trim() === ''), []);
    });
  });
});
