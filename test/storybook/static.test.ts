import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { createCatalog, type EmulatorSnapshot } from '../../src/emulator/index.js';
import { BUILD_ID_PLACEHOLDER, SERVICE_WORKER_FILE } from '../../.storybook/emulator/plugin.js';
import { contentType, fileUnder } from '../support/host-server.js';

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
    const file = fileUnder(dir, path.slice(SUB_PATH.length) || 'index.html');
    if (!file) return notFound();
    stat(file)
      .then((info) => (info.isDirectory() ? join(file, 'index.html') : file))
      .then(async (target) => {
        const body = await readFile(target);
        res.writeHead(200, { 'content-type': contentType(target) });
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
const emulatorRequests = () => requested.filter((path) => path.startsWith(`${SUB_PATH}emulator`) && path !== `${SUB_PATH}${SERVICE_WORKER_FILE}`);

/** Where the worker keeps its state: `pd-connect-emulator <scope path> <build id>`. */
const STATE_CACHE_NAME = new RegExp(`^pd-connect-emulator ${SUB_PATH} ([0-9a-f]{16})$`);

/** The parts of the service-worker global scope the emulator worker uses, faked for Node. */
interface WorkerUnderTest {
  /** Answers `request` as the worker's fetch handler does. */
  dispatch(request: Request): Promise<Response>;
  /** Seeds an account named `name` through the emulator's admin API: one state change. */
  seedAccount(name: string): Promise<Response>;
  /** Snapshots written to the state cache, in order. */
  written: EmulatorSnapshot[];
  /** Arguments of every `console.warn`. */
  warnings: unknown[][];
}

/**
 * Runs the built worker script in this process with a fake Cache Storage whose `put` is `store`
 * (it may hold a write back or fail it), to drive the saving of state through exact interleavings.
 */
function runWorker(code: string, store: (snapshot: EmulatorSnapshot) => Promise<void>): WorkerUnderTest {
  const listeners = new Map<string, (event: unknown) => void>();
  const written: EmulatorSnapshot[] = [];
  const warnings: unknown[][] = [];
  const cache = {
    async put(_key: string, response: Response) {
      const snapshot = (await response.json()) as EmulatorSnapshot;
      await store(snapshot);
      written.push(snapshot);
    },
    match: async () => undefined,
    keys: async () => [],
    delete: async () => true,
  };
  const caches = { open: async () => cache, keys: async () => [], delete: async () => true };
  const self = {
    registration: { scope: `http://127.0.0.1${SUB_PATH}` },
    clients: { claim: async () => undefined },
    skipWaiting: async () => undefined,
    addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
  };
  const workerConsole = { ...console, warn: (...args: unknown[]) => warnings.push(args) };
  new Function('self', 'caches', 'console', code)(self, caches, workerConsole);
  const dispatch = (request: Request): Promise<Response> => {
    let answer: Promise<Response> | undefined;
    listeners.get('fetch')!({ request, respondWith: (response: Promise<Response>) => (answer = Promise.resolve(response)), waitUntil: () => undefined });
    assert.ok(answer, `the worker did not answer ${request.url}`);
    return answer;
  };
  const seedAccount = (name: string) =>
    dispatch(new Request(`http://127.0.0.1${SUB_PATH}emulator/_emulator/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ external_user_id: 'worker-state', app: 'slack', name }),
    }));
  return { dispatch, seedAccount, written, warnings };
}

const accountNames = (snapshot: EmulatorSnapshot | undefined) => (snapshot?.accounts ?? []).map((account) => account.name);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Resolves after `count` turns of the microtask queue. */
async function microtasks(count: number): Promise<void> {
  for (let turn = 0; turn < count; turn++) await Promise.resolve();
}
/** A promise with its settle functions, for a cache write the test holds back. */
function heldWrite() {
  let release!: () => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    release = resolve;
    fail = reject;
  });
  return { promise, release, fail };
}

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
      assert.ok(requested.includes(`${SUB_PATH}${SERVICE_WORKER_FILE}`), 'the service worker was loaded from the sub-path');

      // The state was saved in one cache, named for this scope and the build id the worker carries.
      const cacheNames = await preview.evaluate(() => caches.keys());
      assert.equal(cacheNames.length, 1, `one cache, not: ${cacheNames.join(', ')}`);
      const buildId = STATE_CACHE_NAME.exec(cacheNames[0]!)?.[1];
      assert.ok(buildId, `the cache is named like "pd-connect-emulator ${SUB_PATH} <16 hex digits>": ${cacheNames[0]}`);
      assert.ok((await readFile(join(outDir, SERVICE_WORKER_FILE), 'utf8')).includes(buildId), 'the cache carries the built worker\'s build id');
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

  describe('the built service worker', () => {
    let workerCode: string;
    before(async () => {
      workerCode = await readFile(join(outDir, SERVICE_WORKER_FILE), 'utf8');
    });

    it('carries its build id, the hash of its own code, in place of the placeholder', () => {
      assert.equal(workerCode.includes(BUILD_ID_PLACEHOLDER), false, 'the build-id placeholder is left in the worker');
      // The id is the first 16 hex digits of the SHA-256 of the code as bundled, placeholder included.
      const ownHash = (candidate: string) => createHash('sha256').update(workerCode.replaceAll(candidate, BUILD_ID_PLACEHOLDER)).digest('hex').slice(0, 16);
      const ids = [...new Set(workerCode.match(/[0-9a-f]{16}/g) ?? [])].filter((candidate) => ownHash(candidate) === candidate);
      assert.equal(ids.length, 1, 'the worker holds one build id that hashes its own code');
    });

    it('a failed save fails no request, is logged once, and a change made during it is still saved', async () => {
      const first = heldWrite();
      let writes = 0;
      // Writes 1 (held, then failed) and 3 fail; the others succeed.
      const worker = runWorker(workerCode, async () => {
        writes++;
        if (writes === 1) await first.promise;
        if (writes === 3) throw new Error('quota exceeded');
      });

      const answers = [worker.seedAccount('one')];
      while (writes === 0) await sleep(1);
      // Made while the first write is still running; that write then fails.
      answers.push(worker.seedAccount('two'));
      await sleep(20);
      first.fail(new Error('quota exceeded'));
      assert.deepEqual(await Promise.all(answers.map(async (answer) => (await answer).status)), [201, 201]);
      assert.deepEqual(worker.written.map(accountNames), [['one', 'two']], 'the change made during the failed write was saved');

      // A second failure is not logged again; the next change is saved.
      assert.equal((await worker.seedAccount('three')).status, 201);
      assert.equal((await worker.seedAccount('four')).status, 201);
      assert.deepEqual(accountNames(worker.written.at(-1)), ['one', 'two', 'three', 'four']);
      assert.equal(worker.warnings.length, 1, 'failures are logged once');
    });

    it('a change that lands as a write finishes is saved, at any moment', async () => {
      const lost: number[] = [];
      // The change and the end of the write, `turns` microtasks apart.
      for (let turns = 0; turns < 40; turns++) {
        const first = heldWrite();
        let writes = 0;
        const worker = runWorker(workerCode, () => (writes++ === 0 ? first.promise : Promise.resolve()));
        const answers = [worker.seedAccount('early')];
        while (writes === 0) await sleep(1);
        answers.push(worker.seedAccount('late'));
        await microtasks(turns);
        first.release();
        await Promise.all(answers);
        await sleep(1);
        if (!accountNames(worker.written.at(-1)).includes('late')) lost.push(turns);
      }
      assert.deepEqual(lost, [], 'the last saved state lacks the late change when it landed this many microtasks before the write ended');
    });
  });
});
