#!/usr/bin/env node
/**
 * The CDN build: `dist/cdn/pd-connect-elements.js` registers every element and works from a
 * plain `<script type="module">` with no build step; `dist/cdn/pd-<element>.js` registers one
 * element. Lit and every dependency are bundled; shared code, the SDK's resource clients, the
 * non-English locales and the markdown renderer are split into chunks loaded when needed.
 * `dist/cdn.meta.json` (not published) records the module graph for `npm run size`.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

export const elementEntries = {
  'pd-connect-provider': 'src/elements/connect-provider/pd-connect-provider.ts',
  'pd-connect-button': 'src/elements/connect-button/pd-connect-button.ts',
  'pd-account-list': 'src/elements/account-list/pd-account-list.ts',
  'pd-app-select': 'src/elements/app-select/pd-app-select.ts',
  'pd-component-select': 'src/elements/component-select/pd-component-select.ts',
  'pd-action-form': 'src/elements/action-form/pd-action-form.ts',
  'pd-trigger-form': 'src/elements/trigger-form/pd-trigger-form.ts',
};

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
  logLevel: 'warning',
});
writeFileSync('dist/cdn.meta.json', JSON.stringify(result.metafile));
console.log('cdn: dist/cdn/pd-connect-elements.js and one pd-*.js per element');
