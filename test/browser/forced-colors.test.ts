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
