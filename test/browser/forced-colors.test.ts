import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/elements/action-form/pd-action-form.js';
import '../../src/elements/account-list/pd-account-list.js';
import '../../src/elements/app-select/pd-app-select.js';
import '../../src/elements/component-select/pd-component-select.js';
import '../../src/elements/connect-button/pd-connect-button.js';
import '../../src/elements/trigger-form/pd-trigger-form.js';
import type { PdActionForm } from '../../src/elements/action-form/pd-action-form.js';
import type { PdAppSelect } from '../../src/elements/app-select/pd-app-select.js';
import type { PdConnectButton } from '../../src/elements/connect-button/pd-connect-button.js';
import { env, nextFrame, seedAccount, uniqueUser, waitFor } from '../support/browser-env.js';
import { contrast } from '../support/colour.js';
import { q } from '../support/shadow-queries.js';

/** What forced colours keep of a focus indicator: an outline, at least 2 px, not `none`. */
function focusOutline(element: Element): { style: string; width: number } {
  const style = getComputedStyle(element);
  return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
}

const attrs = (user: string) => ({ user, base: env.emulatorUrl });

describe('forced colours (Windows high contrast)', () => {
  before(() => executeServerCommand('emulate-media', { forcedColors: 'active' }));
  after(() => executeServerCommand('emulate-media', { forcedColors: null }));

  it('is what the page reports', () => {
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
  });

  it('a focused combobox input and a focused text field draw an outline; the active option is drawn in Highlight', async () => {
    const { user, base } = attrs(uniqueUser());
    const select = await fixture<PdAppSelect>(html`<pd-app-select external-user-id=${user} token-endpoint="/api/connect-token" base-url=${base}></pd-app-select>`);
    const input = q<HTMLInputElement>(select, 'input') as HTMLInputElement;
    input.focus();
    await sendKeys({ press: 'ArrowDown' });
    const outline = focusOutline(input);
    expect(outline.style).to.not.equal('none');
    expect(outline.width).to.be.at.least(2);
    await waitFor(() => q(select, '[role="option"][data-active]') ?? (void sendKeys({ press: 'ArrowDown' }), null), 8000, 'an active option');
    const active = q(select, '[role="option"][data-active]') as HTMLElement;
    const other = q(select, '[role="option"]:not([data-active])') as HTMLElement;
    expect(getComputedStyle(active).backgroundColor).to.not.equal(getComputedStyle(other).backgroundColor);

    const form = await fixture<PdActionForm>(html`<pd-action-form external-user-id=${user} token-endpoint="/api/connect-token" base-url=${base} component-key="pipedream_utils-inspect-value"></pd-action-form>`);
    await waitFor(() => q(form, 'textarea, input'), 8000, 'a field');
    const field = q<HTMLElement>(form, 'textarea, input') as HTMLElement;
    field.focus();
    const fieldOutline = focusOutline(field);
    expect(fieldOutline.style).to.not.equal('none');
    expect(fieldOutline.width).to.be.at.least(2);
  });

  it('a filled button keeps a visible boundary', async () => {
    const { user, base } = attrs(uniqueUser());
    const el = await fixture<PdConnectButton>(html`<pd-connect-button app="slack" external-user-id=${user} token-endpoint="/api/connect-token" base-url=${base}></pd-connect-button>`);
    const button = q<HTMLButtonElement>(el, 'button') as HTMLButtonElement;
    const style = getComputedStyle(button);
    expect(style.borderTopStyle).to.equal('solid');
    expect(parseFloat(style.borderTopWidth)).to.be.at.least(1);
  });
});

describe('the active option', () => {
  for (const theme of ['light', 'dark']) {
    it(`is marked with a bar of at least 3:1 against the list (${theme})`, async () => {
      const { user, base } = attrs(uniqueUser());
      const select = await fixture<PdAppSelect>(html`<pd-app-select theme=${theme} external-user-id=${user} token-endpoint="/api/connect-token" base-url=${base}></pd-app-select>`);
      const input = q<HTMLInputElement>(select, 'input') as HTMLInputElement;
      input.focus();
      await sendKeys({ press: 'ArrowDown' });
      await waitFor(() => q(select, '[role="option"][data-active]') ?? (void sendKeys({ press: 'ArrowDown' }), null), 8000, 'an active option');
      const active = q(select, '[role="option"][data-active]') as HTMLElement;
      const shadow = getComputedStyle(active).boxShadow;
      // Tailwind stacks transparent placeholder shadows: the bar is the visible inset one.
      const bar = [...shadow.matchAll(/(rgba?\([^)]*\))[^,]*inset/g)].map((match) => match[1] as string).find((color) => !/,\s*0\)$/.test(color)) ?? '';
      expect(bar).to.not.equal('');
      const popup = q(select, '[part="popup"]') ?? (q(select, '[role="listbox"]') as HTMLElement);
      const list = getComputedStyle(popup as HTMLElement).backgroundColor;
      expect(contrast(bar, list)).to.be.at.least(3);
    });
  }
});

/** The element that has focus, through shadow roots. */
function focusedElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Around a focused element, where an outline (with its offset) is drawn. */
const RING = 5;

/** The pixels of `rect` and a ring around it, as the browser paints them. */
async function paintedAround(rect: DOMRect): Promise<ImageData> {
  const clip = { x: Math.max(0, rect.x - RING), y: Math.max(0, rect.y - RING), width: rect.width + 2 * RING, height: rect.height + 2 * RING };
  const png = await executeServerCommand<string, { clip: typeof clip }>('screenshot', { clip });
  const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
  context.drawImage(bitmap, 0, 0);
  return context.getImageData(0, 0, bitmap.width, bitmap.height);
}

/** How many pixels differ clearly between two paintings of the same place. */
function changedPixels(a: ImageData, b: ImageData): number {
  let changed = 0;
  for (let index = 0; index < Math.min(a.data.length, b.data.length); index += 4) {
    const difference = Math.max(...[0, 1, 2].map((channel) => Math.abs(a.data[index + channel]! - b.data[index + channel]!)));
    if (difference > 48) changed++;
  }
  return changed;
}

/**
 * Walks `host` with Tab like a keyboard user, and at each stop measures what focus changes on
 * screen: at least a one-pixel line all around the focused control, which an outline in a system
 * colour draws and a box-shadow ring (dropped by forced colours) does not.
 */
async function tabWalk(host: HTMLElement, before: HTMLElement): Promise<{ stop: string; changed: number; needed: number }[]> {
  const results: { stop: string; changed: number; needed: number }[] = [];
  before.focus();
  for (let stops = 0; stops < 14; stops++) {
    await sendKeys({ press: 'Tab' });
    await nextFrame();
    const stop = focusedElement() as HTMLElement | null;
    if (!stop || !(host.contains(stop) || host.shadowRoot?.contains(stop))) break;
    const rect = stop.getBoundingClientRect();
    const focused = await paintedAround(rect);
    stop.blur();
    await nextFrame();
    const unfocused = await paintedAround(rect);
    stop.focus();
    const label = stop.getAttribute('aria-label') ?? stop.getAttribute('part') ?? stop.textContent?.trim().slice(0, 30) ?? '';
    results.push({ stop: `${stop.localName} "${label}"`, changed: changedPixels(focused, unfocused), needed: 2 * Math.round(rect.width + rect.height) });
  }
  return results;
}

describe('a keyboard user sees where focus is, in forced colours, in every element', () => {
  before(async () => {
    await executeServerCommand('emulate-media', { forcedColors: 'active' });
    await setViewport({ width: 900, height: 1400 });
  });
  after(async () => {
    await executeServerCommand('emulate-media', { forcedColors: null });
    await setViewport({ width: 800, height: 600 });
  });

  const cases: { name: string; ready: (host: HTMLElement) => unknown; mount: (user: string, base: string) => ReturnType<typeof html> }[] = [
    {
      name: 'pd-connect-button',
      ready: (host) => host.matches(':state(idle)'),
      mount: (user, base) => html`<pd-connect-button app="slack" external-user-id=${user} token-endpoint="/api/connect-token" base-url=${base}></pd-connect-button>`,
    },
    {
      name: 'pd-account-list',
      ready: (host) => host.matches(':state(ready)') && host.shadowRoot?.querySelector('[part~="disconnect-button"]'),
      mount: (user, base) => html`<pd-account-list external-user-id=${user} token-endpoint="/api/connect-token" base-url=${base}></pd-account-list>`,
    },
    {
      name: 'pd-app-select',
      ready: (host) => host.shadowRoot?.querySelector('input'),
      mount: (user, base) => html`<pd-app-select value="slack" external-user-id=${user} token-endpoint="/api/connect-token" base-url=${base}></pd-app-select>`,
    },
    {
      name: 'pd-component-select',
      ready: (host) => host.shadowRoot?.querySelector('input'),
      mount: (user, base) => html`<pd-component-select app="slack" value="slack-send-message" external-user-id=${user} token-endpoint="/api/connect-token" base-url=${base}></pd-component-select>`,
    },
    {
      name: 'pd-action-form',
      ready: (host) => host.shadowRoot?.querySelector('[part~="submit-button"]'),
      mount: (user, base) => html`<pd-action-form component-key="pipedream_utils-inspect-value" external-user-id=${user} token-endpoint="/api/connect-token" base-url=${base}></pd-action-form>`,
    },
    {
      name: 'pd-trigger-form',
      // RSS needs no account: once its app is known the account field becomes a note.
      ready: (host) => host.shadowRoot?.querySelector('[part~="submit-button"]') && host.shadowRoot.querySelector('output[part~="app"]'),
      mount: (user, base) => html`<pd-trigger-form component-key="rss-new-item-in-feed" external-user-id=${user} token-endpoint="/api/connect-token" base-url=${base}></pd-trigger-form>`,
    },
  ];

  for (const { name, ready, mount } of cases) {
    it(`<${name}>: every Tab stop changes at least a line of pixels all around it`, async () => {
      const { user, base } = attrs(uniqueUser());
      if (name === 'pd-account-list') await seedAccount(user, 'slack', { name: 'Acme HQ', healthy: false, environment: 'development' });
      const wrapper = await fixture<HTMLElement>(html`<div><button>before</button>${mount(user, base)}<button>after</button></div>`);
      const host = wrapper.querySelector(name) as HTMLElement;
      await waitFor(() => ready(host), 8000, `${name} ready`).catch((error: Error) => { throw new Error(`${error.message}: ${host.shadowRoot?.textContent?.replace(/\s+/g, ' ').slice(0, 300)}`); });
      const stops = await tabWalk(host, wrapper.querySelector('button') as HTMLElement);
      expect(stops.length, 'Tab reaches the element').to.be.greaterThan(0);
      const faint = stops.filter((stop) => stop.changed < stop.needed);
      expect(faint, `stops where focus changes too little: ${JSON.stringify(stops)}`).to.deep.equal([]);
    });
  }
});
