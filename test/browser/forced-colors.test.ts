import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/elements/action-form/pd-action-form.js';
import '../../src/elements/app-select/pd-app-select.js';
import '../../src/elements/connect-button/pd-connect-button.js';
import type { PdActionForm } from '../../src/elements/action-form/pd-action-form.js';
import type { PdAppSelect } from '../../src/elements/app-select/pd-app-select.js';
import type { PdConnectButton } from '../../src/elements/connect-button/pd-connect-button.js';
import { env, uniqueUser, waitFor } from '../support/browser-env.js';
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

/** WCAG contrast of two `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number).map((channel) => {
      const c = channel / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

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
