import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { startDemo } from '../support/demo-server.js';

/** The browser helper is plain JavaScript shared with the other test runners. */
const browserPathModule = new URL('../support/browser-path.js', import.meta.url).href;
const { CHROMIUM_ARGS, findChromium } = (await import(browserPathModule)) as { CHROMIUM_ARGS: string[]; findChromium(): string };

const optionValues = (picker: Locator) => picker.locator('[role="option"]').evaluateAll((options) => options.map((option) => option.getAttribute('data-value') ?? ''));

/** Which component `<pd-action-form>` shows: its `component-key` and the heading it rendered. */
const formComponent = (page: Page) =>
  page.locator('#action-form').evaluate((form) => ({
    key: (form as HTMLElement & { componentKey?: string }).componentKey,
    heading: form.shadowRoot?.querySelector('[part="header"] h2')?.textContent?.trim(),
  }));

test('the showcase runs an action end to end: app picker → action picker → action form → run result', { timeout: 60_000 }, async () => {
  const started = Date.now();
  const demo = await startDemo();
  let browser: Browser | undefined;
  const problems: string[] = [];
  try {
    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // App logos live on the catalog's image host, out of reach here: the elements show a generic icon instead.
      const offline = message.text().startsWith('Failed to load resource') && !message.location().url.startsWith('http://127.0.0.1');
      if (message.type() === 'error' && !offline) problems.push(`console error: ${message.text()} (${message.location().url})`);
    });
    await page.goto(demo.showcase);

    const appPicker = page.locator('#app-picker');
    const componentPicker = page.locator('#component-picker');
    const form = page.locator('#action-form');

    // The page starts on its default action; the action picker waits for an app.
    await form.locator('[part="header"] h2', { hasText: 'Create Issue' }).waitFor();
    await componentPicker.locator('[part="hint"]').waitFor();
    assert.equal(await componentPicker.locator('input[role="combobox"]').isDisabled(), true, 'the action picker is disabled until an app is chosen');

    // App: search the catalog and pick Slack, whose seeded account is healthy.
    await appPicker.locator('input[role="combobox"]').fill('sla');
    // The search answers from the API: every app listed matches "sla" in its name, slug or description.
    await page.waitForFunction(() => {
      const options = [...document.querySelector('#app-picker')?.shadowRoot?.querySelectorAll('[role="option"]') ?? []];
      return options.length > 0 && options.every((option) => `${option.getAttribute('data-value')} ${option.textContent}`.toLowerCase().includes('sla'));
    });
    await appPicker.locator('[role="option"][data-value="slack"]').click();
    assert.equal(await appPicker.evaluate((picker) => (picker as HTMLElement & { value: string }).value), 'slack');

    // Action: the picker now lists Slack's actions only.
    const componentInput = componentPicker.locator('input[role="combobox"]');
    await page.waitForFunction(() => !document.querySelector('#component-picker')?.shadowRoot?.querySelector('input')?.disabled);
    await componentInput.click();
    const sendMessage = componentPicker.locator('[role="option"][data-value="slack-send-message"]');
    await sendMessage.waitFor();
    const actions = await optionValues(componentPicker);
    assert.ok(actions.length > 0 && actions.every((key) => key.startsWith('slack-')), `only Slack components are listed: ${actions.join(', ')}`);
    await sendMessage.click();
    assert.match(await page.locator('#picker-output').textContent() ?? '', /"app":"slack","component":"slack-send-message"/);

    // Form: it loads the picked action.
    await form.locator('[part="header"] h2', { hasText: 'Send Message' }).waitFor();
    assert.deepEqual(await formComponent(page), { key: 'slack-send-message', heading: 'Send Message' });

    // Account, channel (remote options for that account) and text, then run.
    const accountSelect = form.locator('[part~="field"][data-name="slack"] select');
    await accountSelect.locator('option', { hasText: 'Acme HQ' }).waitFor({ state: 'attached' });
    await accountSelect.selectOption({ label: 'Acme HQ' });
    const channelField = form.locator('[part~="field"][data-name="conversation"]');
    await channelField.locator('input').click();
    await channelField.locator('[role="option"]', { hasText: '#general' }).click();
    await form.locator('[part~="field"][data-name="text"] :is(input, textarea)').fill('Hello from the showcase');
    await form.locator('[part~="submit-button"]').click();

    // Result: the emulator ran the action with these inputs and the form shows its `$summary`.
    const summary = form.locator('[part="result-summary"]');
    await summary.waitFor();
    assert.equal((await summary.textContent())?.trim(), 'Sent message to #general: "Hello from the showcase"');
    await page.locator('#events li', { hasText: 'pd-run-success' }).waitFor();
    assert.deepEqual(problems, []);
  } catch (error) {
    // What the page and the demo server reported says why a step never happened.
    const reported = [...problems, ...(demo.stderr() ? [`demo stderr:\n${demo.stderr()}`] : [])];
    throw reported.length ? new Error(`${(error as Error).message}\nReported meanwhile:\n${reported.join('\n')}`, { cause: error }) : error;
  } finally {
    await browser?.close().catch(() => undefined);
    demo.child.kill('SIGTERM');
  }
  // Reported so a slow run is visible before it hits the test's timeout.
  console.log(`demo flow: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
