import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { Component } from '@pipedream/sdk/browser';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/elements/component-select/pd-component-select.js';
import type { PdComponentSelect } from '../../src/elements/component-select/pd-component-select.js';
import type { PdChangeEvent } from '../../src/events/index.js';
import { admin, env, requestsFor, requestsSince, takeUnhandledRejections, uniqueUser, waitFor } from '../support/browser-env.js';

function select(user: string, options: { app?: string; type?: string; theme?: string; locale?: string; value?: string } = {}) {
  return html`<pd-component-select
    external-user-id=${user}
    token-endpoint="/api/connect-token"
    base-url=${env.emulatorUrl}
    app=${ifDefined(options.app)}
    type=${ifDefined(options.type)}
    theme=${ifDefined(options.theme)}
    locale=${ifDefined(options.locale)}
    value=${ifDefined(options.value)}
  ></pd-component-select>`;
}

const root = (el: PdComponentSelect) => el.shadowRoot as ShadowRoot;
const part = (el: PdComponentSelect, name: string, scope: ParentNode = root(el)) => scope.querySelector<HTMLElement>(`[part~="${name}"]`);
const input = (el: PdComponentSelect) => part(el, 'input') as HTMLInputElement;
const options = (el: PdComponentSelect) => [...root(el).querySelectorAll<HTMLElement>('[role="option"]')];
const keys = (el: PdComponentSelect) => options(el).map((option) => option.dataset.value ?? '');
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const hasState = (el: PdComponentSelect, name: string) => el.matches(`:state(${name})`);
const style = (node: Element | null) => getComputedStyle(node as Element);
/** Waits until the page has a combobox whose accessible name is exactly `name`, as Playwright computes it. */
const comboboxNamed = (name: string) =>
  executeServerCommand('frame-wait', { urlIncludes: window.location.href, selector: `internal:role=combobox[name=${JSON.stringify(name)}s]` });

async function open(el: PdComponentSelect) {
  input(el).focus();
  await sendKeys({ press: 'Alt+ArrowDown' });
  await waitFor(() => options(el).length > 0, 8000, 'options');
  await el.updateComplete;
}

/** The component list requests logged since `since` (any user: a held request is not yet authenticated), once `ready` holds. */
async function listsSince(since: number, ready: (logged: { query: string; status: number }[]) => boolean) {
  for (;;) {
    const logged = (await requestsSince(since, '/v1/connect/components', 'GET')) as unknown as { path: string; query: string; status: number }[];
    if (ready(logged)) return logged;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('<pd-component-select>', () => {
  afterEach(async () => {
    await admin('/faults', 'DELETE');
    expect(takeUnhandledRejections().map(String)).to.deep.equal([]);
  });

  it('is disabled with a hint until app is set, then lists that app’s components', async () => {
    const user = uniqueUser('components');
    const el = await fixture<PdComponentSelect>(select(user));
    await el.updateComplete;
    expect(input(el).disabled).to.equal(true);
    // Without `type`, the label names both kinds.
    expect(text(part(el, 'label'))).to.equal('Action or trigger');
    expect(text(part(el, 'hint'))).to.equal('Choose an app first.');
    expect(input(el).getAttribute('aria-describedby')).to.equal('hint');
    expect(hasState(el, 'disabled')).to.equal(true);
    await expect(el).to.be.accessible();

    el.app = 'slack';
    await el.updateComplete;
    expect(input(el).disabled).to.equal(false);
    expect(part(el, 'hint') !== null).to.equal(false);
    await open(el);
    expect(keys(el)).to.deep.equal(['slack-new-message-in-channels', 'slack-send-message']);
    const send = options(el).find((option) => option.dataset.value === 'slack-send-message') as HTMLElement;
    expect(text(part(el, 'option-label', send))).to.equal('Send Message');
    expect(text(part(el, 'option-key', send))).to.equal('slack-send-message');
    expect(text(part(el, 'option-type', send))).to.equal('Action');
    expect(text(part(el, 'option-description', send)).length).to.be.greaterThan(0);
    const gets = (await requestsFor(user, '/v1/connect/components')).filter((entry) => entry.method === 'GET');
    expect(gets.at(-1)?.query).to.contain('app=slack');
    await expect(el).to.be.accessible();
  });

  it('narrows the components at hand by key at once while the search is held; another app starts afresh', async () => {
    const user = uniqueUser('components');
    const el = await fixture<PdComponentSelect>(select(user, { app: 'slack' }));
    await open(el);
    expect(keys(el)).to.deep.equal(['slack-new-message-in-channels', 'slack-send-message']);
    await admin('/faults', 'POST', { rules: [{ method: 'GET', path: '/v1/connect/components', latencyMs: 3000, times: 2 }] });
    const since = Date.now();
    // Only the key holds “send-” (the name reads “Send Message”).
    await sendKeys({ type: 'send-' });
    await waitFor(() => keys(el).join() === 'slack-send-message', 2000, 'the narrowed list');
    const held = await listsSince(since, (logged) => logged.length > 0);
    expect(new URLSearchParams(held[0]?.query).get('q')).to.equal('s');
    expect(held.every((entry) => entry.status === 0)).to.equal(true);
    expect(hasState(el, 'loading')).to.equal(true);
    await expect(el).to.be.accessible();
    await waitFor(() => !hasState(el, 'loading'), 8000, 'the answer');

    // Another app: what the last one listed says nothing about it, even for the same text.
    await admin('/faults', 'POST', { rules: [{ method: 'GET', path: '/v1/connect/components', latencyMs: 1500, times: 1 }] });
    el.app = 'github';
    await el.updateComplete;
    expect(hasState(el, 'loading')).to.equal(true);
    expect(keys(el)).to.deep.equal([]);
    await waitFor(() => !hasState(el, 'loading'), 8000, 'the other app’s answer');
    expect(keys(el).some((key) => key.startsWith('slack-'))).to.equal(false);
  });

  it('filters by type and searches on the server; picks with the keyboard', async () => {
    const user = uniqueUser('components');
    const el = await fixture<PdComponentSelect>(select(user, { app: 'slack', type: 'action' }));
    expect(text(part(el, 'label'))).to.equal('Action');
    expect(input(el).hasAttribute('aria-label')).to.equal(false);
    await comboboxNamed('Action');
    await open(el);
    expect(keys(el)).to.deep.equal(['slack-send-message']);
    expect((await requestsFor(user, '/v1/connect/actions')).length).to.be.greaterThan(0);

    await sendKeys({ type: 'zzz' });
    await waitFor(() => part(el, 'empty') !== null, 5000, 'the empty state');
    expect(text(part(el, 'empty'))).to.equal('Nothing matches “zzz”.');
    await expect(el).to.be.accessible();
    for (let i = 0; i < 3; i++) await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'send' });
    await waitFor(() => keys(el).length === 1, 5000, 'search results');
    const searches = (await requestsFor(user, '/v1/connect/actions')).filter((entry) => entry.query.includes('q='));
    expect(searches.at(-1)?.query).to.contain('q=send');

    const changed = oneEvent(el, 'change') as Promise<PdChangeEvent<Component>>;
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    const event = await changed;
    expect(el.value).to.equal('slack-send-message');
    expect(event.selected?.key).to.equal('slack-send-message');
    expect(input(el).value).to.equal('Send Message');
  });

  it('shows a programmatic value by name; triggers in the dark theme are accessible', async () => {
    const user = uniqueUser('components');
    // The dark theme is for a dark page: the label sits on the page.
    const page = await fixture<HTMLDivElement>(html`<div style="background: #09090b">
      ${select(user, { app: 'slack', type: 'trigger', theme: 'dark', value: 'slack-new-message-in-channels' })}
    </div>`);
    const el = page.querySelector('pd-component-select') as PdComponentSelect;
    await waitFor(() => input(el).value === 'New Message In Channels (Instant)', 5000, 'the component name');
    expect(el.selected?.key).to.equal('slack-new-message-in-channels');
    await open(el);
    expect(keys(el)).to.deep.equal(['slack-new-message-in-channels']);
    expect(options(el)[0]?.matches('[part~="option-selected"]')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('in Arabic, the component’s name, key and description keep their own (left-to-right) direction', async () => {
    const user = uniqueUser('components');
    const el = await fixture<PdComponentSelect>(select(user, { app: 'slack', type: 'trigger', locale: 'ar', value: 'slack-new-message-in-channels' }));
    await waitFor(() => input(el).value === 'New Message In Channels (Instant)', 5000, 'the component name');
    expect(text(part(el, 'label'))).to.equal('المُشغِّل');
    expect(style(part(el, 'base')).direction).to.equal('rtl');
    // Its closing parenthesis stays at the name's right end.
    expect(style(input(el)).direction).to.equal('ltr');
    await open(el);
    const option = options(el)[0] as HTMLElement;
    for (const name of ['option-label', 'option-key', 'option-description']) {
      expect(style(part(el, name, option)).direction, name).to.equal('ltr');
      expect(style(part(el, name, option)).unicodeBidi, name).to.equal('isolate');
    }
    await expect(el).to.be.accessible();
  });
});
