import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';

interface PartResult {
  tag: string;
  files: string[];
  undocumented: { name: string; where: string[] }[];
  unrendered: string[];
  unresolved: { where: string; expression: string }[];
}
type Manifest = { modules: { path: string; declarations: { customElement: boolean; tagName: string; cssParts: { name: string }[] }[] }[] };
const { checkParts } = (await import(new URL('../../scripts/check-parts.mjs', import.meta.url).href)) as {
  checkParts(dir: string, elements: { tag: string; module: string }[], manifest: Manifest): PartResult[];
};

const files: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', noEmit: true, skipLibCheck: true } }),
  'src/lit.ts': 'export const html = (strings: TemplateStringsArray, ...values: unknown[]) => ({ strings, values });\n',
  'src/elements/shared/icon.ts': `import { html } from '../../lit.js';
export function renderIcon(label: string, part = 'icon') {
  return html\`<span part=\${part}>\${label}</span>\`;
}
`,
  'src/elements/other/pd-other.ts': `import { html } from '../../lit.js';
export const other = html\`<div part="other-only"></div>\`;
`,
  'src/elements/demo/pd-demo.ts': `import { html } from '../../lit.js';
import { renderIcon } from '../shared/icon.js';
import { other } from '../other/pd-other.js';
import type { Unused } from '../shared/types.js';

function message(part: 'empty' | 'error') {
  return html\`<p part=\${part}></p>\`;
}
export function render(active: boolean, custom: boolean, level: string, value: Unused) {
  const tone = active ? 'hot' : 'cold';
  return html\`
    <section part="base header" exportparts="inner:exported, kept" data-part="y">
      \${renderIcon('a')}\${renderIcon('b', 'logo')}
      <div part="option\${active ? ' option-active' : ''}"></div>
      <div part=\${custom ? 'chip chip-custom' : 'chip'}></div>
      <i part="tone-\${tone}"></i>
      <b part=\${level}></b>
      \${message('empty')}\${other}\${value}
    </section>\`;
}
`,
  'src/elements/shared/types.ts': `import { html } from '../../lit.js';
export type Unused = unknown;
export const never = html\`<i part="type-only-module"></i>\`;
`,
};

describe('the part check (scripts/check-parts.mjs)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pd-parts-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [file, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), contents);
  }
  const documented = ['base', 'header', 'exported', 'kept', 'icon', 'logo', 'option', 'option-active', 'chip', 'chip-custom', 'tone-hot', 'empty', 'error', 'never-rendered'];
  const manifest: Manifest = {
    modules: [{ path: 'src/elements/demo/pd-demo.ts', declarations: [{ customElement: true, tagName: 'pd-demo', cssParts: documented.map((name) => ({ name })) }] }],
  };
  const [result] = checkParts(dir, [{ tag: 'pd-demo', module: 'src/elements/demo/pd-demo.ts' }, { tag: 'pd-other', module: 'src/elements/other/pd-other.ts' }], manifest);

  it('follows value imports in scope, not type-only imports or other elements', () => {
    assert.deepEqual(result!.files.sort(), ['src/elements/demo/pd-demo.ts', 'src/elements/shared/icon.ts']);
  });

  it('counts the names an embedded element\'s exportparts exports under as rendered, not data-part', () => {
    assert.equal(result!.unrendered.includes('exported') || result!.unrendered.includes('kept'), false);
    assert.equal(result!.undocumented.some((part) => part.name === 'inner' || part.name === 'y'), false);
  });

  it('resolves bound parts from types, call sites and defaults, and lists what it cannot', () => {
    // "error" is in the parameter's type but never passed: documented, not rendered.
    assert.deepEqual(result!.undocumented.map((part) => part.name), ['tone-cold']);
    assert.equal(result!.undocumented[0]!.where[0], 'src/elements/demo/pd-demo.ts:16');
    assert.deepEqual(result!.unrendered, ['error', 'never-rendered']);
    assert.deepEqual(result!.unresolved, [{ where: 'src/elements/demo/pd-demo.ts:17', expression: 'src/elements/demo/pd-demo.ts: level' }]);
  });
});
