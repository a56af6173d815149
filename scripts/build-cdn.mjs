#!/usr/bin/env node
/**
 * The CDN build: one self-registering ES module, `dist/cdn/pd-connect-elements.js`, that works
 * from a plain `<script type="module">` with no build step. Lit and every dependency are
 * bundled; shared code is split into chunks next to it.
 */
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/cdn', { recursive: true, force: true });
await build({
  entryPoints: { 'pd-connect-elements': 'src/index.ts' },
  outdir: 'dist/cdn',
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  tsconfig: 'tsconfig.json',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
console.log('cdn: dist/cdn/pd-connect-elements.js');
