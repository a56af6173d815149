import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';

interface ListedElement { tag: string; module: string; cdn: string; sizeLimit: string | null; className: string; exportKey: string }
const load = async <T>(path: string) => (await import(new URL(path, import.meta.url).href)) as T;
const { readElements } = await load<{ readElements(dir?: string): ListedElement[] }>('../../scripts/elements.mjs');
const { checkElements } = await load<{ checkElements(dir?: string): string[] }>('../../scripts/check-elements.mjs');
const { scaffold, withListEntry, withStrings } = await load<{
  scaffold(dir: string, tag: string, options?: { summary?: string }): { created: string[]; changed: string[] };
  withListEntry(source: string, entry: object): string;
  withStrings(source: string, file: string, strings: Record<string, string>): string;
}>('../../scripts/new-element.mjs');

const root = new URL('../..', import.meta.url).pathname;

/** A repository with no elements yet: just what the checks and the scaffold read. */
function emptyRepository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pd-elements-'));
  const files: Record<string, string> = {
    'elements.json': '{\n  "$comment": "test",\n  "elements": []\n}\n',
    'package.json': `${JSON.stringify({ name: 'x', exports: { '.': './dist/index.js', './package.json': './package.json' } }, null, 2)}\n`,
    'src/index.ts': "export { PdElement } from './elements/base/pd-element.js';\n",
    'src/i18n/en.ts': "export const en = {\n  'a.b': 'c',\n} as const;\n",
    'src/i18n/de.ts': "export const de: Strings = {\n  'a.b': 'c'\n};\n",
    'src/i18n/ar.ts': "export const ar: LocaleStrings = {\n};\n",
  };
  for (const [file, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), contents);
  }
  return dir;
}

describe('the element list (elements.json)', () => {
  const made: string[] = [];
  after(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  it('is what the repository ships, and every file that follows it agrees', () => {
    const elements = readElements();
    assert.ok(elements.some((element) => element.tag === 'pd-connect-button' && element.className === 'PdConnectButton'));
    assert.deepEqual(checkElements(root), []);
  });

  it('keeps its one-element-per-line layout when an element is added', () => {
    const source = readFileSync(join(root, 'elements.json'), 'utf8');
    const data = JSON.parse(source) as { elements: object[] };
    const last = data.elements.pop()!;
    assert.equal(withListEntry(JSON.stringify(data), last), source);
  });

  it('adds strings at the end of a locale table, with or without a trailing comma', () => {
    assert.equal(withStrings("export const de: Strings = {\n  'a': 'b'\n};\n", 'de.ts', { c: 'd' }), "export const de: Strings = {\n  'a': 'b',\n  \"c\": \"d\",\n};\n");
    assert.throws(() => withStrings("export const de: Strings = {\n  'c': 'x',\n};\n", 'de.ts', { c: 'd' }), /already has "c"/);
  });

  it('scaffolds an element the checks accept, and they catch what drifts from the list', () => {
    const dir = emptyRepository();
    made.push(dir);
    const { created, changed } = scaffold(dir, 'pd-demo-widget', { summary: 'A demo.' });
    assert.deepEqual(created, [
      'src/elements/demo-widget/pd-demo-widget.ts',
      'src/elements/demo-widget/pd-demo-widget.styles.ts',
      'src/elements/demo-widget/pd-demo-widget.css',
      'stories/pd-demo-widget.stories.ts',
      'test/browser/pd-demo-widget.test.ts',
    ]);
    assert.deepEqual(changed.sort(), ['elements.json', 'package.json', 'src/i18n/ar.ts', 'src/i18n/de.ts', 'src/i18n/en.ts', 'src/index.ts']);
    assert.deepEqual(checkElements(dir), []);
    assert.match(readFileSync(join(dir, 'src/i18n/en.ts'), 'utf8'), /"demoWidget\.configInvalid": "This element is not set up: \{detail\}",\n\} as const;/);
    assert.throws(() => scaffold(dir, 'pd-demo-widget'), /already lists/);
    assert.throws(() => scaffold(dir, 'Demo'), /not an element name/);

    const pkgFile = join(dir, 'package.json');
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as { exports: Record<string, unknown> };
    pkg.exports['./pd-demo-widget.js'] = './dist/elsewhere.js';
    pkg.exports['./pd-gone.js'] = './dist/gone.js';
    writeFileSync(pkgFile, JSON.stringify(pkg));
    writeFileSync(join(dir, 'src/index.ts'), '');
    writeFileSync(join(dir, 'src/elements/demo-widget/stray.ts'), "PdStray.define('pd-stray');\n");
    const problems = checkElements(dir).join('\n');
    assert.match(problems, /package\.json exports "\.\/pd-demo-widget\.js" is "\.\/dist\/elsewhere\.js"/);
    assert.match(problems, /package\.json exports "\.\/pd-gone\.js", but elements\.json has no element <pd-gone>/);
    assert.match(problems, /src\/index\.ts does not export PdDemoWidget/);
    assert.match(problems, /stray\.ts registers <pd-stray>, which elements\.json does not list/);
  });
});
