#!/usr/bin/env node
/**
 * What each entry costs as ONE bundle: esbuild (minified, ES2022, every dependency, every lazy
 * `import()` inlined, CSS minified as in the CDN build) — the upper bound, and how each dependency compares. What pages really
 * download with the CDN build's chunks is `npm run size:pages`. `npm run size:report`.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { minifyTemplatesPlugin } from './minify-templates.mjs';
import { elements } from './elements.mjs';

const load = (module) => `import './${module}';`;
const entries = {
  // Each element with lit, the SDK clients it uses, the query cache and (forms) the markdown renderer.
  ...Object.fromEntries(elements.map((element) => [element.tag, load(element.module)])),
  'pd-app-select + pd-component-select': ['pd-app-select', 'pd-component-select'].map((tag) => load(elements.find((element) => element.tag === tag).module)).join(' '),
  'all elements (src/index.ts)': "import './src/index.ts';",
  'lit alone': "import { LitElement } from 'lit'; console.log(LitElement);",
  'SDK: AccountsClient + AppsClient subpaths (used)': "import { AccountsClient } from '@pipedream/sdk/accounts'; import { AppsClient } from '@pipedream/sdk/apps'; console.log(AccountsClient, AppsClient);",
  'SDK: createFrontendClient (not used)': "import { createFrontendClient } from '@pipedream/sdk/browser'; console.log(createFrontendClient);",
  '@tanstack/query-core (QueryClient + InfiniteQueryObserver)': "import { QueryClient, InfiniteQueryObserver } from '@tanstack/query-core'; console.log(QueryClient, InfiniteQueryObserver);",
};

const rows = [];
for (const [name, contents] of Object.entries(entries)) {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    write: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: 'tsconfig.json',
    // Minified as in the CDN build.
    plugins: [minifyTemplatesPlugin()],
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  rows.push([name, (code.length / 1024).toFixed(1), (gzipSync(code, { level: 9 }).length / 1024).toFixed(1)]);
}
console.log('| bundle | minified kB | gzip kB |\n|---|---|---|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
