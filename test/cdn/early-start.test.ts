import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.node.js';
import { contentType, emulatorTokenEndpoint, fileUnder, startCdn } from '../support/host-server.js';

/**
 * The CDN build's element files start the token request (and the connection to the API) before
 * their chunks have arrived, and the element takes that answer instead of asking again. The host
 * here holds every chunk until a token request has come in (or 5 s have passed), so a page whose
 * token request waits for the chunks is seen as such. Run `npm run build:cdn` first (`npm test` does).
 */

const browserPathModule = new URL('../support/browser-path.js', import.meta.url).href;
const { CHROMIUM_ARGS, findChromium } = (await import(browserPathModule)) as { CHROMIUM_ARGS: string[]; findChromium(): string };

const cdnDir = join(fileURLToPath(new URL('../..', import.meta.url)), 'dist/cdn');
const USER = 'early-start-user';
const HOLD_MS = 5_000;
const STEP_TIMEOUT = 20_000;

let emulator: RunningEmulator;
let server: Server;
let origin: string;
let browser: Browser;

/** What the host saw, in order: token requests and the moment the held chunks were let go. */
let log: string[] = [];
/** The answer of the next token request, when a test wants a failing one. */
let tokenStatus: number[] = [];
let releaseChunks: (why: string) => void = () => undefined;
let chunksReleased: Promise<void> = Promise.resolve();

/**
 * A CDN (HTTP/2, as real ones: a round's files load side by side) in front of the same build. Its
 * lazy chunks (`/cdn/one/chunks/`, and `/cdn/chunks/` files no entry imports at once) are logged
 * with the time they were asked for, and answered once `releaseLazy` was called when held; every
 * script is answered `cdnLatencyMs` late.
 */
let cdn: Awaited<ReturnType<typeof startCdn>>;
let lazyLog: { at: number; path: string }[] = [];
/** When the chunks that entries import at once were asked for. */
let eagerLog: { at: number; path: string }[] = [];
let cdnLatencyMs = 0;
let lazyReleased: Promise<void> = Promise.resolve();
let releaseLazy: () => void = () => undefined;

function holdLazyChunks(): void {
  lazyReleased = new Promise<void>((resolve) => (releaseLazy = resolve));
  setTimeout(() => releaseLazy(), HOLD_MS).unref();
}

/** The files an entry of the CDN build imports at once (its wrapper's list). */
const atOnce = async (entry: string) => [...(await readFile(join(cdnDir, entry), 'utf8')).matchAll(/import\("\.\/([^"]+)"\)/g)].map((match) => `/cdn/${match[1]}`);

function holdChunks(): void {
  let release!: () => void;
  chunksReleased = new Promise<void>((resolve) => (release = resolve));
  let released = false;
  const releaseThese = (why: string) => {
    if (released) return;
    released = true;
    log.push(`chunks released: ${why}`);
    release();
  };
  releaseChunks = releaseThese;
  setTimeout(() => releaseThese('timeout'), HOLD_MS).unref();
}

/** The settings every page gives as attributes, for an emulator at `api`. */
const settings = (api: string) => `external-user-id="${USER}" token-endpoint="/api/connect-token" base-url="${api}" frontend-host="${api}/_static/connect.html" environment="development"`;

/** A page that loads `scripts` (paths under /cdn/) and has `elements` inside a provider with the settings. */
const providerPage = (scripts: string[], elements: string) => (api: string) => `<!doctype html><html><head>
    ${scripts.map((script) => `<script type="module" src="${script.includes('://') ? script : `/cdn/${script}`}"></script>`).join('')}
  </head><body><pd-connect-provider ${settings(api)}>${elements}</pd-connect-provider></body></html>`;

const pages: Record<string, (api: string) => string> = {
  // The README's page: provider first, the element inside it.
  '/provider.html': providerPage(['pd-connect-provider.js', 'pd-connect-button.js'], '<pd-connect-button app="slack"></pd-connect-button>'),
  // Settings on the element itself, and the file with every element.
  '/own-settings.html': (api) => `<!doctype html><html><head>
    <script type="module" src="/cdn/pd-connect-elements.js"></script>
  </head><body><pd-connect-button app="slack" ${settings(api)}></pd-connect-button></body></html>`,
  // One file per element (dist/cdn/one/): the element and the provider in one script.
  '/one-button.html': providerPage(['one/pd-connect-button.js'], '<pd-connect-button app="slack"></pd-connect-button>'),
  '/one-form.html': providerPage(['one/pd-action-form.js'], '<pd-action-form component-key="slack-send-message"></pd-action-form>'),
  // The same forms from the CDN.
  '/cdn-one-form.html': (api) => providerPage([`${cdn.url}/cdn/one/pd-action-form.js`], '<pd-action-form component-key="slack-send-message"></pd-action-form>')(api),
  '/cdn-form.html': (api) => providerPage([`${cdn.url}/cdn/pd-connect-provider.js`, `${cdn.url}/cdn/pd-action-form.js`], '<pd-action-form component-key="slack-send-message"></pd-action-form>')(api),
  // Two one-file scripts on a page: each brings its own copy, and both elements still work.
  '/one-twice.html': providerPage(['one/pd-connect-button.js', 'one/pd-account-list.js'], '<pd-connect-button app="slack"></pd-connect-button><pd-account-list></pd-account-list>'),
  // Settings from script after the file has loaded: nothing to start early.
  '/configured.html': (api) => `<!doctype html><html><head>
    <script type="module">
      const { configure } = await import('/cdn/pd-connect-elements.js');
      configure({ externalUserId: ${JSON.stringify(USER)}, tokenEndpoint: '/api/connect-token', baseUrl: ${JSON.stringify(api)}, frontendHost: ${JSON.stringify(`${api}/_static/connect.html`)}, environment: 'development' });
    </script>
  </head><body><pd-connect-button app="slack"></pd-connect-button></body></html>`,
};

/** The chunks that the provider's and the form's files import at once. */
let eager = new Set<string>();
const isLazy = (path: string) => path.startsWith('/cdn/one/chunks/') || (path.startsWith('/cdn/chunks/') && !eager.has(path));

async function startHost(): Promise<Server> {
  const mint = emulatorTokenEndpoint(emulator, USER);
  const host = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (path === '/api/connect-token') {
      log.push('token requested');
      releaseChunks('token');
      const status = tokenStatus.shift();
      if (status) return void res.writeHead(status, { 'content-type': 'application/json' }).end('{"error":"down"}');
      return mint(req, res);
    }
    const page = pages[path];
    if (page) return void res.writeHead(200, { 'content-type': contentType('page.html'), 'cache-control': 'no-store' }).end(page(emulator.url));
    const file = path.startsWith('/cdn/') ? fileUnder(cdnDir, path.slice('/cdn/'.length)) : undefined;
    if (!file) return void res.writeHead(404).end();
    const send = () =>
      readFile(file).then(
        (content) => res.writeHead(200, { 'content-type': contentType(file), 'cache-control': 'no-store' }).end(content),
        () => res.writeHead(404).end(),
      );
    if (path.startsWith('/cdn/chunks/')) void chunksReleased.then(send);
    else void send();
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', () => resolve()));
  return host;
}

async function open(path: string, steps: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(`${origin}${path}`);
    await steps(page);
    assert.deepEqual(errors, [], 'page errors');
  } finally {
    await context.close();
  }
}

const buttonState = (page: Page, state: string) =>
  page.waitForFunction((wanted) => document.querySelector('pd-connect-button')?.matches(`:state(${wanted})`), state, { timeout: STEP_TIMEOUT });

const tokenRequests = () => log.filter((line) => line === 'token requested').length;

/**
 * Once the host has seen a token request (at most STEP_TIMEOUT): a button shows its state as soon
 * as it is defined, and the request its app lookup sends may still be on its way to the host.
 */
async function tokenRequested(): Promise<void> {
  const deadline = Date.now() + STEP_TIMEOUT;
  while (tokenRequests() === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** The script files a page had asked for when its first Connect API request left. */
const scriptsBeforeFirstApiCall = (page: Page) =>
  page.evaluate(() => {
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const firstApiCall = Math.min(...entries.filter((entry) => new URL(entry.name).pathname.startsWith('/v1/')).map((entry) => entry.startTime));
    return entries.filter((entry) => entry.initiatorType === 'script' || entry.name.endsWith('.js')).filter((entry) => entry.startTime < firstApiCall).map((entry) => new URL(entry.name).pathname);
  });

const elementState = (page: Page, tag: string, state: string) =>
  page.waitForFunction(([name, wanted]) => document.querySelector(name!)?.matches(`:state(${wanted})`), [tag, state], { timeout: STEP_TIMEOUT });

describe('the CDN files start early', { timeout: 120_000 }, () => {
  before(async () => {
    assert.ok(existsSync(join(cdnDir, 'pd-connect-button.js')), 'no CDN build: run `npm run build:cdn` first');
    emulator = await startEmulator({ port: 0 });
    eager = new Set([...(await atOnce('pd-connect-provider.js')), ...(await atOnce('pd-action-form.js'))]);
    cdn = await startCdn(join(cdnDir, '..'), () => cdnLatencyMs, (path) => {
      if (eager.has(path)) eagerLog.push({ at: performance.now(), path });
      if (!isLazy(path)) return undefined;
      lazyLog.push({ at: performance.now(), path });
      return lazyReleased;
    });
    server = await startHost();
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS, '--ignore-certificate-errors'], headless: true });
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await cdn?.close();
    await emulator?.close();
  });
  beforeEach(() => {
    log = [];
    tokenStatus = [];
    holdChunks();
    lazyLog = [];
    eagerLog = [];
    cdnLatencyMs = 0;
    lazyReleased = Promise.resolve();
  });

  for (const path of ['/provider.html', '/own-settings.html']) {
    it(`asks for the token before its chunks arrive, and uses that token (${path})`, async () => {
      await open(path, async (page) => {
        await buttonState(page, 'idle');
        assert.equal(log[0], 'token requested', `the host saw: ${log.join(', ')}`);
        assert.equal(log[1], 'chunks released: token');
        // The element took the early answer: one token for the page.
        assert.equal(tokenRequests(), 1, `the host saw: ${log.join(', ')}`);
        const preconnects = await page.evaluate(() => [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="preconnect"]')].map((link) => [link.getAttribute('href'), link.crossOrigin]));
        assert.deepEqual(preconnects, [[new URL(emulator.url).origin, 'anonymous']]);
        // The token works for what follows: the app's name came from the API.
        assert.match((await page.locator('pd-connect-button button').first().textContent()) ?? '', /Slack/);
      });
    });
  }

  it('an early request that fails is not kept: the next ask fetches a token anew', async () => {
    tokenStatus = [503];
    await open('/provider.html', async (page) => {
      await buttonState(page, 'idle');
      assert.equal(tokenRequests(), 1);
      await page.locator('pd-connect-button button').first().click();
      // A reused failure would end in the token error; the connect page opens with a new token.
      await buttonState(page, 'connecting');
      assert.ok(tokenRequests() >= 2, `the host saw: ${log.join(', ')}`);
    });
  });

  it('settings given from script start nothing early, and the element still connects', async () => {
    await open('/configured.html', async (page) => {
      await buttonState(page, 'idle');
      assert.equal(log[0], 'chunks released: timeout', `the host saw: ${log.join(', ')}`);
      await tokenRequested();
      assert.equal(tokenRequests(), 1);
      assert.equal(await page.locator('link[rel="preconnect"]').count(), 0);
    });
  });

  it('one file per element: the button and the provider load as one script before the first API call', async () => {
    releaseChunks('not held');
    await open('/one-button.html', async (page) => {
      await buttonState(page, 'idle');
      assert.match((await page.locator('pd-connect-button button').first().textContent()) ?? '', /Slack/);
      assert.deepEqual(await scriptsBeforeFirstApiCall(page), ['/cdn/one/pd-connect-button.js']);
      assert.equal(tokenRequests(), 1, `the host saw: ${log.join(', ')}`);
      assert.equal(await page.locator('link[rel="preconnect"]').count(), 1);
    });
  });

  it('one file per element: a form with an app and remote options gets ready, its lazy parts loaded from one/chunks/', async () => {
    releaseChunks('not held');
    await open('/one-form.html', async (page) => {
      await elementState(page, 'pd-action-form', 'ready');
      // The only script the first API call waited for is the file: it imports nothing at once (the
      // markdown renderer and the account field's code, asked for while the token comes, may be on
      // their way too).
      const [first, ...others] = await scriptsBeforeFirstApiCall(page);
      assert.equal(first, '/cdn/one/pd-action-form.js');
      assert.ok(others.every((path) => path.startsWith('/cdn/one/chunks/')), others.join(', '));
      const file = await readFile(join(cdnDir, 'one/pd-action-form.js'), 'utf8');
      assert.doesNotMatch(file, /\b(?:import|export)\s*(?:[{*"\w][^;()]*?\bfrom\s*)?"\.\/chunks\//, 'a static import of a chunk');
      // The descriptions' markdown renderer came later, from the file's own chunks.
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => /\/cdn\/one\/chunks\/markdown-render/.test(entry.name)), undefined, { timeout: STEP_TIMEOUT });
      const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => path.endsWith('.js')));
      assert.ok(scripts.every((path) => path.startsWith('/cdn/one/')), scripts.join(', '));
      assert.equal(tokenRequests(), 1, `the host saw: ${log.join(', ')}`);
    });
  });

  it('one file per element: a form asks for its definition while what its app field needs is still on its way', async () => {
    releaseChunks('not held');
    holdLazyChunks();
    await open('/cdn-one-form.html', async (page) => {
      // The definition has come while every lazy chunk is still held.
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => new URL(entry.name).pathname.startsWith('/v1/connect/components/')), undefined, { timeout: HOLD_MS - 1000 });
      // And the account field's code was asked for alongside: no round of script after the definition.
      const asked = lazyLog.map((entry) => entry.path);
      for (const part of ['markdown-render', 'query-controller', 'accounts', 'apps']) assert.ok(asked.some((path) => path.startsWith(`/cdn/one/chunks/${part}-`)), `${part} not asked for; asked: ${asked.join(', ')}`);
      releaseLazy();
      await elementState(page, 'pd-action-form', 'ready');
    });
  });

  it("shared files: the form's file asks for its account field's code and the markdown renderer in the same round as its own chunks", async () => {
    releaseChunks('not held');
    cdnLatencyMs = 400;
    await open('/cdn-form.html', async (page) => {
      await elementState(page, 'pd-action-form', 'ready');
      const firstChunk = Math.min(...eagerLog.filter((entry) => entry.path.startsWith('/cdn/chunks/')).map((entry) => entry.at));
      for (const part of ['markdown-render', 'query-controller', 'accounts', 'apps']) {
        const asked = lazyLog.find((entry) => entry.path.startsWith(`/cdn/chunks/${part}-`));
        assert.ok(asked, `${part} not asked for; asked: ${lazyLog.map((entry) => entry.path).join(', ')}`);
        // One round later would be at least 400 ms after the form's chunks were asked for.
        assert.ok(asked.at - firstChunk < cdnLatencyMs, `${part} asked for ${Math.round(asked.at - firstChunk)} ms after the form's chunks`);
      }
    });
  });

  for (const path of ['/cdn-one-form.html', '/cdn-form.html']) {
    it(`a lazy chunk is asked for together with the chunks it imports: one round (${path})`, async () => {
      releaseChunks('not held');
      cdnLatencyMs = 400;
      await open(path, async (page) => {
        await elementState(page, 'pd-action-form', 'ready');
        // The account field has asked for its accounts: its code is in.
        await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => new URL(entry.name).pathname === '/v1/connect/accounts'), undefined, { timeout: STEP_TIMEOUT });
        assert.ok(lazyLog.length >= 4, lazyLog.map((entry) => entry.path).join(', '));
        // A chunk asked for only once another had arrived would come at least 400 ms after the first.
        const spread = Math.max(...lazyLog.map((entry) => entry.at)) - Math.min(...lazyLog.map((entry) => entry.at));
        assert.ok(spread < cdnLatencyMs, `lazy chunks asked for over ${Math.round(spread)} ms: ${lazyLog.map((entry) => `${Math.round(entry.at - lazyLog[0]!.at)} ${entry.path}`).join(', ')}`);
      });
    });
  }

  it('two one-file scripts on one page each define what the other has not, and both elements work', async () => {
    releaseChunks('not held');
    await open('/one-twice.html', async (page) => {
      await buttonState(page, 'idle');
      // This user has no accounts yet.
      await elementState(page, 'pd-account-list', 'empty');
    });
  });
});
