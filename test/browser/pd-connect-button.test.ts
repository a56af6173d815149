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
      // Named for its app: beside other apps' buttons, a bare "Try again" says nothing of which.
      await el.updateComplete;
      expect(inner(el).textContent?.replace(/\s+/g, ' ').trim(), mode).to.equal('Try connecting Slack again');
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

describe('<pd-connect-button> connect page options', () => {
  const realOpen = window.open;
  afterEach(async () => {
    window.open = realOpen;
    (overlay()?.querySelector('button') as HTMLButtonElement | null)?.click();
    await waitFor(() => !overlay(), 3000, 'overlay to close');
    expect(takeUnhandledRejections()).to.deep.equal([]);
  });

  /** The connect page's URL as the browser loaded it (not only as our overlay set it). */
  async function pageUrl(): Promise<URL> {
    // This flow's page: the one with the overlay's token (frames of closed pages may linger).
    const token = new URL((await waitFor(() => overlay()?.querySelector('iframe'), 5000, 'iframe')).src).searchParams.get('token')!;
    for (const started = Date.now(); Date.now() - started < 5000; await new Promise((resolve) => setTimeout(resolve, 50))) {
      const found = ((await executeServerCommand('frame-urls', {})) as string[]).filter((url) => url.includes('/_static/connect.html') && url.includes(token));
      if (found.length) return new URL(found.pop()!);
    }
    throw new Error('Timed out waiting for the connect page frame');
  }
  const visibleInFrame = async (selector: string) => (await inFrame('frame-visible', selector)) as boolean;
  const fallback = (el: PdConnectButton) => el.shadowRoot!.querySelector('[part~="fallback"]');
  const fallbackLink = (el: PdConnectButton) => el.shadowRoot!.querySelector<HTMLAnchorElement>('[part~="fallback-link"]');

  it('sends every option the SDK sends, and the account gets the scope profile\'s scopes', async () => {
    const el = await button(uniqueUser(), 'oauth-scope-profile=read_only app-override-id=ao_test1 custom-oauth-client hide-close oauth-app-id=oa_test1');
    const success = oneEvent(el, 'pd-connect-success') as Promise<PdConnectSuccessEvent>;
    inner(el).click();
    await waitFor(() => states(el).includes('connecting'), 5000, 'connecting');
    const params = (await pageUrl()).searchParams;
    expect(params.get('app')).to.equal('slack');
    expect(params.get('oauthScopeProfile')).to.equal('read_only');
    expect(params.get('appOverrideId')).to.equal('ao_test1');
    expect(params.get('customOauthClient')).to.equal('true');
    expect(params.get('hideClose')).to.equal('true');
    expect(params.get('oauthAppId')).to.equal('oa_test1');
    // The page says what it will ask for: the profile's scopes, not the app's full set.
    const requested = (await inFrame('frame-text', '#requested-scopes')) as string;
    expect(requested).to.contain('read only');
    expect(requested).to.contain('channels:read');
    expect(requested).to.not.contain('chat:write');
    // customOauthClient: the page asks for the user's own OAuth client first.
    await inFrame('frame-click', 'role=button[name="Allow"]');
    expect(await visibleInFrame('text=OAuth client ID is required.')).to.equal(true);
    await inFrame('frame-fill', 'input[name="oauth_client_id"]', 'my-client');
    await inFrame('frame-fill', 'input[name="oauth_client_secret"]', 'my-secret');
    await inFrame('frame-click', 'role=button[name="Allow"]');
    const { account } = await success;
    expect(account.authorizedScopes).to.deep.equal(['channels:read', 'channels:history', 'users:read']);
  });

  it('sends nothing extra by default, and the account gets the app\'s full scopes', async () => {
    const el = await button(uniqueUser());
    const success = oneEvent(el, 'pd-connect-success') as Promise<PdConnectSuccessEvent>;
    inner(el).click();
    await waitFor(() => states(el).includes('connecting'), 5000, 'connecting');
    const keys = [...(await pageUrl()).searchParams.keys()].sort();
    expect(keys).to.deep.equal(['app', 'token']);
    expect(await visibleInFrame('#close')).to.equal(true);
    await inFrame('frame-click', 'role=button[name="Allow"]');
    const { account } = await success;
    expect(account.authorizedScopes).to.include('chat:write');
  });

  it('takes per-app maps from the provider; the element\'s attribute overrides its app\'s entry', async () => {
    const user = uniqueUser();
    const wrapper = await fixture(html`
      <pd-connect-provider external-user-id=${user} token-endpoint="/api/connect-token" base-url=${env.emulatorUrl} frontend-host=${env.emulatorUrl}
        .oauthScopeProfiles=${{ slack: 'read_write', github: 'admin' }} .appOverrides=${{ slack: 'ao_provider' }} .customOauthClients=${{ slack: true }} hide-close>
        <pd-connect-button app="slack"></pd-connect-button>
        <pd-connect-button app="slack" oauth-scope-profile="read_only" app-override-id="ao_element"></pd-connect-button>
      </pd-connect-provider>
    `);
    const [fromProvider, overridden] = [...wrapper.querySelectorAll('pd-connect-button')] as PdConnectButton[];
    const seen: URLSearchParams[] = [];
    for (const el of [fromProvider!, overridden!]) {
      await el.updateComplete;
      const close = oneEvent(el, 'pd-connect-close');
      inner(el).click();
      await waitFor(() => states(el).includes('connecting'), 5000, 'connecting');
      seen.push((await pageUrl()).searchParams);
      (overlay()!.querySelector('button') as HTMLButtonElement).click();
      await close;
    }
    expect([seen[0]!.get('oauthScopeProfile'), seen[0]!.get('appOverrideId'), seen[0]!.get('customOauthClient'), seen[0]!.get('hideClose')])
      .to.deep.equal(['read_write', 'ao_provider', 'true', 'true']);
    expect([seen[1]!.get('oauthScopeProfile'), seen[1]!.get('appOverrideId'), seen[1]!.get('customOauthClient')])
      .to.deep.equal(['read_only', 'ao_element', 'true']);
  });

  it('hide-close hides the connect page\'s own close button; the overlay\'s stays as the way out', async () => {
    const el = await button(uniqueUser(), 'hide-close');
    inner(el).click();
    await waitFor(() => states(el).includes('connecting'), 5000, 'connecting');
    await inFrame('frame-wait', 'text=Allow');
    expect(await visibleInFrame('#close')).to.equal(false);
    const close = overlay()!.querySelector('button') as HTMLButtonElement;
    expect(close.getAttribute('aria-label')).to.equal('Close the connect window');
    expect(close.getClientRects().length > 0 && close.offsetWidth > 1).to.equal(true);
    const error = oneEvent(el, 'pd-connect-error') as Promise<PdConnectErrorEvent>;
    close.click();
    expect((await error).code).to.equal('user_cancelled');
  });

  it('a scope profile the app lacks is the connect page\'s error, reported as connect_failed', async () => {
    const user = uniqueUser();
    const el = await button(user, 'oauth-scope-profile=everything');
    inner(el).click();
    await waitFor(() => states(el).includes('connecting'), 5000, 'connecting');
    await inFrame('frame-wait', 'text=/no OAuth scope profile "everything"/');
    const error = oneEvent(el, 'pd-connect-error') as Promise<PdConnectErrorEvent>;
    await inFrame('frame-click', '#close');
    const event = await error;
    expect(event.code).to.equal('connect_failed');
    expect(event.message).to.contain('Slack has no OAuth scope profile "everything" (it has read_only, read_write)');
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('everything');
    expect(states(el)).to.deep.equal(['error']);
    expect((await requestsFor(user, '/v1/connect/accounts')).filter((request) => request.method === 'POST')).to.deep.equal([]);
  });

  it('a wrong value in a per-app map is a clear configuration error', async () => {
    const el = await button(uniqueUser());
    el.oauthScopeProfiles = { slack: 5 } as unknown as Record<string, string>;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('oauthScopeProfiles must map each app slug to text; "slack" maps to 5.');
    const error = oneEvent(el, 'pd-connect-error') as Promise<PdConnectErrorEvent>;
    inner(el).click();
    expect((await error).code).to.equal('config_invalid');
    expect(overlay()).to.equal(null);
    el.oauthScopeProfiles = undefined;
    el.customOauthClients = { slack: 'yes' } as unknown as Record<string, boolean>;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('customOauthClients must map each app slug to true or false; "slack" maps to "yes".');
    el.customOauthClients = ['slack'] as unknown as Record<string, boolean>;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('customOauthClients must be an object of app slugs');
  });

  it('a blocked Connect Link window is offered as a link; opened with the keyboard, its account is found', async () => {
    // What a browser's pop-up blocker does: window.open returns null.
    window.open = () => null;
    const user = uniqueUser();
    const el = await button(user, 'mode=link oauth-scope-profile=read_only');
    const success = oneEvent(el, 'pd-connect-success') as Promise<PdConnectSuccessEvent>;
    inner(el).focus();
    await sendKeys({ press: 'Enter' });
    const link = await waitFor(() => fallbackLink(el), 5000, 'fallback link');
    expect(states(el)).to.deep.equal(['connecting']);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.contain('blocked the Slack connect window');
    expect(fallback(el)!.textContent).to.contain('Open it with this link instead');
    const url = new URL(link.href);
    expect(url.pathname).to.equal('/_static/connect.html');
    expect(url.searchParams.get('connectLink')).to.equal('true');
    expect(url.searchParams.get('oauthScopeProfile')).to.equal('read_only');
    expect(link.target).to.equal('_blank');
    expect(link.relList.contains('noopener')).to.equal(true);
    // The link is the next step: it has focus.
    expect(el.shadowRoot!.activeElement === link).to.equal(true);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => fallback(el)?.textContent?.includes('Finish connecting in the new tab'), 3000, 'opened text');
    await inFrame('frame-click', 'role=button[name="Allow"]');
    await inFrame('frame-wait', 'text=/can close this window/i');
    const { account } = await success;
    expect(account.app?.nameSlug).to.equal('slack');
    expect(account.authorizedScopes).to.deep.equal(['channels:read', 'channels:history', 'users:read']);
    expect(states(el)).to.deep.equal(['connected']);
    expect(fallback(el)).to.equal(null);
    // Focus was on the link, which is gone: it is back on the button.
    await waitFor(() => document.activeElement === el && el.shadowRoot!.activeElement === inner(el), 2000, 'focus on the button');
    await inFrame('frame-close-window', 'body');
  });

  it('a blocked window\'s link can be cancelled: user_cancelled, focus back on the button', async () => {
    window.open = () => null;
    const el = await button(uniqueUser(), 'mode=link', 'notion');
    const error = oneEvent(el, 'pd-connect-error') as Promise<PdConnectErrorEvent>;
    inner(el).click();
    await waitFor(() => fallbackLink(el), 5000, 'fallback link');
    const cancel = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="fallback-cancel"]')!;
    cancel.focus();
    await sendKeys({ press: 'Enter' });
    expect((await error).code).to.equal('user_cancelled');
    expect(fallback(el)).to.equal(null);
    expect(states(el)).to.deep.equal(['idle']);
    expect(document.activeElement === el).to.equal(true);
  });

  it('a Connect Link window the page cannot watch (a severed opener) waits for the account instead of reporting a cancel', async () => {
    // Under Cross-Origin-Opener-Policy the opener's handle reads closed once the page loads.
    window.open = () => ({ closed: true, opener: null, location: { href: '' }, close() {} }) as unknown as Window;
    const user = uniqueUser();
    const el = await button(user, 'mode=link', 'notion');
    const events: string[] = [];
    el.addEventListener('pd-connect-error', () => events.push('error'));
    const success = oneEvent(el, 'pd-connect-success') as Promise<PdConnectSuccessEvent>;
    inner(el).click();
    await waitFor(() => fallback(el), 5000, 'waiting text');
    expect(fallback(el)!.textContent).to.contain('Finish connecting in the connect window');
    expect(fallbackLink(el)!.href).to.contain('connectLink=true');
    // The user connects in the window this page lost sight of.
    const made = await seedAccount(user, 'notion', { environment: 'development' });
    const { account } = await success;
    expect(account.id).to.equal(made.id);
    expect(events).to.deep.equal([]);
    expect(states(el)).to.deep.equal(['connected']);
  });
});
