#!/usr/bin/env node
/**
 * The CDN build: `dist/cdn/pd-connect-elements.js` registers every element and works from a
 * plain `<script type="module">` with no build step; `dist/cdn/<cdn>.js` registers one element
 * (the entries of elements.json). Lit and every dependency are bundled; shared code is split into
 * chunks that each entry imports directly (two rounds of requests: the entry, then all of its
 * chunks, the SDK clients of its first render included), and the other SDK resource clients,
 * the non-English locales and the markdown renderer into chunks loaded when needed. The CSS and the markup inside the modules are minified too (minify-templates.mjs).
 * `dist/cdn.meta.json` (not published) records the module graph for `npm run size`.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { minifyTemplatesPlugin } from './minify-templates.mjs';
import { elements } from './elements.mjs';

export const elementEntries = Object.fromEntries(elements.map((element) => [element.cdn, element.module]));

/**
 * The provider's file reaches the base class and the design tokens like every other element file
 * (though it needs only the settings): then Lit, the base, the session and the tokens share one
 * chunk. Without it the provider alone splits that chunk in two, and two files compress worse.
 */
const withBase = {
  name: 'pd-entry-with-base',
  setup(build) {
    build.onResolve({ filter: /^pd-entry:/ }, (args) => ({ path: args.path.slice('pd-entry:'.length), namespace: 'pd-entry' }));
    build.onLoad({ filter: /.*/, namespace: 'pd-entry' }, (args) => ({
      contents: [
        `export * from ${JSON.stringify(`./${args.path}`)};`,
        "export { PdElement } from './src/base/pd-element.ts';",
        "export { tokens } from './src/styles/tokens.ts';",
      ].join('\n'),
      resolveDir: process.cwd(),
      loader: 'ts',
    }));
  },
};
// The other elements reach both through their own imports.
const entryPoints = { ...elementEntries, 'pd-connect-provider': `pd-entry:${elementEntries['pd-connect-provider']}` };

rmSync('dist/cdn', { recursive: true, force: true });
const result = await build({
  entryPoints: { 'pd-connect-elements': 'src/index.ts', ...entryPoints },
  outdir: 'dist/cdn',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  metafile: true,
  tsconfig: 'tsconfig.json',
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [withBase, minifyTemplatesPlugin()],
  logLevel: 'warning',
});
writeFileSync('dist/cdn.meta.json', JSON.stringify(result.metafile));
console.log('cdn: dist/cdn/pd-connect-elements.js and one pd-*.js per element');
