import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PipedreamClient } from '@pipedream/sdk/server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.node.js';
import { EXAMPLES, EXAMPLE_USER, buildExamples, defaultOutDir, startExamplesHost, type Example, type ExamplesHost } from './examples-host.js';

/**
 * Each example app (a script tag, React, Vue, Svelte), built with Vite and served with a token
 * endpoint, is clicked through in Chromium against the Connect emulator: connect an account in
 * the connect page, see it in the account list, run an action, see the result — and the app's own
 * handlers show that the elements' events reached the framework.
 * Set EXAMPLE_SCREENSHOTS=<dir> to keep a screenshot of each example (light and dark).
 */

/** The browser helper is plain JavaScript shared with the other test runners. */
const browserPathModule = new URL('../support/browser-path.js', import.meta.url).href;
const { CHROMIUM_ARGS, findChromium } = (await import(browserPathModule)) as { CHROMIUM_ARGS: string[]; findChromium(): string };

const screenshots = process.env.EXAMPLE_SCREENSHOTS;
const STEP_TIMEOUT = 10_000;

let emulator: RunningEmulator;
let host: ExamplesHost;
let browser: Browser;
let pipedream: PipedreamClient;

/** Every example signs in the same user: remove that user's accounts with the server SDK, as a host would. */
async function removeAccounts() {
  for await (const account of await pipedream.accounts.list({ externalUserId: EXAMPLE_USER })) await pipedream.accounts.delete(account.id);
}

describe('framework examples', { timeout: 240_000 }, () => {
  before(async () => {
    emulator = await startEmulator({ port: 0 });
    const { clientId, clientSecret, projectId } = emulator.emulator;
    pipedream = new PipedreamClient({ clientId, clientSecret, projectId, projectEnvironment: 'development', baseUrl: emulator.url });
    const outDir = defaultOutDir();
    const seconds = await buildExamples(outDir, { baseUrl: emulator.url, frontendHost: `${emulator.url}/_static/connect.html` });
    console.log(`# vite build (parallel): ${Object.entries(seconds).map(([name, s]) => `${name} ${s} s`).join(', ')}`);
    host = await startExamplesHost({ emulator, outDir });
    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
    if (screenshots) mkdirSync(screenshots, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await host?.close();
    await emulator?.close();
  });

  for (const example of EXAMPLES) {
    it(`${example}: connects an account, lists it, runs an action`, async () => {
      await removeAccounts();
      const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        // App logos live on the catalog's image host, out of reach here: the elements show initials instead.
        const offline = message.text().startsWith('Failed to load resource') && !message.location().url.startsWith('http://127.0.0.1');
        if (message.type() === 'error' && !offline) problems.push(`console error: ${message.text()} (${message.location().url})`);
      });
      try {
        await clickThrough(page, example);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
});

async function clickThrough(page: Page, example: Example) {
  const nickname = `${example} key`;
  await page.goto(`${host.url}/${example}/`);
  // Every example uses the one stylesheet in demo/shared: its layout applies.
  await page.locator('main').waitFor({ timeout: STEP_TIMEOUT });
  assert.equal(await page.locator('main').evaluate((main) => getComputedStyle(main).maxWidth), '704px', 'demo/shared/example.css is not applied');

  // 1. Connect: the button opens the connect page in an iframe; the user enters an API key there.
  const connect = page.locator('pd-connect-button button');
  await connect.getByText('Connect OpenAI').waitFor({ timeout: STEP_TIMEOUT });
  await screenshot(page, example, 'start');
  await connect.click();
  const frame = page.frameLocator('iframe[src*="/_static/connect.html"]');
  await frame.getByLabel('API Key').fill('sk-example-0123456789');
  await frame.getByLabel('Account nickname').fill(nickname);
  await frame.getByRole('button', { name: 'Connect' }).click();

  // The app's own pd-connect-success handler put the account name on the page.
  const status = page.getByRole('status').filter({ hasText: 'Connected:' });
  await status.waitFor({ timeout: STEP_TIMEOUT });
  assert.equal((await status.innerText()).trim(), `Connected: ${nickname}`);
  await page.locator('[data-pd-connect-overlay]').waitFor({ state: 'detached', timeout: STEP_TIMEOUT });

  // The emulator holds exactly that account, for the user the token endpoint vouched for.
  const accounts = emulator.emulator.snapshot().accounts.map(({ name, externalUserId, appSlug }) => ({ name, externalUserId, appSlug }));
  assert.deepEqual(accounts, [{ name: nickname, externalUserId: EXAMPLE_USER, appSlug: 'openai' }]);

  // 2. The account list shows it.
  const listNames = page.locator('pd-account-list [part~="name"]');
  await listNames.first().waitFor({ timeout: STEP_TIMEOUT });
  assert.deepEqual(await listNames.allInnerTexts(), [nickname]);

  // 3. The action form picked the new account (the app passed it in) and runs the action.
  const form = page.locator('pd-action-form');
  const accountSelect = form.locator('[data-name="openai"] select');
  await accountSelect.waitFor({ timeout: STEP_TIMEOUT });
  await page.waitForFunction(() => {
    const select = document.querySelector('pd-action-form')?.shadowRoot?.querySelector<HTMLSelectElement>('[data-name="openai"] select');
    return Boolean(select?.value.startsWith('apn_'));
  }, undefined, { timeout: STEP_TIMEOUT });
  assert.equal(await accountSelect.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent?.trim()), nickname);
  const message = `Hello from ${example}`;
  await form.locator('[data-name="userMessage"]').locator('input, textarea').fill(message);
  await screenshot(page, example, 'filled');
  await form.locator('[part~="submit-button"]').click();

  // The element shows the run's summary, and the app's pd-run-success handler shows it too.
  const expected = escapeRegExp(`gpt-4o-mini replied to "${message}"`);
  const result = page.getByRole('status').filter({ hasText: 'Result:' });
  await result.waitFor({ timeout: STEP_TIMEOUT });
  assert.match(await result.innerText(), new RegExp(`^Result: ${expected} with \\d+ tokens?$`));
  assert.match(await form.locator('[part="result-summary"]').innerText(), new RegExp(expected));
  // The app re-rendered with the result; the form still holds what the user typed.
  assert.equal(
    await form.locator('[data-name="userMessage"]').locator('input, textarea').inputValue(),
    message,
    'the form lost what the user typed when the app re-rendered: setting configuredProps to the object it already holds must not reset the form',
  );
  assert.equal(await form.locator('[part="error-summary"]').count(), 0);
  await screenshot(page, example, 'done');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function screenshot(page: Page, example: Example, step: string) {
  if (!screenshots) return;
  await page.screenshot({ path: join(screenshots, `${example}-${step}-light.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(screenshots, `${example}-${step}-dark.png`), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
}
