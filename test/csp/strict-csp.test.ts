import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createCatalog, startEmulator, type EmulatorComponent, type RunningEmulator } from '../../src/emulator/index.node.js';
import { contentType, emulatorTokenEndpoint, fileUnder } from '../support/host-server.js';

/**
 * Every element, from the CDN build, on a page served with a strict Content-Security-Policy as a
 * real HTTP header: no inline scripts or styles (so no `style` attributes either), Trusted Types
 * required for every HTML sink, and only the Connect API, the connect page and the logo host
 * allowed besides the page's own origin. Opening and picking in the selects and in a remote-options
 * list with the mouse, rendering markdown and connecting an account must report no violation.
 * Run `npm run build:cdn` first (`npm test` does).
 */

/** The browser helper is plain JavaScript shared with the other test runners. */
const browserPathModule = new URL('../support/browser-path.js', import.meta.url).href;
const { CHROMIUM_ARGS, findChromium } = (await import(browserPathModule)) as { CHROMIUM_ARGS: string[]; findChromium(): string };

const repo = fileURLToPath(new URL('../..', import.meta.url));
const cdnDir = join(repo, 'dist/cdn');
const pageDir = fileURLToPath(new URL('./page/', import.meta.url));
const USER = 'csp-user';
const STEP_TIMEOUT = 20_000;
const ACTION = 'pipedream_utils-csp-check';

/** Markdown as component descriptions use it, with markup that must stay inert around it. */
const DESCRIPTION = [
  'Checks the elements under a **strict** _Content-Security-Policy_ with ~~inline~~ `no inline` styles: [the docs](https://pipedream.com/docs), <mailto:support@example.com>.',
  '',
  '### Steps',
  '',
  '1. Pick an app',
  '2. Pick a component',
  '   - nested, with [a query](https://example.com/?a=1&amp;b=2)',
  '',
  '> Quoted, with a line  ',
  '> break.',
  '',
  '```json',
  '{ "html": "<b>not bold</b>" }',
  '```',
  '',
  '| Field | Meaning |',
  '| --- | --- |',
  '| `top` | an offset |',
  '',
  '---',
  '',
  'Payloads: <img src=x onerror=alert(1)> <script>alert(1)</script> <style>*{color:red}</style> [click](javascript:alert(1)) ![logo](https://assets.pipedream.net/logo.png) <iframe src="javascript:alert(1)"></iframe>',
  '',
  '<div style="position:fixed;inset:0;background:red">overlay</div>',
].join('\n');

/** An action with a markdown description and a remote-options prop, added to the emulator's catalog. */
const cspCheck: EmulatorComponent = {
  key: ACTION,
  app: 'pipedream_utils',
  name: 'CSP check',
  version: '0.0.1',
  description: DESCRIPTION,
  component_type: 'action',
  annotations: { destructiveHint: false, openWorldHint: false, readOnlyHint: true },
  configurable_props: [{ name: 'color', type: 'string', label: 'Colour', description: 'Pick **one**: the list comes from the API.', remoteOptions: true }],
  options: {
    color: () => ({ options: ['Red', 'Green', 'Blue', 'Cyan', 'Magenta', 'Yellow'].map((label) => ({ label, value: label.toLowerCase() })) }),
  },
  run: (ctx) => ctx.configuredProps.color,
};

/** The policy under test, for an emulator at `api` and app logos served from `logos`. */
function strictPolicy(api: string, logos: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
    `connect-src 'self' ${api}`,
    `frame-src ${api}`,
    `img-src ${logos}`,
  ].join('; ');
}

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}

let emulator: RunningEmulator;
let server: Server;
let origin: string;
let browser: Browser;
let logoOrigin: string;

/** Serves the page (with the policy as a header), its script, the CDN build and a token endpoint. */
async function startHost(): Promise<Server> {
  const tokenEndpoint = emulatorTokenEndpoint(emulator, USER);
  const policy = strictPolicy(emulator.url, logoOrigin);
  const host = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (path === '/api/connect-token') return tokenEndpoint(req, res);
    const send = (status: number, body: string | Buffer, type: string) => {
      res.writeHead(status, { 'content-type': type, 'content-security-policy': policy, 'cache-control': 'no-store' });
      res.end(body);
    };
    const file = path.startsWith('/cdn/') ? fileUnder(cdnDir, path.slice('/cdn/'.length)) : fileUnder(pageDir, path === '/' ? 'index.html' : path);
    if (!file) return send(404, 'Not found', contentType('.txt'));
    readFile(file).then(
      (content) => {
        if (!file.endsWith('.html')) return send(200, content, contentType(file));
        const page = content
          .toString('utf8')
          .replaceAll('%API_URL%', emulator.url)
          .replaceAll('%CONNECT_PAGE%', `${emulator.url}/_static/connect.html`)
          .replaceAll('%ACTION%', ACTION);
        send(200, page, contentType(file));
      },
      () => send(404, 'Not found', contentType('.txt')),
    );
  });
  await new Promise<void>((resolve, reject) => {
    host.once('error', reject);
    host.listen(0, '127.0.0.1', () => resolve());
  });
  return host;
}

/**
 * Opens the page in a fresh context and runs `steps`; then fails on every violation the page
 * recorded, every CSP or Trusted Types message on the console and every page error. A step that
 * fails is reported with the violations seen until then: they usually say why.
 */
async function onStrictPage(steps: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 1600 } });
  // The logo host is out of reach here; answer for it, so logos load as on a real site.
  await context.route(`${logoOrigin}/**`, (route) =>
    route.fulfill({ contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>' }),
  );
  const page = await context.newPage();
  const consoleReports: string[] = [];
  const pageErrors: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy|Trusted ?Type|Refused to/i.test(message.text())) consoleReports.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const violations = () => page.evaluate(() => (window as unknown as { cspViolations?: Violation[] }).cspViolations ?? []).catch(() => [] as Violation[]);
  try {
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => Array.isArray((window as unknown as { cspViolations?: unknown }).cspViolations), undefined, { timeout: STEP_TIMEOUT });
    try {
      await steps(page);
    } catch (error) {
      const seen = [...(await violations()).map((v) => `${v.directive} ${v.blocked} ${v.sample}`), ...consoleReports];
      throw seen.length ? new Error(`${(error as Error).message}\nViolations so far:\n${seen.join('\n')}`, { cause: error }) : error;
    }
    // Reports are queued as tasks: give the last ones a moment to arrive.
    await page.waitForTimeout(300);
    assert.deepEqual(await violations(), [], 'securitypolicyviolation events');
    assert.deepEqual(consoleReports, [], 'CSP messages on the console');
    assert.deepEqual(pageErrors, [], 'page errors');
  } finally {
    await context.close();
  }
}

const hasState = (page: Page, tag: string, state: string) =>
  page.waitForFunction(([name, wanted]) => document.querySelector(name!)?.matches(`:state(${wanted})`), [tag, state], { timeout: STEP_TIMEOUT });

/** Waits until every element on the page has rendered its data. */
async function everythingReady(page: Page): Promise<void> {
  await page.locator('pd-connect-button [part="icon"] img').waitFor({ timeout: STEP_TIMEOUT });
  await hasState(page, 'pd-connect-button', 'idle');
  await hasState(page, 'pd-account-list', 'empty');
  await hasState(page, 'pd-action-form', 'ready');
  await hasState(page, 'pd-trigger-form', 'ready');
}

describe('a strict Content-Security-Policy', { timeout: 240_000 }, () => {
  before(async () => {
    assert.ok(existsSync(join(cdnDir, 'pd-connect-elements.js')), 'no CDN build: run `npm run build:cdn` first');
    const catalog = createCatalog();
    catalog.components.push(cspCheck);
    // App logos come from wherever the catalog points: img-src allows exactly that origin.
    const logoOrigins = [...new Set(catalog.apps.map((app) => new URL(app.img_src).origin))];
    assert.equal(logoOrigins.length, 1, `the catalog's logos come from one host, not: ${logoOrigins.join(', ')}`);
    logoOrigin = logoOrigins[0]!;
    emulator = await startEmulator({ port: 0, catalog });
    server = await startHost();
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
  });

  after(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await emulator?.close();
  });

  it('is sent as a header and blocks what it should: an inline style attribute is reported', async () => {
    const response = await fetch(`${origin}/`);
    assert.equal(response.headers.get('content-security-policy'), strictPolicy(emulator.url, logoOrigin));
    // The page really enforces it, and the recorder sees what it reports.
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${origin}/`);
      const reported = await page.evaluate(async () => {
        const probe = document.createElement('div');
        probe.setAttribute('style', 'color: red');
        document.body.append(probe);
        await new Promise((resolve) => setTimeout(resolve, 100));
        return (window as unknown as { cspViolations: Violation[] }).cspViolations.map((v) => v.directive);
      });
      assert.deepEqual(reported, ['style-src-attr']);
    } finally {
      await context.close();
    }
  });

  it('renders every element, markdown included, with no violation', async () => {
    await onStrictPage(async (page) => {
      await everythingReady(page);
      // The markdown renderer arrives lazily: wait for what only it renders.
      const header = page.locator('pd-action-form [part~="header"]');
      await header.locator('ol li ul li a').waitFor({ timeout: STEP_TIMEOUT });
      for (const selector of ['strong', 'em', 'del', 'code', 'h3', 'blockquote', 'br', 'pre code', 'table th', 'table td code', 'hr']) {
        assert.ok((await header.locator(selector).count()) > 0, `the description has no ${selector}`);
      }
      assert.equal(await header.locator('img, script, style, iframe, div[style]').count(), 0);
      assert.ok((await page.locator('pd-action-form [data-name="color"] [part="description"] strong').count()) > 0, 'prop descriptions are markdown too');
    });
  });

  it('opens the app select and the component select and picks an option from each with the mouse', async () => {
    await onStrictPage(async (page) => {
      await everythingReady(page);
      for (const tag of ['pd-app-select', 'pd-component-select']) {
        await page.locator(`${tag} [part="input"]`).click();
        const option = page.locator(`${tag} [role="option"]`).nth(1);
        await option.waitFor({ timeout: STEP_TIMEOUT });
        const wanted = await option.getAttribute('data-value');
        await option.click({ timeout: STEP_TIMEOUT });
        await page.waitForFunction(([name, value]) => (document.querySelector(name!) as HTMLElement & { value: string }).value === value, [tag, wanted], { timeout: STEP_TIMEOUT });
      }
    });
  });

  it('opens a remote-options list in the action form and picks an option with the mouse', async () => {
    await onStrictPage(async (page) => {
      await everythingReady(page);
      const field = page.locator('pd-action-form [data-name="color"]');
      await field.locator('input[role="combobox"]').click();
      await field.locator('[role="option"]').nth(2).waitFor({ timeout: STEP_TIMEOUT });
      await field.getByRole('option', { name: 'Blue' }).click({ timeout: STEP_TIMEOUT });
      await page.waitForFunction(() => JSON.stringify((document.querySelector('pd-action-form') as HTMLElement & { configuredProps: object }).configuredProps).includes('blue'), undefined, {
        timeout: STEP_TIMEOUT,
      });
    });
  });

  it('connects an account in the connect page (an iframe from the connect page host)', async () => {
    await onStrictPage(async (page) => {
      await everythingReady(page);
      await page.locator('pd-connect-button button').click();
      const frame = page.frameLocator('[data-pd-connect-overlay] iframe');
      await frame.getByRole('button', { name: 'Allow' }).click({ timeout: STEP_TIMEOUT });
      await hasState(page, 'pd-connect-button', 'connected');
      await page.locator('pd-account-list [part~="name"]').first().waitFor({ timeout: STEP_TIMEOUT });
    });
  });
});
