/**
 * What a page actually downloads: serves the CDN build next to a Connect emulator and a token
 * endpoint, opens pages that use one or several elements in Chromium, waits until they have
 * rendered their data, and adds up the gzip -9 size of every script file the page loaded (kB = 1,000 bytes, as
 * size-limit counts).
 * Run `npm run build:cdn` first; then `npm run size:pages`.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startEmulator } from '../src/emulator/index.node.js';
import { CHROMIUM_ARGS, findChromium } from '../test/support/browser-path.js';
import { contentType, emulatorTokenEndpoint, fileUnder } from '../test/support/host-server.js';

const user = 'size-user';
const emulator = await startEmulator({ port: 0 });
emulator.emulator.seedAccount({ externalUserId: user, app: 'slack', name: 'Acme HQ', environment: 'development' });
const tokenEndpoint = emulatorTokenEndpoint(emulator, user);

const pages: Record<string, { body: string; ready: string }> = {
  'pd-connect-button': { body: '<pd-connect-button app="slack"></pd-connect-button>', ready: 'pd-connect-button [part="icon"] img' },
  'pd-account-list': { body: '<pd-account-list></pd-account-list>', ready: 'pd-account-list >> text=Acme HQ' },
  'pd-connect-button + pd-account-list': {
    body: '<pd-connect-button app="slack"></pd-connect-button><pd-account-list></pd-account-list>',
    ready: 'pd-account-list >> text=Acme HQ',
  },
  'pd-app-select (opened)': { body: '<pd-app-select label="App"></pd-app-select>', ready: 'pd-app-select [role="option"]' },
  'pd-action-form': { body: '<pd-action-form component-key="pipedream_utils-inspect-value"></pd-action-form>', ready: 'pd-action-form >> text=Run action' },
  'pd-action-form, German': { body: '<pd-action-form component-key="pipedream_utils-inspect-value" locale="de"></pd-action-form>', ready: 'pd-action-form >> text=Aktion ausführen' },
};

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === '/api/connect-token') return void tokenEndpoint(request, response);
  if (url.pathname.startsWith('/page/')) {
    const page = pages[decodeURIComponent(url.pathname.slice('/page/'.length))];
    if (!page) return void response.writeHead(404).end();
    const tags = [...new Set(page.body.match(/<pd-[a-z-]+/g)?.map((tag) => tag.slice(1)))];
    response.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html lang="en"><body>
      <pd-connect-provider external-user-id="${user}" token-endpoint="/api/connect-token" base-url="${emulator.url}" frontend-host="${emulator.url}" environment="development">${page.body}</pd-connect-provider>
      <script type="module" src="/cdn/pd-connect-provider.js"></script>${tags.map((tag) => `<script type="module" src="/cdn/${tag}.js"></script>`).join('')}
      </body></html>`);
    return;
  }
  const file = url.pathname.startsWith('/cdn/') ? fileUnder('dist', decodeURIComponent(url.pathname)) : undefined;
  if (!file) return void response.writeHead(404).end();
  try {
    response.writeHead(200, { 'content-type': contentType(file) }).end(readFileSync(file));
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
console.log('| page | script files | gzip kB |\n|---|---|---|');
try {
  for (const [name, page] of Object.entries(pages)) {
    const tab = await browser.newPage();
    const scripts = new Set<string>();
    tab.on('response', (answer) => {
      const path = new URL(answer.url()).pathname;
      if (path.startsWith('/cdn/') && path.endsWith('.js')) scripts.add(join('dist', path));
    });
    await tab.goto(`${origin}/page/${encodeURIComponent(name)}`);
    if (name.includes('opened')) await tab.locator('pd-app-select input').click();
    await tab.locator(page.ready).first().waitFor({ state: 'attached', timeout: 15_000 });
    await tab.waitForLoadState('networkidle');
    const bytes = [...scripts].reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
    console.log(`| ${name} | ${scripts.size} | ${(bytes / 1000).toFixed(1)} |`);
    await tab.close();
  }
} finally {
  await browser.close();
  server.close();
  await emulator.close();
}
