/**
 * The weight a page cannot go below while it keeps its libraries: for the button page and the
 * form page, a file that holds only the third-party code the page runs (the official SDK's
 * clients with the calls the page makes, Lit, and for the form the query cache), bundled and
 * minified as the CDN build does (esbuild, es2022, one file), gzip -9, kB = 1,000 bytes as
 * size-limit and `npm run size:pages` count. What is left of a page's budget is what its
 * elements' own code (provider, token source, connect flow, controls, styles, strings) may weigh.
 * `npm run size:floor`.
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

/** Each page's third-party code, called the way the elements call it, so nothing is shaken off. */
const pages: Record<string, { target: number; code: string }> = {
  '<pd-connect-button>': {
    target: 25,
    code: `
      import { AppsClient } from '@pipedream/sdk/apps';
      import { LitElement, html } from 'lit';
      const options = { baseUrl: location.origin, token: 't', projectId: 'p', projectEnvironment: 'development' };
      customElements.define('floor-button', class extends LitElement { render() { return html\`<button>\${this.title}</button>\`; } });
      new AppsClient(options).retrieve('slack').then(console.log);`,
  },
  '<pd-action-form>': {
    target: 55,
    code: `
      import { AccountsClient } from '@pipedream/sdk/accounts';
      import { ActionsClient } from '@pipedream/sdk/actions';
      import { AppsClient } from '@pipedream/sdk/apps';
      import { ComponentsClient } from '@pipedream/sdk/components';
      import { InfiniteQueryObserver, QueryClient, QueryObserver } from '@tanstack/query-core';
      import { LitElement, html } from 'lit';
      const options = { baseUrl: location.origin, token: 't', projectId: 'p', projectEnvironment: 'development' };
      customElements.define('floor-form', class extends LitElement { render() { return html\`<form>\${this.title}</form>\`; } });
      const components = new ComponentsClient(options);
      components.retrieve('k').then(console.log);
      components.configureProp({}).then(console.log);
      components.reloadProps({}).then(console.log);
      new ActionsClient(options).run({}).then(console.log);
      new AccountsClient(options).list({}).then(console.log);
      new AppsClient(options).retrieve('slack').then(console.log);
      const cache = new QueryClient();
      new QueryObserver(cache, { queryKey: ['a'], queryFn: () => 1 }).subscribe(console.log);
      new InfiniteQueryObserver(cache, { queryKey: ['b'], queryFn: () => 1, initialPageParam: 0, getNextPageParam: () => 1 }).subscribe(console.log);`,
  },
};

console.log('| page | third-party floor, gzip kB | target, kB | left for the elements\' own code, kB |\n|---|---|---|---|');
for (const [page, { target, code }] of Object.entries(pages)) {
  const result = await build({
    stdin: { contents: code, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    minify: true,
    write: false,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const kB = gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length / 1000;
  console.log(`| ${page} | ${kB.toFixed(1)} | ${target} | ${(target - kB).toFixed(1)} |`);
}
