#!/usr/bin/env node
/**
 * What each entry costs as ONE bundle: esbuild (minified, ES2022, every dependency, every lazy
 * `import()` inlined) — the upper bound, and how each dependency compares. What pages really
 * download with the CDN build's chunks is `npm run size:pages`. `npm run size:report`.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const entries = {
  'pd-connect-button (with lit, SDK clients, query cache)': "import './src/elements/connect-button/pd-connect-button.ts';",
  'pd-account-list': "import './src/elements/account-list/pd-account-list.ts';",
  'pd-app-select': "import './src/elements/app-select/pd-app-select.ts';",
  'pd-component-select': "import './src/elements/component-select/pd-component-select.ts';",
  'pd-app-select + pd-component-select': "import './src/elements/app-select/pd-app-select.ts'; import './src/elements/component-select/pd-component-select.ts';",
  'pd-action-form (with marked)': "import './src/elements/action-form/pd-action-form.ts';",
  'pd-trigger-form (with marked)': "import './src/elements/trigger-form/pd-trigger-form.ts';",
  'marked alone': "import { marked } from 'marked'; console.log(marked.lexer);",
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
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  rows.push([name, (code.length / 1024).toFixed(1), (gzipSync(code, { level: 9 }).length / 1024).toFixed(1)]);
}
console.log('| bundle | minified kB | gzip kB |\n|---|---|---|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
