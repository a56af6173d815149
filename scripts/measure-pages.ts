/**
 * What a page actually downloads: serves the CDN build next to a Connect emulator and a token
 * endpoint, opens pages that use one or several elements in Chromium, waits until they have
 * rendered their data, and adds up the gzip -9 size of every script file the page loaded (kB = 1,000 bytes, as
 * size-limit counts). It also counts the sequential rounds of script requests before the first
 * request to the Connect API: a script's round is its importer's plus one (the importer is the
 * request's initiator), the page's own scripts are round 1. Every script is served 80 ms late
 * (`FILE_LATENCY_MS` to change), as from a distant CDN, where every round costs a round trip;
 * each page is loaded `RUNS` times (5), cold.
 * Run `npm run build:cdn` first; then `npm run size:pages`.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Page, chromium } from 'playwright-core';
import { startEmulator } from '../src/emulator/index.node.js';
import { CHROMIUM_ARGS, findChromium } from '../test/support/browser-path.js';
import { emulatorTokenEndpoint, startCdn } from '../test/support/host-server.js';

const user = 'size-user';
const fileLatency = Number(process.env.FILE_LATENCY_MS ?? 80);
const runs = Number(process.env.RUNS ?? 5);
const emulator = await startEmulator({ port: 0 });
emulator.emulator.seedAccount({ externalUserId: user, app: 'slack', name: 'Acme HQ', environment: 'development' });
const tokenEndpoint = emulatorTokenEndpoint(emulator, user);

/** `oneFile`: the page loads the element's one-file variant (dist/cdn/one/) alone, provider included. */
const pages: Record<string, { body: string; ready: string; oneFile?: boolean }> = {
  'pd-connect-button': { body: '<pd-connect-button app="slack"></pd-connect-button>', ready: 'pd-connect-button [part="icon"] img' },
  'pd-account-list': { body: '<pd-account-list></pd-account-list>', ready: 'pd-account-list >> text=Acme HQ' },
  'pd-connect-button + pd-account-list': {
    body: '<pd-connect-button app="slack"></pd-connect-button><pd-account-list></pd-account-list>',
    ready: 'pd-account-list >> text=Acme HQ',
  },
  'pd-app-select (opened)': { body: '<pd-app-select label="App"></pd-app-select>', ready: 'pd-app-select [role="option"]' },
  'pd-action-form': { body: '<pd-action-form component-key="pipedream_utils-inspect-value"></pd-action-form>', ready: 'pd-action-form >> text=Run action' },
  'pd-action-form, German': { body: '<pd-action-form component-key="pipedream_utils-inspect-value" locale="de"></pd-action-form>', ready: 'pd-action-form >> text=Aktion ausführen' },
  'pd-connect-button, one file': { body: '<pd-connect-button app="slack"></pd-connect-button>', ready: 'pd-connect-button [part="icon"] img', oneFile: true },
  'pd-account-list, one file': { body: '<pd-account-list></pd-account-list>', ready: 'pd-account-list >> text=Acme HQ', oneFile: true },
  'pd-app-select (opened), one file': { body: '<pd-app-select label="App"></pd-app-select>', ready: 'pd-app-select [role="option"]', oneFile: true },
  'pd-action-form, one file': { body: '<pd-action-form component-key="pipedream_utils-inspect-value"></pd-action-form>', ready: 'pd-action-form >> text=Run action', oneFile: true },
};

/** The page and its token endpoint, as a host app serves them; the elements' files come from the CDN origin below. */
const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === '/api/connect-token') return void tokenEndpoint(request, response);
  const page = url.pathname.startsWith('/page/') ? pages[decodeURIComponent(url.pathname.slice('/page/'.length))] : undefined;
  if (!page) return void response.writeHead(404).end();
  const tags = [...new Set(page.body.match(/<pd-[a-z-]+/g)?.map((tag) => tag.slice(1)))];
  response.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html lang="en"><body>
    <pd-connect-provider external-user-id="${user}" token-endpoint="/api/connect-token" base-url="${emulator.url}" frontend-host="${emulator.url}" environment="development">${page.body}</pd-connect-provider>
    ${page.oneFile ? `<script type="module" src="${cdn}/cdn/one/${tags[0]}.js"></script>` : `<script type="module" src="${cdn}/cdn/pd-connect-provider.js"></script>${tags.map((tag) => `<script type="module" src="${cdn}/cdn/${tag}.js"></script>`).join('')}`}
    </body></html>`);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// The CDN: another origin, over HTTP/2, each script `fileLatency` late (see `startCdn`).
const cdnServer = await startCdn('dist', () => fileLatency);
const cdn = cdnServer.url;

const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS, '--ignore-certificate-errors'] });
console.log(`| page | script files | gzip kB | script rounds before the first API call | first API call (median of ${runs} cold loads, ms after the page request, ${fileLatency} ms per script) |\n|---|---|---|---|---|`);
/**
 * Follows a page's requests: each script's round (its initiator's round plus one), and the
 * highest round among the scripts that had arrived when the first request to the emulator went
 * out (scripts still loading then did not hold it up).
 */
async function scriptRounds(tab: Page): Promise<{ beforeApi(): number | undefined; firstApiMs(): number | undefined }> {
  const cdp = await tab.context().newCDPSession(tab);
  const roundOf = new Map<string, number>();
  const urlOf = new Map<string, string>();
  let arrived = 0;
  let beforeApi: number | undefined;
  let started: number | undefined;
  let firstApi: number | undefined;
  cdp.on('Network.requestWillBeSent', ({ requestId, request, initiator, type, timestamp }) => {
    started ??= timestamp;
    if (request.url.startsWith(emulator.url)) {
      if (type !== 'Preflight') {
        beforeApi ??= arrived;
        firstApi ??= (timestamp - started) * 1000;
      }
      return;
    }
    if (type !== 'Script') return;
    const from = initiator.url ?? initiator.stack?.callFrames[0]?.url;
    roundOf.set(request.url, ((from && roundOf.get(from)) || 0) + 1);
    urlOf.set(requestId, request.url);
  });
  cdp.on('Network.loadingFinished', ({ requestId }) => {
    const url = urlOf.get(requestId);
    if (url) arrived = Math.max(arrived, roundOf.get(url) ?? 0);
  });
  await cdp.send('Network.enable');
  return { beforeApi: () => beforeApi, firstApiMs: () => firstApi };
}

/** One cold load of a page (a new browser context): the scripts it loaded and its rounds. */
async function load(name: string, page: { ready: string }) {
  const tab = await browser.newPage();
  const scripts = new Set<string>();
  const rounds = await scriptRounds(tab);
  tab.on('response', (answer) => {
    const path = new URL(answer.url()).pathname;
    if (path.startsWith('/cdn/') && path.endsWith('.js')) scripts.add(join('dist', path));
  });
  await tab.goto(`${origin}/page/${encodeURIComponent(name)}`);
  if (name.includes('opened')) await tab.locator('pd-app-select input').click();
  await tab.locator(page.ready).first().waitFor({ state: 'attached', timeout: 15_000 });
  await tab.waitForLoadState('networkidle');
  await tab.context().close();
  return { scripts, rounds: rounds.beforeApi(), firstApiMs: rounds.firstApiMs() };
}

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];

try {
  // A first load warms the servers and the browser up; it is not counted.
  await load('pd-connect-button', pages['pd-connect-button']!);
  for (const [name, page] of Object.entries(pages)) {
    const loads = [];
    for (let run = 0; run < runs; run++) loads.push(await load(name, page));
    const { scripts } = loads[0]!;
    const bytes = [...scripts].reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
    const rounds = [...new Set(loads.map((one) => one.rounds ?? 'no API call'))].join(', ');
    const times = loads.map((one) => one.firstApiMs).filter((ms) => ms !== undefined);
    console.log(`| ${name} | ${scripts.size} | ${(bytes / 1000).toFixed(1)} | ${rounds} | ${times.length ? median(times).toFixed(0) : '–'} |`);
  }
} finally {
  await browser.close();
  server.close();
  await cdnServer.close();
  await emulator.close();
}
