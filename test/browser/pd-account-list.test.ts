import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/elements/account-list/pd-account-list.js';
import '../../src/elements/connect-button/pd-connect-button.js';
import type { PdAccountList } from '../../src/elements/account-list/pd-account-list.js';
import type { PdConnectSuccessEvent, PdDisconnectEvent, PdDisconnectRequestEvent, PdErrorEvent } from '../../src/events/index.js';
import type { Account } from '../../src/session/types.js';
import { admin, env, requestsFor, seedAccount, takeUnhandledRejections, tokenFor, uniqueUser, waitFor } from '../support/browser-env.js';

/** The test token endpoint mints `development` tokens: seed accounts there. */
const seed = (user: string, name: string, extra: Record<string, unknown> = {}, app = 'slack') =>
  seedAccount(user, app, { name, environment: 'development', ...extra });

interface ListOptions {
  app?: string;
  theme?: string;
  locale?: string;
  endpoint?: string;
  all?: boolean;
  tokenEndpoint?: string | null;
}

function list(user: string, options: ListOptions = {}) {
  return html`<pd-account-list
    external-user-id=${user}
    token-endpoint=${ifDefined(options.tokenEndpoint === null ? undefined : (options.tokenEndpoint ?? '/api/connect-token'))}
    base-url=${env.emulatorUrl}
    frontend-host=${env.emulatorUrl}
    app=${ifDefined(options.app)}
    theme=${ifDefined(options.theme)}
    locale=${ifDefined(options.locale)}
    disconnect-endpoint=${ifDefined(options.endpoint)}
    ?allow-disconnect-all=${options.all ?? false}
  ></pd-account-list>`;
}

const root = (el: PdAccountList) => el.shadowRoot as ShadowRoot;
const part = (el: PdAccountList, name: string, scope: ParentNode = root(el)) => scope.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: PdAccountList, name: string, scope: ParentNode = root(el)) => [...scope.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
/** Whether a part is rendered (assert on booleans: a DOM node in a failed assertion stalls the runner's error serialisation). */
const has = (el: PdAccountList, name: string, scope: ParentNode = root(el)) => part(el, name, scope) !== null;
const rows = (el: PdAccountList) => parts(el, 'item');
const names = (el: PdAccountList) => rows(el).map((row) => part(el, 'name', row)?.textContent?.trim());
const row = (el: PdAccountList, name: string) => rows(el).find((item) => part(el, 'name', item)?.textContent?.trim() === name) as HTMLElement;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const announced = (el: PdAccountList) => text(root(el).querySelector('[role="status"]'));
const focused = (el: PdAccountList) => root(el).activeElement as HTMLElement | null;
const hasState = (el: PdAccountList, name: string) => el.matches(`:state(${name})`);

async function mount(user: string, options: ListOptions = {}) {
  return fixture<PdAccountList>(list(user, options));
}

async function loaded(el: PdAccountList, count?: number) {
  await waitFor(() => part(el, 'list') && (count === undefined || rows(el).length === count), 8000, `${count ?? 'some'} rows`);
  await el.updateComplete;
}

const accountsGets = async (user: string) => (await requestsFor(user, '/v1/connect/accounts')).filter((entry) => entry.method === 'GET' && entry.path.endsWith('/accounts'));
const deletes = async (user: string) => (await requestsFor(user, '/v1/connect/accounts')).filter((entry) => entry.method === 'DELETE');

/** The user's accounts as the emulator has them now (a fresh token, straight over HTTP). */
async function accountsAtEmulator(user: string): Promise<string[]> {
  const token = await tokenFor(user);
  const answer = await fetch(`${env.emulatorUrl}/v1/connect/accounts?limit=100`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await answer.json()) as { data: { id: string; name: string }[] };
  return body.data.map((account) => account.name);
}

/** Deletes accounts straight over the Connect API, as another tab or the host's server would: the page hears nothing of it. */
async function deleteElsewhere(user: string, ids: string[]) {
  const token = await tokenFor(user);
  for (const id of ids) {
    const answer = await fetch(`${env.emulatorUrl}/v1/connect/accounts/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect(answer.status).to.equal(204);
  }
}

/** Disconnects an account through the list's own buttons; resolves once it is deleted. */
async function disconnect(el: PdAccountList, name: string) {
  const done = oneEvent(el, 'pd-disconnect');
  const confirm = await openConfirm(el, name);
  part(el, 'confirm-button', confirm)?.click();
  await done;
}

async function openConfirm(el: PdAccountList, name: string) {
  part(el, 'disconnect-button', row(el, name))?.click();
  await el.updateComplete;
  return part(el, 'confirm', row(el, name)) as HTMLElement;
}

describe('<pd-account-list>', () => {
  afterEach(async () => {
    await admin('/faults', 'DELETE');
    expect(takeUnhandledRejections().map(String)).to.deep.equal([]);
  });

  it('shows skeleton rows while loading, then each account with its app, date and health', async () => {
    const user = uniqueUser('list');
    await seed(user, 'Old Workspace', { dead: true, healthy: false });
    await seed(user, 'Acme Sales', { healthy: false });
    await seed(user, 'Acme Workspace');
    await admin('/faults', 'POST', { rules: [{ path: '/v1/connect/accounts', latencyMs: 400, times: 1 }] });
    const el = await mount(user);

    expect(hasState(el, 'loading')).to.equal(true);
    expect(parts(el, 'skeleton').length).to.be.greaterThan(0);
    expect(root(el).querySelector('[aria-busy="true"]') !== null).to.equal(true);
    await waitFor(() => announced(el) === 'Loading accounts…', 2000, 'the loading announcement');
    await expect(el).to.be.accessible();

    await loaded(el, 3);
    expect(hasState(el, 'ready')).to.equal(true);
    expect(hasState(el, 'loading')).to.equal(false);
    expect(root(el).querySelector('[aria-busy="true"]') !== null).to.equal(false);
    expect(part(el, 'list')?.tagName).to.equal('UL');
    expect(part(el, 'list')?.getAttribute('role')).to.equal('list');
    expect(names(el)).to.deep.equal(['Acme Workspace', 'Acme Sales', 'Old Workspace']);
    expect(rows(el).every((item) => item.tagName === 'LI')).to.equal(true);
    expect(text(part(el, 'app-name', row(el, 'Acme Workspace')))).to.equal('Slack');
    expect(text(part(el, 'status', row(el, 'Acme Workspace')))).to.equal('Healthy');
    expect(text(part(el, 'status', row(el, 'Acme Sales')))).to.equal('Needs reconnect');
    expect(text(part(el, 'status', row(el, 'Old Workspace')))).to.equal('Disconnected');
    const meta = part(el, 'meta', row(el, 'Acme Workspace'));
    expect(text(meta)).to.contain(`Connected ${new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date())}`);
    expect(meta?.querySelector('time')?.getAttribute('datetime')).to.match(/^\d{4}-\d\d-\d\dT/);
    // An icon for every row: the logo cannot load offline, so coloured initials stand in.
    expect(text(part(el, 'icon', row(el, 'Acme Workspace')))).to.equal('S');
    expect(has(el, 'reconnect-button', row(el, 'Acme Workspace'))).to.equal(false);
    expect(part(el, 'reconnect-button', row(el, 'Acme Sales'))?.getAttribute('aria-label')).to.equal('Reconnect Acme Sales');
    expect(has(el, 'reconnect-button', row(el, 'Old Workspace'))).to.equal(true);
    expect(part(el, 'disconnect-button', row(el, 'Acme Sales'))?.getAttribute('aria-label')).to.equal('Disconnect Acme Sales');
    expect(text(part(el, 'count'))).to.contain('3 accounts');
    expect(announced(el)).to.equal('3 accounts loaded.');
    const base = part(el, 'base');
    expect(base?.getAttribute('dir')).to.equal('ltr');
    expect(base?.getAttribute('lang')).to.equal('en');
    await expect(el).to.be.accessible();
  });

  it('formats dates and text for the locale, right to left for Arabic', async () => {
    const user = uniqueUser('locale');
    await seed(user, 'Acme Workspace');
    const de = await mount(user, { locale: 'de' });
    await loaded(de, 1);
    expect(text(part(de, 'meta'))).to.contain(`Verbunden am ${new Intl.DateTimeFormat('de', { dateStyle: 'medium' }).format(new Date())}`);
    expect(text(part(de, 'status'))).to.equal('Funktioniert');
    const ar = await mount(user, { locale: 'ar' });
    await loaded(ar, 1);
    expect(part(ar, 'base')?.getAttribute('dir')).to.equal('rtl');
    expect(part(ar, 'base')?.getAttribute('lang')).to.equal('ar');
  });

  it('shows the empty state with its default text, or the slotted content', async () => {
    const user = uniqueUser('empty');
    const el = await mount(user);
    await waitFor(() => part(el, 'empty'), 5000, 'the empty state');
    expect(hasState(el, 'empty')).to.equal(true);
    expect(text(part(el, 'empty'))).to.equal('No connected accounts yet.');
    expect(has(el, 'list')).to.equal(false);
    await waitFor(() => announced(el) === 'No connected accounts yet.', 2000, 'the empty announcement');
    await expect(el).to.be.accessible();

    const slotted = await fixture<PdAccountList>(html`<pd-account-list
      external-user-id=${user}
      token-endpoint="/api/connect-token"
      base-url=${env.emulatorUrl}
      frontend-host=${env.emulatorUrl}
    ><p slot="empty">Connect Slack to get started.</p></pd-account-list>`);
    await waitFor(() => part(slotted, 'empty'), 5000, 'the empty state');
    const slot = root(slotted).querySelector<HTMLSlotElement>('slot[name="empty"]');
    expect(slot?.assignedElements().map((node) => node.textContent)).to.deep.equal(['Connect Slack to get started.']);
  });

  it('shows a load error with Retry, fires pd-error, and recovers', async function () {
    this.timeout(20000);
    const user = uniqueUser('error');
    await seed(user, 'Acme Workspace');
    // The SDK retries a 5xx twice: three failures make a visible error.
    await admin('/faults', 'POST', { rules: [{ path: '/v1/connect/accounts', status: 500, times: 3 }] });
    const failed = oneEvent(document, 'pd-error') as Promise<PdErrorEvent>;
    const el = await mount(user);
    const event = await failed;
    expect(event.code).to.equal('load_failed');
    expect(event.message).to.be.a('string').and.not.equal('');
    await waitFor(() => part(el, 'retry-button'), 5000, 'the retry button');
    expect(hasState(el, 'error')).to.equal(true);
    expect(text(part(el, 'error'))).to.match(/^Could not load your accounts: /);
    expect(announced(el)).to.match(/^Could not load your accounts: /);
    await expect(el).to.be.accessible();

    part(el, 'retry-button')?.click();
    await loaded(el, 1);
    expect(hasState(el, 'error')).to.equal(false);
    expect(hasState(el, 'ready')).to.equal(true);
    expect(names(el)).to.deep.equal(['Acme Workspace']);
  });

  it('shows a configuration mistake instead of the list', async () => {
    const el = await mount(uniqueUser('config'), { tokenEndpoint: null });
    expect(hasState(el, 'error')).to.equal(true);
    expect(text(part(el, 'error'))).to.equal('This account list is not set up: set token-endpoint, or the tokenCallback or token property.');
    await expect(el).to.be.accessible();
  });

  it('shows only the accounts of the app set in `app`', async () => {
    const user = uniqueUser('filter');
    await seed(user, 'Acme Workspace');
    await seed(user, 'octo-acme', {}, 'github');
    const el = await mount(user, { app: 'github' });
    await loaded(el, 1);
    expect(names(el)).to.deep.equal(['octo-acme']);
    expect(text(part(el, 'app-name'))).to.equal('GitHub');
    const [request] = await accountsGets(user);
    expect(request?.query).to.contain('app=github');
  });

  it('pages through 45 accounts, 20 at a time, with "Show more accounts", from one request', async () => {
    const user = uniqueUser('paging');
    await Promise.all(Array.from({ length: 45 }, (_, index) => seed(user, `Workspace ${index + 1}`)));
    const el = await mount(user);
    await loaded(el, 20);
    expect(text(part(el, 'count'))).to.contain('45 accounts');
    let requests = await accountsGets(user);
    // One page of the shared query holds up to 100 accounts: the list shows 20 of them at a time.
    expect(requests).to.have.length(1);
    expect(requests[0]?.query).to.contain('limit=100');
    expect(text(part(el, 'load-more'))).to.equal('Show more accounts');

    part(el, 'load-more')?.click();
    await loaded(el, 40);
    await waitFor(() => announced(el) === '40 accounts loaded.', 2000, 'the announcement');
    expect(part(el, 'load-more')?.getAttribute('aria-busy')).to.equal('false');

    // The last accounts: the button goes away, and focus moves on to the first new account.
    const firstNew = rows(el).length;
    const more = part(el, 'load-more') as HTMLElement;
    more.focus();
    more.click();
    await loaded(el, 45);
    await waitFor(() => announced(el) === '45 accounts loaded.', 2000, 'the announcement');
    expect(has(el, 'load-more')).to.equal(false);
    expect(focused(el)?.closest('li') === rows(el)[firstNew]).to.equal(true);
    expect(new Set(names(el)).size).to.equal(45);
    // The accounts were loaded already: no request for them.
    requests = await accountsGets(user);
    expect(requests).to.have.length(1);
  });

  it('loads the next page when the loaded accounts run out, after a refresh in flight instead of cancelling it', async function () {
    this.timeout(30000);
    const user = uniqueUser('paging-refresh');
    // Seeded one after another: the newest account comes first.
    for (let index = 0; index < 105; index += 1) await seed(user, `Workspace ${String(index + 1).padStart(3, '0')}`);
    const wrapper = await fixture<HTMLElement>(html`<div>${list(user)}${list(user)}</div>`);
    const [first, second] = [...wrapper.querySelectorAll('pd-account-list')] as [PdAccountList, PdAccountList];
    await loaded(first, 20);
    await loaded(second, 20);
    for (const count of [40, 60, 80, 100]) {
      part(first, 'load-more')?.click();
      await loaded(first, count);
    }
    // Shown from the first page of 100, which both lists share.
    expect(await accountsGets(user)).to.have.length(1);
    const victim = names(first)[0] as string;
    expect(names(second)[0]).to.equal(victim);

    // The refresh after a disconnect is still running when the user asks for more.
    await admin('/faults', 'POST', { rules: [{ method: 'GET', path: '/v1/connect/accounts', latencyMs: 800 }] });
    await disconnect(first, victim);
    await waitFor(() => has(first, 'load-more'), 2000, 'the button');
    part(first, 'load-more')?.click();
    await first.updateComplete;
    expect(part(first, 'load-more')?.getAttribute('aria-busy')).to.equal('true');
    expect(text(part(first, 'load-more'))).to.equal('Loading more…');

    await loaded(first, 104);
    await waitFor(() => announced(first) === '104 accounts loaded.', 3000, 'the announcement');
    expect(names(first).includes(victim)).to.equal(false);
    expect(new Set(names(first)).size).to.equal(104);
    // The refresh was not cancelled: the shared cache no longer holds the disconnected account.
    await waitFor(() => !names(second).includes(victim), 3000, 'the other list to drop the disconnected account');
    expect(names(second)).to.have.length(20);
    const requests = await accountsGets(user);
    expect(requests).to.have.length(3);
    expect(requests[2]?.query).to.contain('after=');
  });

  it('shows 20 again after a refresh left fewer accounts than it showed', async function () {
    this.timeout(20000);
    const user = uniqueUser('shrink');
    const seeded = await Promise.all(Array.from({ length: 45 }, (_, index) => seed(user, `Workspace ${index + 1}`)));
    const el = await mount(user);
    await loaded(el, 20);
    part(el, 'load-more')?.click();
    await loaded(el, 40);

    // Most accounts go elsewhere; the next refresh (after a disconnect here) brings 19.
    const elsewhere = seeded.filter((account) => account.name !== names(el)[0]).slice(0, 25);
    await deleteElsewhere(user, elsewhere.map((account) => account.id));
    await disconnect(el, names(el)[0] as string);
    await loaded(el, 19);
    expect(has(el, 'load-more')).to.equal(false);

    // Accounts connected later do not unfold the list to the 40 it showed before.
    await Promise.all(Array.from({ length: 30 }, (_, index) => seed(user, `Later ${index + 1}`)));
    await disconnect(el, names(el)[0] as string);
    await waitFor(() => names(el).some((name) => name?.startsWith('Later')), 5000, 'the later accounts');
    await el.updateComplete;
    expect(rows(el)).to.have.length(20);
    expect(text(part(el, 'count'))).to.contain('48 accounts');
    expect(has(el, 'load-more')).to.equal(true);
  });

  it('reconnects an unhealthy account through the connect page', async () => {
    const user = uniqueUser('reconnect');
    const seeded = await seed(user, 'Acme Workspace', { healthy: false, error: 'token revoked' });
    const el = await mount(user);
    await loaded(el, 1);
    const button = part(el, 'reconnect-button') as HTMLButtonElement;
    const success = oneEvent(el, 'pd-connect-success') as Promise<PdConnectSuccessEvent>;
    button.click();
    await executeServerCommand('frame-click', { urlIncludes: '/_static/connect.html', selector: 'role=button[name="Allow"]' });
    const event = await success;
    expect(event.account.id).to.equal(seeded.id);
    expect(event.reconnected).to.equal(true);
    await waitFor(() => text(part(el, 'status')) === 'Healthy', 5000, 'the healthy badge');
    expect(has(el, 'reconnect-button')).to.equal(false);
    // Focus went back to the Reconnect button, which is gone now: it lands on the row's Disconnect.
    await waitFor(() => focused(el)?.getAttribute('part') === 'disconnect-button', 2000, 'focus on Disconnect');
    expect(announced(el)).to.equal('Acme Workspace is connected.');
  });

  it('a reconnect asks for the scope profile of the app\'s oauthScopeProfiles entry', async () => {
    const user = uniqueUser('reconnect-scopes');
    const seeded = await seed(user, 'Acme Workspace', { healthy: false, error: 'token revoked' });
    const el = await mount(user);
    el.oauthScopeProfiles = { slack: 'read_only', github: 'admin' };
    el.hideClose = true;
    await loaded(el, 1);
    const success = oneEvent(el, 'pd-connect-success') as Promise<PdConnectSuccessEvent>;
    const closed = oneEvent(el, 'pd-connect-close');
    (part(el, 'reconnect-button') as HTMLButtonElement).click();
    const frame = await waitFor(() => document.querySelector<HTMLIFrameElement>('[data-pd-connect-overlay] iframe'), 5000, 'the connect page');
    const params = new URL(frame.src).searchParams;
    expect([params.get('accountId'), params.get('oauthScopeProfile'), params.get('hideClose')]).to.deep.equal([seeded.id, 'read_only', 'true']);
    await executeServerCommand('frame-click', { urlIncludes: '/_static/connect.html', selector: 'role=button[name="Allow"]' });
    const { account } = await success;
    expect(account.id).to.equal(seeded.id);
    expect(account.authorizedScopes).to.deep.equal(['channels:read', 'channels:history', 'users:read']);
    // The page closes itself after a success: the next test starts without it.
    await closed;
  });

  it('disconnects after confirmation: request event, delete, then pd-disconnect', async () => {
    const user = uniqueUser('disconnect');
    await seed(user, 'Acme Sales');
    const target = await seed(user, 'Acme Workspace');
    const el = await mount(user);
    await loaded(el, 2);

    const confirm = await openConfirm(el, 'Acme Workspace');
    expect(text(confirm)).to.contain('Disconnect Acme Workspace? Workflows using it will stop working.');
    expect(focused(el)?.getAttribute('part')).to.equal('confirm-button');
    expect(part(el, 'disconnect-button', row(el, 'Acme Workspace'))?.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();

    const order: string[] = [];
    el.addEventListener('pd-disconnect-request', () => order.push('request'));
    const requested = oneEvent(el, 'pd-disconnect-request') as Promise<PdDisconnectRequestEvent>;
    const done = oneEvent(el, 'pd-disconnect') as Promise<PdDisconnectEvent>;
    el.addEventListener('pd-disconnect', () => order.push('disconnect'));
    part(el, 'confirm-button', confirm)?.click();
    expect((await requested).account.id).to.equal(target.id);
    const event = await done;
    expect(event.account.id).to.equal(target.id);
    expect(order).to.deep.equal(['request', 'disconnect']);

    expect(names(el)).to.deep.equal(['Acme Sales']);
    expect(await deletes(user)).to.have.length(1);
    expect(await accountsAtEmulator(user)).to.deep.equal(['Acme Sales']);
    expect(announced(el)).to.equal('Acme Workspace was disconnected.');
    // The row that held focus is gone: focus moves on to the remaining account.
    expect(focused(el)?.getAttribute('part')).to.equal('disconnect-button');
  });

  it('keeps the account when the confirmation is cancelled, by button or by Escape', async () => {
    const user = uniqueUser('cancel');
    await seed(user, 'Acme Workspace');
    const el = await mount(user);
    await loaded(el, 1);

    const confirm = await openConfirm(el, 'Acme Workspace');
    part(el, 'cancel-button', confirm)?.click();
    await el.updateComplete;
    expect(has(el, 'confirm')).to.equal(false);
    expect(focused(el)?.getAttribute('part')).to.equal('disconnect-button');

    await openConfirm(el, 'Acme Workspace');
    expect(focused(el)?.getAttribute('part')).to.equal('confirm-button');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(has(el, 'confirm')).to.equal(false);
    expect(focused(el)?.getAttribute('part')).to.equal('disconnect-button');

    expect(names(el)).to.deep.equal(['Acme Workspace']);
    expect(await deletes(user)).to.have.length(0);
  });

  it('keeps the account and sends no DELETE when pd-disconnect-request is prevented', async () => {
    const user = uniqueUser('prevent');
    await seed(user, 'Acme Workspace');
    const el = await mount(user);
    await loaded(el, 1);
    let disconnected = false;
    el.addEventListener('pd-disconnect-request', (event) => event.preventDefault());
    el.addEventListener('pd-disconnect', () => (disconnected = true));
    const confirm = await openConfirm(el, 'Acme Workspace');
    const requested = oneEvent(el, 'pd-disconnect-request');
    part(el, 'confirm-button', confirm)?.click();
    await requested;
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(has(el, 'confirm')).to.equal(false);
    expect(names(el)).to.deep.equal(['Acme Workspace']);
    expect(disconnected).to.equal(false);
    expect(await deletes(user)).to.have.length(0);
    expect(await accountsAtEmulator(user)).to.deep.equal(['Acme Workspace']);
  });

  it('deletes through the host with `disconnectCallback`', async () => {
    const user = uniqueUser('callback');
    const target = await seed(user, 'Acme Workspace');
    const el = await mount(user);
    const handled: Account[] = [];
    // The host's own server deletes the account (here: straight over HTTP with a fresh token).
    el.disconnectCallback = async (account) => {
      handled.push(account);
      const { token } = (await (await fetch('/api/connect-token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ external_user_id: user }),
      })).json()) as { token: string };
      const answer = await fetch(`${env.emulatorUrl}/v1/connect/accounts/${account.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
      if (!answer.ok) throw new Error(`HTTP ${answer.status}`);
    };
    await loaded(el, 1);
    const confirm = await openConfirm(el, 'Acme Workspace');
    const done = oneEvent(el, 'pd-disconnect') as Promise<PdDisconnectEvent>;
    part(el, 'confirm-button', confirm)?.click();
    expect((await done).account.id).to.equal(target.id);
    expect(handled.map((account) => account.id)).to.deep.equal([target.id]);
    // Only the host's DELETE reached the API: the element did not delete it too.
    expect(await deletes(user)).to.have.length(1);
    await waitFor(() => part(el, 'empty'), 5000, 'the empty state');
    expect(await accountsAtEmulator(user)).to.deep.equal([]);
  });

  it('shows an inline error and keeps the account when the `disconnect-endpoint` fails', async () => {
    const user = uniqueUser('endpoint');
    await seed(user, 'Acme Workspace');
    const el = await mount(user, { endpoint: '/api/nope' });
    await loaded(el, 1);
    let disconnected = false;
    el.addEventListener('pd-disconnect', () => (disconnected = true));
    const failed = oneEvent(el, 'pd-error') as Promise<PdErrorEvent>;
    const confirm = await openConfirm(el, 'Acme Workspace');
    part(el, 'confirm-button', confirm)?.click();
    const event = await failed;
    expect(event.code).to.equal('disconnect_failed');
    await waitFor(() => has(el, 'item-error') && !has(el, 'confirm'), 5000, 'the inline error');
    expect(text(part(el, 'item-error', row(el, 'Acme Workspace')))).to.match(/^Could not disconnect Acme Workspace: The disconnect endpoint answered HTTP 4\d\d$/);
    expect(has(el, 'confirm')).to.equal(false);
    expect(focused(el)?.getAttribute('part')).to.equal('disconnect-button');
    expect(names(el)).to.deep.equal(['Acme Workspace']);
    expect(disconnected).to.equal(false);
    expect(await deletes(user)).to.have.length(0);
    expect(await accountsAtEmulator(user)).to.deep.equal(['Acme Workspace']);
    await expect(el).to.be.accessible();
  });

  it('disconnects every account on every page with "disconnect all"', async () => {
    const user = uniqueUser('all');
    await Promise.all(Array.from({ length: 25 }, (_, index) => seed(user, `Workspace ${index + 1}`)));
    const el = await mount(user, { all: true });
    await loaded(el, 20);

    part(el, 'disconnect-all-button')?.click();
    await el.updateComplete;
    const confirm = part(el, 'confirm', part(el, 'header') as HTMLElement) as HTMLElement;
    expect(text(confirm)).to.contain('Disconnect all 25 accounts? This cannot be undone.');
    expect(focused(el)?.getAttribute('part')).to.equal('confirm-button');
    expect(text(focused(el))).to.equal('Disconnect all');
    await expect(el).to.be.accessible();

    const disconnected: string[] = [];
    el.addEventListener('pd-disconnect', (event) => disconnected.push(event.account.id));
    part(el, 'confirm-button', confirm)?.click();
    await waitFor(() => has(el, 'empty') && disconnected.length === 25, 8000, 'the empty state');
    expect(new Set(disconnected).size).to.equal(25);
    expect(await deletes(user)).to.have.length(25);
    expect(await accountsAtEmulator(user)).to.deep.equal([]);
    expect(announced(el)).to.equal('25 accounts disconnected.');
  });

  it('shares one request between two lists of the same user, and both update after a disconnect', async () => {
    const user = uniqueUser('shared');
    await seed(user, 'Acme Sales');
    await seed(user, 'Acme Workspace');
    const wrapper = await fixture<HTMLElement>(html`<div>${list(user)}${list(user)}</div>`);
    const [first, second] = [...wrapper.querySelectorAll('pd-account-list')] as [PdAccountList, PdAccountList];
    await loaded(first, 2);
    await loaded(second, 2);
    expect(await accountsGets(user)).to.have.length(1);

    const confirm = await openConfirm(first, 'Acme Workspace');
    part(first, 'confirm-button', confirm)?.click();
    await oneEvent(first, 'pd-disconnect');
    await waitFor(() => rows(second).length === 1, 5000, 'the second list to update');
    expect(names(second)).to.deep.equal(['Acme Sales']);
    expect(names(first)).to.deep.equal(['Acme Sales']);
  });

  it('shows an account connected by another element on the page', async () => {
    const user = uniqueUser('live');
    await seed(user, 'Acme Workspace');
    const wrapper = await fixture<HTMLElement>(html`<div>
      <pd-connect-button app="github" external-user-id=${user} token-endpoint="/api/connect-token" base-url=${env.emulatorUrl} frontend-host=${env.emulatorUrl}></pd-connect-button>
      ${list(user)}
    </div>`);
    const el = wrapper.querySelector('pd-account-list') as PdAccountList;
    await loaded(el, 1);
    const button = wrapper.querySelector('pd-connect-button') as HTMLElement;
    (button.shadowRoot?.querySelector('button') as HTMLButtonElement).click();
    await executeServerCommand('frame-click', { urlIncludes: '/_static/connect.html', selector: 'role=button[name="Allow"]' });
    await waitFor(() => rows(el).length === 2, 5000, 'the new account in the list');
    expect(rows(el).map((item) => text(part(el, 'app-name', item)))).to.include('GitHub');
  });

  it('keeps the accounts and offers Retry when a refresh fails', async () => {
    const user = uniqueUser('stale');
    await seed(user, 'Acme Sales');
    await seed(user, 'Acme Workspace');
    const el = await mount(user);
    await loaded(el, 2);
    // The list's refresh after the disconnect fails (a 4xx: the SDK does not retry it).
    await admin('/faults', 'POST', { rules: [{ method: 'GET', path: '/v1/connect/accounts', status: 400, times: 1 }] });
    const failed = oneEvent(el, 'pd-error') as Promise<PdErrorEvent>;
    const confirm = await openConfirm(el, 'Acme Workspace');
    part(el, 'confirm-button', confirm)?.click();
    expect((await failed).code).to.equal('load_failed');
    await waitFor(() => has(el, 'retry-button'), 5000, 'the retry button');
    expect(text(part(el, 'error'))).to.match(/^Could not load your accounts: /);
    expect(names(el)).to.deep.equal(['Acme Sales']);
    await expect(el).to.be.accessible();
    part(el, 'retry-button')?.click();
    await waitFor(() => !has(el, 'error'), 5000, 'the error to go away');
    expect(names(el)).to.deep.equal(['Acme Sales']);
  });

  it('is accessible in the dark theme, in the list and confirm states', async () => {
    const user = uniqueUser('dark');
    await seed(user, 'Old Workspace', { dead: true });
    await seed(user, 'Acme Sales', { healthy: false });
    await seed(user, 'Acme Workspace');
    const el = await mount(user, { theme: 'dark', all: true });
    await loaded(el, 3);
    expect(hasState(el, 'theme-dark')).to.equal(true);
    await expect(el).to.be.accessible();
    await openConfirm(el, 'Acme Sales');
    await expect(el).to.be.accessible();
    part(el, 'disconnect-all-button')?.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('works from the keyboard: Tab to Disconnect, Enter, focus on confirm, Escape back', async () => {
    const user = uniqueUser('keyboard');
    await seed(user, 'Acme Workspace');
    const wrapper = await fixture<HTMLElement>(html`<div><button>Before</button>${list(user)}</div>`);
    const el = wrapper.querySelector('pd-account-list') as PdAccountList;
    await loaded(el, 1);
    (wrapper.querySelector('button') as HTMLButtonElement).focus();

    await sendKeys({ press: 'Tab' });
    expect(document.activeElement === el).to.equal(true);
    expect(focused(el)?.getAttribute('part')).to.equal('disconnect-button');

    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(has(el, 'confirm')).to.equal(true);
    expect(focused(el)?.getAttribute('part')).to.equal('confirm-button');

    await sendKeys({ press: 'Shift+Tab' });
    expect(focused(el)?.getAttribute('part')).to.equal('cancel-button');

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(has(el, 'confirm')).to.equal(false);
    expect(focused(el)?.getAttribute('part')).to.equal('disconnect-button');
    expect(names(el)).to.deep.equal(['Acme Workspace']);
  });

  describe('with 1,000 accounts', () => {
    const user = uniqueUser('many');
    const MANY = 1000;

    before(async function () {
      this.timeout(60000);
      // A hundred at a time; every seventh needs a reconnect, so some rows have two buttons.
      for (let start = 0; start < MANY; start += 100) {
        await Promise.all(Array.from({ length: 100 }, (_, offset) => seed(user, `Workspace ${String(start + offset + 1).padStart(4, '0')}`, (start + offset) % 7 === 3 ? { healthy: false } : {})));
      }
    });

    /** Clicks "Show more accounts" until every account shows. */
    async function showAll(el: PdAccountList) {
      await loaded(el);
      while (has(el, 'load-more')) {
        const count = rows(el).length;
        part(el, 'load-more')?.click();
        await waitFor(() => rows(el).length > count, 8000, `more than ${count} rows`);
      }
      await el.updateComplete;
    }

    /** Records which accounts' rows the list renders (its row template), by id. */
    function watchRowRenders(el: PdAccountList): string[] {
      const rendered: string[] = [];
      const host = el as unknown as { renderItem(account: Account, index: number): unknown };
      const renderItem = host.renderItem.bind(el);
      host.renderItem = (account, index) => {
        rendered.push(account.id);
        return renderItem(account, index);
      };
      return rendered;
    }

    const rowId = (item: HTMLElement | undefined) => item?.dataset.id as string;

    it('keeps every row in the DOM, in order, reachable from the keyboard; off-screen rows skip rendering', async function () {
      this.timeout(60000);
      const el = await mount(user);
      await showAll(el);
      const all = rows(el);
      expect(all.length).to.be.at.least(MANY - 1);
      expect(part(el, 'list')?.children.length).to.equal(all.length);
      expect(text(part(el, 'count'))).to.contain(`${all.length.toLocaleString('en')} accounts`);
      // In the DOM with their text (find-in-page, screen readers), but not laid out or painted far off screen.
      // (The last "Show more" moved focus to the first new row, which scrolled it into view.)
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
      const rendered = (item: HTMLElement | undefined) => Boolean(part(el, 'name', item)?.checkVisibility({ contentVisibilityAuto: true }));
      // The browser settles which rows are near the viewport a frame or two after a scroll.
      await waitFor(() => rendered(all[0]), 2000, 'the first row rendered');
      const last = all.at(-1) as HTMLElement;
      expect(getComputedStyle(last).contentVisibility).to.equal('auto');
      expect(all.every((item) => Boolean(part(el, 'name', item)?.textContent?.trim()))).to.equal(true);
      expect(rendered(last)).to.equal(false);

      // Every button of every row takes focus.
      const buttons = all.flatMap((item) => [...item.querySelectorAll('button')]);
      expect(buttons.every((button) => (button.focus(), focused(el) === button))).to.equal(true);
      // Tab walks row after row, from the first down past the viewport, and through the last rows to the end.
      buttons[0]?.focus();
      for (let index = 1; index < 40; index++) {
        await sendKeys({ press: 'Tab' });
        expect(focused(el) === buttons[index]).to.equal(true);
      }
      buttons.at(-12)?.focus();
      for (let index = buttons.length - 11; index < buttons.length; index++) {
        await sendKeys({ press: 'Tab' });
        expect(focused(el) === buttons[index]).to.equal(true);
      }
      expect(rendered(last)).to.equal(true);

      // A row's open confirmation keeps focus while the page scrolls it far out of view, and Escape still closes it.
      const third = all[2] as HTMLElement;
      part(el, 'disconnect-button', third)?.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const confirmButton = part(el, 'confirm-button', third);
      expect(focused(el) === confirmButton).to.equal(true);
      window.scrollTo(0, document.documentElement.scrollHeight);
      await waitFor(() => rendered(last), 2000, 'the last row rendered');
      expect(third.getBoundingClientRect().bottom < 0).to.equal(true);
      expect(confirmButton?.isConnected).to.equal(true);
      expect(focused(el) === confirmButton).to.equal(true);
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(has(el, 'confirm', third)).to.equal(false);
      expect(focused(el) === part(el, 'disconnect-button', third)).to.equal(true);
      window.scrollTo(0, 0);
      await expect(el).to.be.accessible();
    });

    it('renders only new or changed rows: Show more and a refetch leave the other rows and their DOM nodes alone', async function () {
      this.timeout(60000);
      const el = await mount(user);
      await loaded(el, 20);
      // The logo cannot load offline: once it fails, the rows drop the image (and keep their initials), memoized or not.
      await waitFor(() => rows(el).every((item) => !part(el, 'icon', item)?.querySelector('img:not([data-loaded])')), 8000, 'the logos settled');
      const rendered = watchRowRenders(el);
      const firstRow = rows(el)[0];

      part(el, 'load-more')?.click();
      await loaded(el, 40);
      expect(rendered).to.deep.equal(rows(el).slice(20).map(rowId));
      expect(rows(el)[0] === firstRow).to.equal(true);

      await showAll(el);
      const shown = rows(el);
      const nodes = new Map(shown.map((item) => [rowId(item), item]));
      const renamed = rowId(shown[600]);
      const gone = shown[1] as HTMLElement;
      // A refetch after a disconnect here brings an account renamed elsewhere: only those two rows render.
      await admin(`/accounts/${renamed}`, 'PATCH', { name: 'Renamed Workspace' });
      rendered.length = 0;
      await disconnect(el, text(part(el, 'name', gone)));
      await waitFor(() => names(el).includes('Renamed Workspace'), 8000, 'the renamed account');
      await el.updateComplete;
      expect([...new Set(rendered)].sort()).to.deep.equal([renamed, rowId(gone)].sort());
      expect(rows(el).length).to.equal(shown.length - 1);
      expect(rows(el).every((item) => nodes.get(rowId(item)) === item)).to.equal(true);
      expect(row(el, 'Renamed Workspace') === nodes.get(renamed)).to.equal(true);
      expect(rows(el).slice(0, 20).every((item) => !part(el, 'icon', item)?.querySelector('img:not([data-loaded])'))).to.equal(true);
    });
  });
});
