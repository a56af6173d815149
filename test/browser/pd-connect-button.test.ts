import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../src/elements/connect-button/pd-connect-button.js';
import '../../src/elements/connect-provider/pd-connect-provider.js';
import { configure } from '../../src/session/config.js';
import type { PdConnectButton } from '../../src/elements/connect-button/pd-connect-button.js';
import type { PdConnectCloseEvent, PdConnectErrorEvent, PdConnectSuccessEvent } from '../../src/events/index.js';
import { admin, env, requestsFor, seedAccount, setTokenMode, takeUnhandledRejections, tokenRequestsFor, uniqueUser, waitFor } from '../support/browser-env.js';

const inFrame = (command: string, selector: string, value?: string) =>
  executeServerCommand(command, { urlIncludes: '/_static/connect.html', selector, value });

async function button(user: string, extra = '', app = 'slack'): Promise<PdConnectButton> {
  const el = await fixture<PdConnectButton>(html`
    <pd-connect-button
      app=${app}
      external-user-id=${user}
      token-endpoint="/api/connect-token"
      base-url=${env.emulatorUrl}
      frontend-host=${env.emulatorUrl}
    ></pd-connect-button>
  `);
  for (const attr of extra.split(' ').filter(Boolean)) {
    const [name, value = ''] = attr.split('=');
    el.setAttribute(name as string, value);
  }
  await el.updateComplete;
  return el;
}

/** The app's name and logo have arrived: the button's own API requests are done. */
const appLoaded = (el: PdConnectButton) => waitFor(() => Boolean(el.shadowRoot!.querySelector('[part="icon"] img')), 5000, 'app logo');
const inner = (el: PdConnectButton) => el.shadowRoot!.querySelector('button') as HTMLButtonElement;
const overlay = () => document.querySelector('[data-pd-connect-overlay]');
const states = (el: PdConnectButton) => ['idle', 'preparing', 'connecting', 'connected', 'error'].filter((s) => (el as unknown as { internals: ElementInternals }).internals.states.has(s));

describe('<pd-connect-button>', () => {
  afterEach(async () => {
    await admin('/faults', 'DELETE');
    // A test that failed mid-flow leaves the page open: close it like a user, so the next flow may start.
    (overlay()?.querySelector('button') as HTMLButtonElement | null)?.click();
    await waitFor(() => !overlay(), 3000, 'overlay to close');
    expect(takeUnhandledRejections()).to.deep.equal([]);
  });

  it('shows the app name from the API and is accessible when idle', async () => {
    const el = await button(uniqueUser());
    await waitFor(() => inner(el).textContent?.includes('Connect Slack'), 3000, 'app name');
    expect(states(el)).to.deep.equal(['idle']);
    await expect(el).to.be.accessible();
  });

  it('connects through the connect page and announces the confirmed account', async () => {
    const user = uniqueUser();
    const el = await button(user);
    const events: string[] = [];
    for (const type of ['pd-connect-start', 'pd-connect-success', 'pd-connect-error', 'pd-connect-close']) el.addEventListener(type, () => events.push(type));
    const success = oneEvent(el, 'pd-connect-success') as Promise<PdConnectSuccessEvent>;
    inner(el).click();
    await waitFor(() => states(el).includes('connecting'), 5000, 'connecting state');
    expect(overlay()?.querySelector('iframe')?.getAttribute('src')).to.contain(`${env.emulatorUrl}/_static/connect.html?token=ctok_`);
    await expect(el).to.be.accessible();
    await inFrame('frame-click', 'role=button[name="Allow"]');
    const { account, reconnected } = await success;
    expect(account.id).to.match(/^apn_/);
    expect(account.app?.nameSlug).to.equal('slack');
    expect(reconnected).to.equal(false);
    const close = (await oneEvent(el, 'pd-connect-close')) as PdConnectCloseEvent;
    expect([close.successful, close.completed]).to.deep.equal([true, true]);
    expect(events).to.deep.equal(['pd-connect-start', 'pd-connect-success', 'pd-connect-close']);
    expect(states(el)).to.deep.equal(['connected']);
    expect(overlay()).to.equal(null);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('is connected');
    // The success was confirmed with the API before it was announced.
    const lookups = await requestsFor(user, `/v1/connect/accounts/${account.id}`);
    expect(lookups.length).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('shows and announces the preparing state while the token is fetched', async () => {
    const user = uniqueUser();
    const el = await button(user);
    await waitFor(() => inner(el).textContent?.includes('Connect Slack'), 3000, 'label');
    await setTokenMode(user, 'slow');
    inner(el).click();
    await waitFor(() => states(el).includes('preparing'), 2000, 'preparing');
    expect(inner(el).getAttribute('aria-busy')).to.equal('true');
    expect(inner(el).getAttribute('aria-disabled')).to.equal('true');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('Preparing to connect Slack');
    await expect(el).to.be.accessible();
    // A second click while busy starts nothing.
    inner(el).click();
    await waitFor(() => states(el).includes('connecting'), 5000, 'connecting');
    expect(document.querySelectorAll('[data-pd-connect-overlay]').length).to.equal(1);
    const close = oneEvent(el, 'pd-connect-close');
    await inFrame('frame-click', '#close');
    await close;
  });

  it('a cancel closes without success and reports user_cancelled', async () => {
    const el = await button(uniqueUser());
    inner(el).click();
    await waitFor(() => states(el).includes('connecting'), 5000, 'connecting');
    const error = oneEvent(el, 'pd-connect-error') as Promise<PdConnectErrorEvent>;
    const close = oneEvent(el, 'pd-connect-close') as Promise<PdConnectCloseEvent>;
    await inFrame('frame-click', '#close');
    expect((await error).code).to.equal('user_cancelled');
    expect((await close).successful).to.equal(false);
    expect(states(el)).to.deep.equal(['idle']);
  });

  it('Escape closes the connect page and focus returns to the button', async () => {
    const el = await button(uniqueUser());
    inner(el).focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => overlay(), 5000, 'overlay');
    await waitFor(() => states(el).includes('connecting'), 5000, 'connecting');
    const close = oneEvent(el, 'pd-connect-close');
    // The overlay's own close button has focus until the page loads; Escape from the page works too.
    await sendKeys({ press: 'Escape' });
    await close;
    expect(overlay()).to.equal(null);
    expect(document.activeElement).to.equal(el);
  });

  it('on a narrow screen the overlay\'s close button leaves the loaded page\'s own in sight, and comes back for the keyboard', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await button(uniqueUser());
      // A pointer user: no focus ring, so the close button steps out of sight once the page is there.
      const box = inner(el).getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
      await waitFor(() => overlay(), 5000, 'overlay');
      const closeButton = overlay()!.querySelector('button') as HTMLButtonElement;
      expect(closeButton.getBoundingClientRect().width, 'shown while the page loads').to.be.at.least(30);
      await inFrame('frame-wait', 'text=Allow');
      await waitFor(() => closeButton.getBoundingClientRect().width <= 1, 5000, 'close button out of sight');
      // Focus on it, out of sight: a key press shows it again, as it shows its focus ring.
      closeButton.focus();
      expect(closeButton.getBoundingClientRect().width).to.be.at.most(1);
      // (A key without a modifier and without an action on a button.)
      await sendKeys({ press: 'ArrowLeft' });
      await waitFor(() => closeButton.matches(':focus-visible') && closeButton.getBoundingClientRect().width >= 30, 5000, 'close button back in sight');
      const closed = oneEvent(el, 'pd-connect-close') as Promise<PdConnectCloseEvent>;
      closeButton.click();
      expect((await closed).successful).to.equal(false);
    } finally {
      await setViewport({ width: 800, height: 600 });
      // The pointer moves off the fixtures: later tests start with nothing hovered.
      await sendMouse({ type: 'move', position: [790, 590] });
    }
  });

  it('reports the connect page error as connect_failed', async () => {
    await admin('/faults', 'POST', { connect_page: 'error' });
    const el = await button(uniqueUser());
    inner(el).click();
    await waitFor(() => states(el).includes('connecting'), 5000, 'connecting');
    const error = oneEvent(el, 'pd-connect-error') as Promise<PdConnectErrorEvent>;
    await inFrame('frame-click', '#close');
    const { code, message } = await error;
    expect(code).to.equal('connect_failed');
    expect(message.length).to.be.greaterThan(0);
    expect(states(el)).to.deep.equal(['error']);
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('Connecting failed');
    await expect(el).to.be.accessible();
  });

  for (const fault of ['error-after-connect', 'close-after-connect'] as const) {
    it(`a success the connect page loses (${fault === 'error-after-connect' ? 'an empty error' : 'a close first'}) is found and announced as success`, async () => {
      await admin('/faults', 'POST', { connect_page: fault });
      const user = uniqueUser();
      const el = await button(user);
      const events: string[] = [];
      for (const type of ['pd-connect-success', 'pd-connect-error']) el.addEventListener(type, () => events.push(type));
      const success = oneEvent(el, 'pd-connect-success') as Promise<PdConnectSuccessEvent>;
      const close = oneEvent(el, 'pd-connect-close') as Promise<PdConnectCloseEvent>;
      inner(el).click();
      await waitFor(() => states(el).includes('connecting'), 5000, 'connecting');
      await inFrame('frame-click', 'role=button[name="Allow"]');
      const { account } = await success;
      expect(account.app?.nameSlug).to.equal('slack');
      expect((await close).successful).to.equal(true);
      expect(events).to.deep.equal(['pd-connect-success']);
      expect(states(el)).to.deep.equal(['connected']);
      expect(overlay()).to.equal(null);
    });
  }

  it('a cancel with no new account stays a cancel after the check', async () => {
    await admin('/faults', 'POST', { connect_page: 'close-after-connect' });
    const user = uniqueUser();
    // An account from before the flow opened is not this flow's success.
    await seedAccount(user, 'slack', { name: 'Older', environment: 'development' });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const el = await button(user);
    inner(el).click();
    await waitFor(() => states(el).includes('connecting'), 5000, 'connecting');
    const error = oneEvent(el, 'pd-connect-error') as Promise<PdConnectErrorEvent>;
    await inFrame('frame-click', '#close');
    expect((await error).code).to.equal('user_cancelled');
    expect(states(el)).to.deep.equal(['idle']);
  });

  it('fails with load_failed when the connect page never loads', async () => {
    await admin('/faults', 'POST', { connect_page: 'hang' });
    const el = await button(uniqueUser());
    configure({ connectTimeout: 400 });
    await el.updateComplete;
    try {
      inner(el).click();
      const error = (await oneEvent(el, 'pd-connect-error')) as PdConnectErrorEvent;
      expect(error.code).to.equal('load_failed');
      expect(overlay()).to.equal(null);
      expect(states(el)).to.deep.equal(['error']);
    } finally {
      configure({ connectTimeout: undefined });
    }
  });

  it('ignores a forged success message from another origin or window', async () => {
    const user = uniqueUser();
    const el = await button(user);
    let succeeded = false;
    el.addEventListener('pd-connect-success', () => (succeeded = true));
    inner(el).click();
    await waitFor(() => states(el).includes('connecting'), 5000, 'connecting');
    const victim = await seedAccount(uniqueUser('other'), 'slack', { environment: 'development' });
    // Same window, our own origin: not the connect page.
    window.postMessage({ type: 'success', authProvisionId: victim.id }, '*');
    window.postMessage({ type: 'close' }, '*');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(succeeded).to.equal(false);
    expect(overlay()).to.not.equal(null);
    expect(states(el)).to.deep.equal(['connecting']);
    const close = oneEvent(el, 'pd-connect-close');
    await inFrame('frame-click', '#close');
    await close;
    expect(succeeded).to.equal(false);
    expect(await requestsFor(user, `/v1/connect/accounts/${victim.id}`)).to.deep.equal([]);
  });

  it('ignores a success posted by another connect page window, even from the right origin', async () => {
    const user = uniqueUser();
    const el = await button(user);
    let succeeded = false;
    el.addEventListener('pd-connect-success', () => (succeeded = true));
    inner(el).click();
    await waitFor(() => states(el).includes('connecting'), 5000, 'connecting');
    // A second connect page (same origin, another window) completes for another user.
    const rogueUser = uniqueUser('rogue');
    const { token } = await (await fetch('/api/connect-token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ external_user_id: rogueUser }) })).json();
    const rogue = document.createElement('iframe');
    rogue.src = `${env.emulatorUrl}/_static/connect.html?token=${token}&app=slack`;
    document.body.append(rogue);
    try {
      await executeServerCommand('frame-dispatch-click', { urlIncludes: token, selector: 'role=button[name="Allow"]' });
      await waitFor(async () => (await requestsFor(rogueUser, '/v1/connect/accounts')).length > 0, 3000, 'rogue account');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(succeeded).to.equal(false);
      expect(states(el)).to.deep.equal(['connecting']);
      // Not even looked up: the message was dropped at the door.
      expect(await requestsFor(user, '/v1/connect/accounts/apn_')).to.deep.equal([]);
    } finally {
      rogue.remove();
    }
    const close = oneEvent(el, 'pd-connect-close');
    (overlay()!.querySelector('button') as HTMLButtonElement).click();
    await close;
  });

  it('allows one connect flow at a time', async () => {
    const user = uniqueUser();
    const first = await button(user);
    const second = await button(user, '', 'github');
    first.shadowRoot!.querySelector('button')!.click();
    await waitFor(() => states(first).includes('connecting'), 5000, 'connecting');
    const error = oneEvent(second, 'pd-connect-error') as Promise<PdConnectErrorEvent>;
    second.shadowRoot!.querySelector('button')!.click();
    expect((await error).code).to.equal('busy');
    expect(document.querySelectorAll('[data-pd-connect-overlay]').length).to.equal(1);
    const close = oneEvent(first, 'pd-connect-close');
    await inFrame('frame-click', '#close');
    await close;
  });

  it('passes the OAuth client from oauth-app-id or the provider oauthAppConfig', async () => {
    const el = await button(uniqueUser());
    el.oauthAppConfig = { slack: 'oa_fromconfig' };
    await el.updateComplete;
    inner(el).click();
    await waitFor(() => overlay()?.querySelector('iframe'), 5000, 'iframe');
    expect(overlay()!.querySelector('iframe')!.src).to.contain('oauthAppId=oa_fromconfig');
    const close = oneEvent(el, 'pd-connect-close');
    await inFrame('frame-click', '#close');
    await close;
  });

  it('reconnects an unhealthy account with account-id', async () => {
    const user = uniqueUser();
    const seeded = await seedAccount(user, 'github', { healthy: false, environment: 'development' });
    const el = await button(user, `account-id=${seeded.id}`, 'github');
    await waitFor(() => inner(el).textContent?.includes('Reconnect GitHub'), 3000, 'reconnect label');
    const success = oneEvent(el, 'pd-connect-success') as Promise<PdConnectSuccessEvent>;
    inner(el).click();
    await waitFor(() => states(el).includes('connecting'), 5000, 'connecting');
    expect(overlay()!.querySelector('iframe')!.src).to.contain(`accountId=${seeded.id}`);
    await inFrame('frame-click', 'role=button[name="Allow"]');
    const { account, reconnected } = await success;
    expect(account.id).to.equal(seeded.id);
    expect(account.healthy).to.equal(true);
    expect(reconnected).to.equal(true);
  });

  it('mode="link" opens Connect Link in a new window and finds the new account when it closes', async () => {
    const user = uniqueUser();
    const el = await button(user, 'mode=link', 'notion');
    const success = oneEvent(el, 'pd-connect-success') as Promise<PdConnectSuccessEvent>;
    inner(el).click();
    expect(overlay()).to.equal(null);
    await inFrame('frame-click', 'role=button[name="Allow"]');
    await inFrame('frame-wait', 'text=/can close this window/i');
    await inFrame('frame-close-window', 'body');
    const { account } = await success;
    expect(account.app?.nameSlug).to.equal('notion');
    expect(states(el)).to.deep.equal(['connected']);
  });

  it('cancelling pd-connect-start opens nothing', async () => {
    const user = uniqueUser();
    const el = await button(user);
    el.addEventListener('pd-connect-start', (event) => event.preventDefault());
    await appLoaded(el);
    const before = await tokenRequestsFor(user);
    inner(el).click();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(overlay()).to.equal(null);
    expect(states(el)).to.deep.equal(['idle']);
    expect(await tokenRequestsFor(user)).to.equal(before);
  });

  it('shows a clear configuration error for a missing app, user or token source', async () => {
    const noApp = await fixture<PdConnectButton>(html`<pd-connect-button external-user-id="u" token-endpoint="/api/connect-token"></pd-connect-button>`);
    expect(noApp.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('app attribute');
    const error = oneEvent(noApp, 'pd-connect-error') as Promise<PdConnectErrorEvent>;
    inner(noApp).click();
    expect((await error).code).to.equal('config_invalid');
    await expect(noApp).to.be.accessible();

    const noUser = await fixture<PdConnectButton>(html`<pd-connect-button app="slack" token-endpoint="/api/connect-token"></pd-connect-button>`);
    expect(noUser.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('external-user-id');
    const noToken = await fixture<PdConnectButton>(html`<pd-connect-button app="slack" external-user-id="u"></pd-connect-button>`);
    expect(noToken.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('token-endpoint');
    const badMode = await fixture<PdConnectButton>(html`<pd-connect-button app="slack" external-user-id="u" token-endpoint="/t" mode="popup"></pd-connect-button>`);
    expect(badMode.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('mode must be');
  });

  it('reports each token endpoint failure as token_failed with a clear message', async () => {
    const cases: [string, RegExp][] = [
      ['status-500', /HTTP 500/],
      ['not-json', /did not answer JSON/],
      ['no-token', /no "token"/],
      ['expired', /expired/],
      ['hang-up', /could not be reached/],
    ];
    for (const [mode, message] of cases) {
      const user = uniqueUser(mode);
      await fetch('/api/token-mode', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user, mode }) });
      const el = await button(user);
      const error = oneEvent(el, 'pd-connect-error') as Promise<PdConnectErrorEvent>;
      inner(el).click();
      const event = await error;
      expect(event.code, mode).to.equal('token_failed');
      expect(event.message, mode).to.match(message);
      expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent, mode).to.match(message);
      expect(overlay()).to.equal(null);
      el.remove();
    }
  });

  it('prefetches the connect token on hover and focus, and uses it', async () => {
    const user = uniqueUser();
    const el = await button(user);
    await appLoaded(el);
    const before = await tokenRequestsFor(user);
    inner(el).dispatchEvent(new PointerEvent('pointerenter'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await tokenRequestsFor(user)).to.equal(before + 1);
    inner(el).click();
    await waitFor(() => states(el).includes('connecting'), 5000, 'connecting');
    expect(await tokenRequestsFor(user)).to.equal(before + 1);
    const close = oneEvent(el, 'pd-connect-close');
    await inFrame('frame-click', '#close');
    await close;
  });

  it('takes its settings from a provider and renders in German and right-to-left Arabic', async () => {
    const user = uniqueUser();
    const wrapper = await fixture(html`
      <pd-connect-provider external-user-id=${user} token-endpoint="/api/connect-token" base-url=${env.emulatorUrl} frontend-host=${env.emulatorUrl} locale="de" theme="dark">
        <pd-connect-button app="notion"></pd-connect-button>
        <pd-connect-button app="notion" locale="ar"></pd-connect-button>
      </pd-connect-provider>
    `);
    const [german, arabic] = [...wrapper.querySelectorAll('pd-connect-button')] as PdConnectButton[];
    await waitFor(() => inner(german!).textContent?.includes('Notion verbinden'), 3000, 'German label');
    // The app's name is isolated from the Arabic around it (U+2068 … U+2069).
    await waitFor(() => inner(arabic!).textContent?.includes('ربط \u2068Notion\u2069'), 3000, 'Arabic label');
    expect(arabic!.shadowRoot!.querySelector('[dir]')!.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(inner(german!)).direction).to.equal('ltr');
    expect(getComputedStyle(inner(arabic!)).direction).to.equal('rtl');
    // Dark theme from the provider: the accent token switches.
    expect(getComputedStyle(inner(german!)).backgroundColor).to.equal('rgb(129, 140, 248)');
    await expect(wrapper).to.be.accessible();
  });

  it('theme="system" follows the OS colour scheme, and tokens set on an ancestor win', async () => {
    const el = await button(uniqueUser(), 'theme=system');
    await emulateMedia({ colorScheme: 'dark' });
    try {
      await waitFor(() => getComputedStyle(inner(el)).backgroundColor === 'rgb(129, 140, 248)', 2000, 'dark accent');
      await emulateMedia({ colorScheme: 'light' });
      await waitFor(() => getComputedStyle(inner(el)).backgroundColor === 'rgb(79, 70, 229)', 2000, 'light accent');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
    el.parentElement!.style.setProperty('--pd-color-accent', 'rgb(15, 118, 110)');
    // The colour transitions: wait for it to settle.
    await waitFor(() => getComputedStyle(inner(el)).backgroundColor === 'rgb(15, 118, 110)', 2000, 'ancestor token');
  });

  it('per-string overrides win over the locale', async () => {
    const el = await button(uniqueUser());
    el.strings = { 'connect.label': 'Link your {app} workspace' };
    await waitFor(() => inner(el).textContent?.includes('Link your Slack workspace'), 3000, 'override');
  });

  it('Tailwind utilities that rely on @property work inside the shadow root', async () => {
    const el = await button(uniqueUser());
    // shadow-pd compiles to box-shadow through --tw-* variables declared with @property.
    expect(getComputedStyle(inner(el)).boxShadow).to.not.equal('none');
  });
});
