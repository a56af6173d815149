#!/usr/bin/env node
/**
 * Compiles each element's Tailwind stylesheet (`src/elements/<name>/<tag>.css`) into a TS module
 * (`src/styles/generated/<tag>.css.ts`) that the element adopts in its shadow root, and the
 * emulator's plain stylesheets (no Tailwind, see `PLAIN_STYLESHEETS`) into modules the same way.
 *
 * Browsers ignore `@property` inside shadow-root stylesheets, and Tailwind v4 declares its
 * internal variables that way (shadows, rings, borders, transforms would compute to nothing).
 * Each `@property` becomes a plain declaration of its initial value on every node instead, which
 * also makes Tailwind's fallback for browsers without `@property` (`@layer properties`, the same
 * variables behind an `@supports` test) redundant: it is dropped.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import postcss from 'postcss';
import tailwind from '@tailwindcss/postcss';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const elementsDir = join(root, 'src/elements');
const outDir = join(root, 'src/styles/generated');
mkdirSync(outDir, { recursive: true });

/** Replaces `@property` rules with declarations in the lowest layer, keeping units the minifier dropped. */
const propertyToDeclarations = {
  postcssPlugin: 'pd-property-to-declarations',
  Once(css) {
    const declarations = [];
    css.walkAtRules('property', (rule) => {
      let initial;
      let syntax = '';
      rule.walkDecls((decl) => {
        if (decl.prop === 'initial-value') initial = decl.value;
        if (decl.prop === 'syntax') syntax = decl.value.replace(/["']/g, '');
      });
      if (initial !== undefined) {
        if (/^0$/.test(initial.trim()) && syntax.includes('<length')) initial = '0px';
        if (/^0$/.test(initial.trim()) && syntax.includes('<angle')) initial = '0deg';
        if (/^0$/.test(initial.trim()) && syntax.includes('<percentage')) initial = '0%';
        declarations.push(postcss.decl({ prop: rule.params.trim(), value: initial }));
      }
      rule.remove();
    });
    if (!declarations.length) return;
    css.walkAtRules('layer', (rule) => {
      if (rule.params.trim() === 'properties' && rule.nodes?.every((node) => node.type === 'atrule' && node.name === 'supports')) rule.remove();
    });
    const reset = postcss.rule({ selector: ':host,*,::before,::after,::backdrop' });
    reset.append(...declarations);
    css.prepend(postcss.atRule({ name: 'layer', params: 'theme', nodes: [reset] }));
  },
};

const entries = existsSync(elementsDir)
  ? readdirSync(elementsDir, { withFileTypes: true })
      .filter((dir) => dir.isDirectory())
      .flatMap((dir) => readdirSync(join(elementsDir, dir.name)).filter((file) => file.endsWith('.css')).map((file) => join(elementsDir, dir.name, file)))
  : [];

/** Writes `css` as the default export of `src/styles/generated/<name>.css.ts`, unless it is already there. */
function writeModule(file, css) {
  const name = file.split('/').pop().replace(/\.css$/, '');
  const target = join(outDir, `${name}.css.ts`);
  const module = `// Generated from ${relative(root, file)} by scripts/build-styles.mjs: edit the source, not this file.\nexport default ${JSON.stringify(css)};\n`;
  if (!existsSync(target) || readFileSync(target, 'utf8') !== module) writeFileSync(target, module);
  console.log(`styles: ${relative(root, file)} → ${(css.length / 1024).toFixed(1)} kB`);
}

for (const file of entries) {
  const source = readFileSync(file, 'utf8');
  const compiled = await postcss([tailwind({ base: dirname(file), optimize: { minify: true } }), propertyToDeclarations]).process(source, { from: file });
  writeModule(file, compiled.css.replace(/\/\*[^*]*\*+([^/*][^*]*\*+)*\//g, '').trim());
}

/**
 * Stylesheets served as written: the emulator's connect page, which the emulator inlines in its
 * HTML (it runs in Node and in a service worker, so it cannot read the file). Only comments are
 * dropped: the source explains itself without shipping the explanation.
 */
const PLAIN_STYLESHEETS = ['src/emulator/connect-page/connect-page.css'];

for (const path of PLAIN_STYLESHEETS) {
  const file = join(root, path);
  const stylesheet = postcss.parse(readFileSync(file, 'utf8'), { from: file });
  stylesheet.walkComments((comment) => comment.remove());
  writeModule(file, stylesheet.toString().trim());
}
