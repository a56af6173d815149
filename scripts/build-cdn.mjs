#!/usr/bin/env node
/**
 * The CDN build: `dist/cdn/pd-connect-elements.js` registers every element and works from a
 * plain `<script type="module">` with no build step; `dist/cdn/<cdn>.js` registers one element
 * (the entries of elements.json). Lit and every dependency are bundled; shared code, the SDK's
 * resource clients, the non-English locales and the markdown renderer are split into chunks
 * loaded when needed. The CSS inside the modules is minified too (css-minify.mjs).
 * `dist/cdn.meta.json` (not published) records the module graph for `npm run size`.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { minifyCssPlugin } from './css-minify.mjs';
import { elements } from './elements.mjs';

export const elementEntries = Object.fromEntries(elements.map((element) => [element.cdn, element.module]));

rmSync('dist/cdn', { recursive: true, force: true });
const result = await build({
  entryPoints: { 'pd-connect-elements': 'src/index.ts', ...elementEntries },
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
  plugins: [minifyCssPlugin()],
  logLevel: 'warning',
});
writeFileSync('dist/cdn.meta.json', JSON.stringify(result.metafile));
console.log('cdn: dist/cdn/pd-connect-elements.js and one pd-*.js per element');
