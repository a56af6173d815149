#!/usr/bin/env node
/**
 * `npm run new:element pd-name [-- --summary "What it is."]`: a new element in the shape of the
 * reference one (src/elements/connect-button/), ready to typecheck, lint, register and pass its
 * test:
 * - src/elements/<name>/pd-name.ts (the element, its JSDoc), pd-name.styles.ts, pd-name.css (Tailwind);
 * - stories/pd-name.stories.ts and test/browser/pd-name.test.ts;
 * - its strings in src/i18n/en.ts, de.ts and ar.ts (`<name>.title`, `<name>.configInvalid`);
 * - its entry in elements.json, its export in package.json and in src/index.ts.
 * Then runs `npm run styles` and `npm run analyze` (skip them with `--no-generate`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { classNameOf, listFile, readElements, root } from './elements.mjs';

const TAG = /^pd-[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Everything the new element needs, from its tag. */
export function namesFor(tag, summary) {
  const folder = tag.replace(/^pd-/, '');
  const words = folder.replace(/-/g, ' ');
  return {
    tag,
    folder,
    className: classNameOf(tag),
    module: `src/elements/${folder}/${tag}.ts`,
    // String keys are grouped by a camel-case prefix per element (`accounts.*`, `select.*`).
    prefix: folder.replace(/-([a-z0-9])/g, (_match, letter) => letter.toUpperCase()),
    title: words.replace(/^./, (letter) => letter.toUpperCase()),
    summary: summary ?? `The ${words}.`,
  };
}

export function elementSource(n) {
  return `import { html, nothing, type PropertyValues } from 'lit';
import { PdElement } from '../../base/pd-element.js';
import { styles } from './${n.tag}.styles.js';

/**
 * @tag ${n.tag}
 * @summary ${n.summary}
 *
 * What it shows and does, for the element reference (docs/api.md).
 *
 * @slot - Content below the title.
 *
 * @csspart base - The element's box.
 * @csspart title - The heading.
 * @csspart error - The message shown when the element is not set up.
 *
 * @cssstate ready - Set up.
 * @cssstate error - Misconfigured: the message says what is missing.
 *
 * @cssprop [--pd-color-surface=#ffffff] - Background.
 * @cssprop [--pd-color-border=#d4d4d8] - Border.
 * @cssprop [--pd-color-danger=#b91c1c] - Error text.
 * @cssprop [--pd-radius=10px] - Corner radius.
 * @cssprop [--pd-font-family=system-ui] - Font.
 * @cssprop [--pd-font-size=14px] - Base font size.
 */
export class ${n.className} extends PdElement {
  static override styles = styles;

  protected override validateConfig(): string | undefined {
    const shared = super.validateConfig();
    return shared ? this.t('${n.prefix}.configInvalid', { detail: shared }) : undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.setState('ready', !this.configError);
    this.setState('error', Boolean(this.configError));
  }

  protected override render() {
    return html\`
      <section part="base" class="grid gap-3 rounded-pd border border-pd-border bg-pd-surface p-4 text-pd-fg" dir=\${this.direction} lang=\${this.localeCode} aria-labelledby="title">
        <h2 id="title" part="title" class="text-base font-semibold">\${this.t('${n.prefix}.title')}</h2>
        \${this.configError
          ? html\`<p part="error" role="alert" class="max-w-prose text-[0.8125rem] text-pd-danger">\${this.configError}</p>\`
          : nothing}
        <slot></slot>
      </section>
    \`;
  }
}

${n.className}.define('${n.tag}');

declare global {
  interface HTMLElementTagNameMap {
    '${n.tag}': ${n.className};
  }
}
`;
}

export function stylesSource(n) {
  return `import { css, unsafeCSS } from 'lit';
import utilities from '../../styles/generated/${n.tag}.css.js';
import { tokens } from '../../styles/tokens.js';

export const styles = [
  tokens,
  unsafeCSS(utilities),
  css\`
    :host {
      display: block;
    }
  \`,
];
`;
}

export const tailwindSource = () => `@import "../../styles/tailwind.css";
@source "./";
`;

export function storySource(n) {
  return `import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import type { ${n.className} } from '../src/index.js';
import { elementHelpers, inShadow, storyElement, waitForState } from './support.js';

const { args, argTypes, template } = elementHelpers('${n.tag}');

/** ${n.summary} Every story talks to the Connect emulator running in this page's service worker. */
const meta: Meta = {
  title: 'Elements/${n.tag}',
  component: '${n.tag}',
  args,
  argTypes,
  render: (storyArgs) => template(storyArgs),
  parameters: { emulator: { user: 'story-${n.folder}' } },
};
export default meta;
type Story = StoryObj;

const element = (canvasElement: HTMLElement) => storyElement<${n.className}>(canvasElement, '${n.tag}');

/** Set up: the title shows. */
export const Ready: Story = {
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await waitForState(el, 'ready');
    await expect(inShadow(el, '[part="title"]') !== null).toBe(true);
  },
};

/** Misconfigured (no signed-in user): the element says what is missing. */
export const NotSetUp: Story = {
  parameters: { emulator: { user: null } },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await waitForState(el, 'error');
    await expect(inShadow(el, '[part="error"]') !== null).toBe(true);
  },
};
`;
}

export function testSource(n) {
  return `import { expect, fixture, html } from '@open-wc/testing';
import '../../${n.module.replace(/\.ts$/, '.js')}';
import type { ${n.className} } from '../../${n.module.replace(/\.ts$/, '.js')}';
import type { PdErrorEvent } from '../../src/events/index.js';
import { env, takeUnhandledRejections, uniqueUser } from '../support/browser-env.js';

const part = (el: ${n.className}, name: string) => el.shadowRoot!.querySelector(\`[part~="\${name}"]\`);

describe('<${n.tag}>', () => {
  afterEach(() => {
    expect(takeUnhandledRejections()).to.deep.equal([]);
  });

  it('registers, and shows its title when set up, accessibly', async () => {
    expect(customElements.get('${n.tag}') !== undefined).to.equal(true);
    const el = await fixture<${n.className}>(html\`<${n.tag} external-user-id=\${uniqueUser()} token-endpoint="/api/connect-token" base-url=\${env.emulatorUrl}></${n.tag}>\`);
    expect(el.matches(':state(ready)')).to.equal(true);
    expect(part(el, 'title') !== null).to.equal(true);
    expect(part(el, 'error') === null).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('says what is missing when it is not set up, and reports it once', async () => {
    const codes: string[] = [];
    const el = await fixture<${n.className}>(html\`<${n.tag} @pd-error=\${(event: PdErrorEvent) => codes.push(event.code)}></${n.tag}>\`);
    await el.updateComplete;
    expect(el.matches(':state(error)')).to.equal(true);
    expect(part(el, 'error') !== null).to.equal(true);
    expect(codes).to.deep.equal(['config_invalid']);
  });
});
`;
}

/** The element's strings per locale file; the title stays English in de and ar until translated. */
export function localeStrings(n) {
  return {
    'src/i18n/en.ts': { [`${n.prefix}.title`]: n.title, [`${n.prefix}.configInvalid`]: 'This element is not set up: {detail}' },
    'src/i18n/de.ts': { [`${n.prefix}.title`]: n.title, [`${n.prefix}.configInvalid`]: 'Dieses Element ist nicht eingerichtet: {detail}' },
    'src/i18n/ar.ts': { [`${n.prefix}.title`]: n.title, [`${n.prefix}.configInvalid`]: 'هذا العنصر غير مُعدّ: {detail}' },
  };
}

/** Adds entries at the end of a locale file's string table (`export const xx… = {` … `}`). */
export function withStrings(source, file, strings) {
  const start = source.search(/^export const \w+(: \w+)? = \{$/m);
  const end = start === -1 ? -1 : source.slice(start).search(/^\}( as const)?;$/m);
  if (end === -1) throw new Error(`${file}: no \`export const … = {\` … \`};\` table to add the strings to.`);
  const at = start + end;
  for (const key of Object.keys(strings)) if (source.includes(`'${key}'`) || source.includes(`"${key}"`)) throw new Error(`${file} already has "${key}".`);
  const lines = Object.entries(strings).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)},\n`);
  // The table's last entry may lack its trailing comma.
  const before = source.slice(0, at).trimEnd();
  const comma = before.endsWith(',') || before.endsWith('{') ? '' : ',';
  return before + comma + '\n' + lines.join('') + source.slice(at);
}

/** elements.json with the element added at the end, one element per line as the file keeps them. */
export function withListEntry(source, entry) {
  const data = JSON.parse(source);
  data.elements.push(entry);
  const rows = data.elements.map((element) => `    { ${Object.entries(element).map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(', ')} }`);
  const { elements: _elements, ...rest } = data;
  const head = JSON.stringify(rest, null, 2).replace(/\n\}$/, '');
  return `${head},\n  "elements": [\n${rows.join(',\n')}\n  ]\n}\n`;
}

/** package.json with the element's export after the last element export. */
export function withExport(source, key, entry) {
  const pkg = JSON.parse(source);
  const keys = Object.keys(pkg.exports);
  const last = keys.findLastIndex((name) => /^\.\/pd-[^/]+\.js$/.test(name));
  const order = [...keys.slice(0, last + 1), key, ...keys.slice(last + 1)];
  pkg.exports = Object.fromEntries(order.map((name) => [name, name === key ? entry : pkg.exports[name]]));
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** src/index.ts with the element's export after the last element export. */
export function withIndexExport(source, line) {
  const lines = source.split('\n');
  const last = lines.findLastIndex((text) => /^export \{ Pd\w+ \} from '\.\/elements\//.test(text));
  if (last === -1) throw new Error('src/index.ts: no `export { Pd… } from \'./elements/…\'` line to add the element after.');
  lines.splice(last + 1, 0, line);
  return lines.join('\n');
}

/** Writes the element into the repository at `dir`; returns the files it wrote or changed. */
export function scaffold(dir, tag, { summary } = {}) {
  if (!TAG.test(tag)) throw new Error(`"${tag}" is not an element name: pd- and lower-case words joined by hyphens, e.g. pd-app-directory.`);
  if (tag === 'pd-connect-elements') throw new Error('pd-connect-elements is the name of the whole CDN bundle.');
  const n = namesFor(tag, summary);
  if (readElements(dir).some((element) => element.tag === tag)) throw new Error(`${listFile} already lists <${tag}>.`);
  const created = {
    [n.module]: elementSource(n),
    [`src/elements/${n.folder}/${tag}.styles.ts`]: stylesSource(n),
    [`src/elements/${n.folder}/${tag}.css`]: tailwindSource(n),
    [`stories/${tag}.stories.ts`]: storySource(n),
    [`test/browser/${tag}.test.ts`]: testSource(n),
  };
  for (const file of Object.keys(created)) if (existsSync(join(dir, file))) throw new Error(`${file} exists already.`);
  const read = (file) => readFileSync(join(dir, file), 'utf8');
  const changed = {
    [listFile]: withListEntry(read(listFile), { tag, module: n.module, cdn: tag, sizeLimit: null }),
    'package.json': withExport(read('package.json'), `./${tag}.js`, {
      types: `./dist/elements/${n.folder}/${tag}.d.ts`,
      default: `./dist/elements/${n.folder}/${tag}.js`,
    }),
    'src/index.ts': withIndexExport(read('src/index.ts'), `export { ${n.className} } from './elements/${n.folder}/${tag}.js';`),
  };
  for (const [file, strings] of Object.entries(localeStrings(n))) changed[file] = withStrings(read(file), file, strings);
  // Everything is computed before anything is written: a failure leaves the tree as it was.
  for (const [file, contents] of Object.entries({ ...created, ...changed })) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), contents);
  }
  return { names: n, created: Object.keys(created), changed: Object.keys(changed) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { summary: { type: 'string' }, 'no-generate': { type: 'boolean' } } });
  const [tag] = positionals;
  if (!tag || positionals.length > 1) {
    console.error('Usage: npm run new:element pd-name [-- --summary "What it is."] [--no-generate]');
    process.exit(1);
  }
  let result;
  try {
    result = scaffold(root, tag, { summary: values.summary });
  } catch (error) {
    console.error(`new:element: ${error.message}`);
    process.exit(1);
  }
  console.log(`Created:\n${result.created.map((file) => `  ${file}`).join('\n')}\nChanged:\n${result.changed.map((file) => `  ${file}`).join('\n')}`);
  if (!values['no-generate']) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    for (const script of ['styles', 'analyze']) execFileSync(npm, ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  }
  const { names } = result;
  console.log(`
Next:
- write the element's JSDoc summary and description in ${names.module}, then \`npm run analyze\`;
- translate '${names.prefix}.title' in src/i18n/de.ts and src/i18n/ar.ts;
- once it does something, measure it with \`npm run size\` and set its "sizeLimit" in ${listFile};
- check: \`npm run typecheck && npm run lint && npm run analyze:check\`, and its test:
  NODE_OPTIONS=--import=tsx npx wtr --files test/browser/${tag}.test.ts`);
}
