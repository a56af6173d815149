import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { createCatalog, type EmulatorSnapshot } from '../../src/emulator/index.js';

/**
 * The static Storybook (`storybook build`) needs no server of its own: built into a scratch
 * folder and served under a sub-path by the plain file server below, its stories still reach a
 * working Connect API, token endpoint and connect page, all answered by the emulator in the
 * preview's service worker. The file server records every path it is asked for, which shows that
 * none of the Connect traffic left the browser.
 */

/** The browser helper is plain JavaScript shared with the other test runners. */
const browserPathModule = new URL('../support/browser-path.js', import.meta.url).href;
const { CHROMIUM_ARGS, findChromium } = (await import(browserPathModule)) as { CHROMIUM_ARGS: string[]; findChromium(): string };

const repo = fileURLToPath(new URL('../..', import.meta.url));
/** Where the build is published, as on a site that hosts its design system under a folder. */
const SUB_PATH = '/design/';
const STEP_TIMEOUT = 15_000;
const screenshots = process.env.STORYBOOK_SCREENSHOTS;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

interface IndexEntry {
  id: string;
  type: 'story' | 'docs';
  title: string;
  name: string;
}

let outDir: string;
let server: Server;
let origin: string;
let browser: Browser;
/** Every path the file server was asked for, in order. */
const requested: string[] = [];
let stories: IndexEntry[] = [];

/** Runs the Storybook CLI's `build` into `dir`; resolves to the seconds it took. */
async function buildStorybook(dir: string): Promise<number> {
  const started = performance.now();
  const manifestPath = createRequire(import.meta.url).resolve('storybook/package.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { bin: string | Record<string, string> };
  const cli = join(dirname(manifestPath), typeof manifest.bin === 'string' ? manifest.bin : manifest.bin.storybook!);
  const child = spawn(process.execPath, [cli, 'build', '--output-dir', dir, '--quiet', '--loglevel', 'warn'], {
    cwd: repo,
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) throw new Error(`storybook build exited with ${code}:\n${output}`);
  return Math.round(performance.now() - started) / 1000;
}

/** A static file server: `dir` under `SUB_PATH`, nothing else. No rewrites, no fallbacks. */
async function serveStatic(dir: string): Promise<Server> {
  const files = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    requested.push(path);
    const notFound = () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    };
    if (path === SUB_PATH.slice(0, -1)) {
      res.writeHead(301, { location: SUB_PATH });
      return res.end();
    }
    if (req.method !== 'GET' || !path.startsWith(SUB_PATH)) return notFound();
    const file = normalize(join(dir, path.slice(SUB_PATH.length) || 'index.html'));
    if (file !== dir && !file.startsWith(dir + sep)) return notFound();
    stat(file)
      .then((info) => (info.isDirectory() ? join(file, 'index.html') : file))
      .then(async (target) => {
        const body = await readFile(target);
        res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(target)] ?? 'application/octet-stream' });
        res.end(body);
      })
      .catch(notFound);
  });
  await new Promise<void>((resolve, reject) => {
    files.once('error', reject);
    files.listen(0, '127.0.0.1', () => resolve());
  });
  return files;
}

function storyId(title: string, name: string): string {
  const entry = stories.find((candidate) => candidate.type === 'story' && candidate.title === title && candidate.name === name);
  assert.ok(entry, `index.json has no story "${title} / ${name}"`);
  return entry.id;
}

/** Opens a story in the Storybook UI and resolves to its preview frame, once the story has rendered. */
async function openStory(page: Page, id: string): Promise<Frame> {
  await page.goto(`${origin}${SUB_PATH}?path=/story/${id}`);
  const iframe = await page.waitForSelector('#storybook-preview-iframe', { timeout: STEP_TIMEOUT });
  const preview = await iframe.contentFrame();
  assert.ok(preview, 'the Storybook UI has no preview frame');
  await preview.waitForSelector('#storybook-root > *', { state: 'attached', timeout: STEP_TIMEOUT });
  return preview;
}

/** The emulator's whole state, read through its admin API in the preview's service worker. */
function emulatorState(preview: Frame): Promise<EmulatorSnapshot> {
  return preview.evaluate(async () => (await fetch(new URL('emulator/_emulator/state', location.href))).json() as Promise<EmulatorSnapshot>);
}

/**
 * Runs `steps` in a fresh browser profile (no service worker yet). Fails on the page's errors, and
 * a step that fails is reported with them: they say why a story never rendered.
 * With STORYBOOK_SCREENSHOTS=<dir>, keeps a screenshot named `name` of where the steps ended.
 */
async function inFreshPage(name: string, steps: (page: Page) => Promise<void>): Promise<void> {
  const problems: string[] = [];
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // App logos live on the catalog's image host, out of reach here: the elements show a generic icon instead.
    const offline = message.text().startsWith('Failed to load resource') && !message.location().url.startsWith(origin);
    if (message.type() === 'error' && !offline) problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  try {
    await steps(page);
  } catch (error) {
    throw problems.length ? new Error(`${(error as Error).message}\nThe page reported:\n${problems.join('\n')}`, { cause: error }) : error;
  } finally {
    if (screenshots) {
      mkdirSync(screenshots, { recursive: true });
      await page.screenshot({ path: join(screenshots, `${name}.png`) }).catch(() => undefined);
    }
    await context.close();
  }
  assert.deepEqual(problems, []);
}

/** Paths the file server was asked for that belong to the in-browser emulator (none should reach it). */
const emulatorRequests = () => requested.filter((path) => path.startsWith(`${SUB_PATH}emulator`) && path !== `${SUB_PATH}emulator-sw.js`);

describe('static Storybook under a sub-path', { timeout: 180_000 }, () => {
  before(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'pd-storybook-static-'));
    const seconds = await buildStorybook(outDir);
    console.log(`# storybook build: ${seconds} s`);
    stories = Object.values((JSON.parse(await readFile(join(outDir, 'index.json'), 'utf8')) as { entries: Record<string, IndexEntry> }).entries);
    server = await serveStatic(outDir);
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
  });

  after(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('a connect button names its app from the emulator, opens the connect page from the service worker and connects', async () => {
    const slack = createCatalog().apps.find((app) => app.name_slug === 'slack');
    assert.ok(slack, 'the catalog has Slack');
    await inFreshPage('connect-button', async (page) => {
      const preview = await openStory(page, storyId('Elements/pd-connect-button', 'Idle'));
      assert.equal(new URL(preview.url()).pathname, `${SUB_PATH}iframe.html`);

      // Name and logo come from the emulator's catalog (the label's fallback would be the bare slug, without a logo).
      const idle = await preview.waitForFunction((imgSrc) => {
        const button = document.querySelector('pd-connect-button');
        const label = button?.shadowRoot?.querySelector('[part="label"]')?.textContent?.trim();
        const logo = button?.shadowRoot?.querySelector('[part="icon"] img')?.getAttribute('src');
        return button?.matches(':state(idle)') && logo === imgSrc ? label : undefined;
      }, slack.img_src, { timeout: STEP_TIMEOUT });
      assert.match(String(await idle.jsonValue()), new RegExp(`\\b${slack.name}\\b`));

      await preview.locator('pd-connect-button button').click();
      const overlay = await preview.waitForSelector('[data-pd-connect-overlay] iframe', { timeout: STEP_TIMEOUT });
      const connectPage = await overlay.contentFrame();
      assert.ok(connectPage, 'the overlay has no connect page frame');
      await connectPage.getByRole('button', { name: 'Allow' }).click({ timeout: STEP_TIMEOUT });
      const connectUrl = new URL(connectPage.url());
      assert.equal(connectUrl.origin + connectUrl.pathname, `${origin}${SUB_PATH}emulator/_static/connect.html`);

      await preview.waitForFunction(() => document.querySelector('pd-connect-button')?.matches(':state(connected)'), undefined, { timeout: STEP_TIMEOUT });
      await preview.waitForSelector('[data-pd-connect-overlay]', { state: 'detached', timeout: STEP_TIMEOUT });
      const connected = (await emulatorState(preview)).accounts.map(({ appSlug, externalUserId }) => ({ appSlug, externalUserId }));
      assert.deepEqual(connected, [{ appSlug: 'slack', externalUserId: 'story-connect-button' }]);

      // The token endpoint, the API and the connect page were all answered inside the browser.
      assert.deepEqual(emulatorRequests(), []);
      assert.ok(requested.includes(`${SUB_PATH}emulator-sw.js`), 'the service worker was loaded from the sub-path');
    });
  });

  it('an account list shows the accounts its story seeded', async () => {
    await inFreshPage('account-list', async (page) => {
      const preview = await openStory(page, storyId('Elements/pd-account-list', 'Connected'));
      await preview.waitForFunction(() => document.querySelector('pd-account-list')?.matches(':state(ready)'), undefined, { timeout: STEP_TIMEOUT });
      const shown = await preview.locator('pd-account-list [part~="name"]').allInnerTexts();
      // The story seeds two accounts for its own user; the list shows exactly those the emulator holds.
      const seeded = (await emulatorState(preview)).accounts
        .filter((account) => account.externalUserId === 'story-accounts-connected')
        .map((account) => account.name);
      assert.deepEqual([...shown].sort(), ['Acme HQ', 'Production key']);
      assert.deepEqual([...seeded].sort(), [...shown].sort());
      assert.deepEqual(emulatorRequests(), []);
    });
  });
});
