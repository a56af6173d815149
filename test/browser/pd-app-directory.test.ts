import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/elements/app-directory/pd-app-directory.js';
import '../../src/elements/account-list/pd-account-list.js';
import type { PdAppDirectory } from '../../src/elements/app-directory/pd-app-directory.js';
import type { PdAccountList } from '../../src/elements/account-list/pd-account-list.js';
import type { PdConnectSuccessEvent, PdDirectoryComponentEvent, PdDirectoryNavigateEvent, PdErrorEvent } from '../../src/events/index.js';
import { admin, env, requestsFor, requestsSince, seedAccount as seedAnywhere, setTokenMode, takeUnhandledRejections, tokenRequestsFor, uniqueUser, waitFor } from '../support/browser-env.js';

/** The test token endpoint mints `development` tokens: seed accounts there. */
const seedAccount = (user: string, app: string, extra: Record<string, unknown> = {}) => seedAnywhere(user, app, { environment: 'development', ...extra });

const inFrame = (command: string, selector: string, value?: string) => executeServerCommand(command, { urlIncludes: '/_static/connect.html', selector, value });
const root = (el: PdAppDirectory) => el.shadowRoot!;
const part = (el: PdAppDirectory, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: PdAppDirectory, name: string) => [...root(el).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const card = (el: PdAppDirectory, slug: string) => root(el).querySelector<HTMLElement>(`[part~="catalog"] [part~="card"][data-slug="${slug}"]`);
const cardSlugs = (el: PdAppDirectory) => [...root(el).querySelectorAll<HTMLElement>('[part~="catalog"] [part~="card"]')].map((node) => node.dataset.slug);
const states = (el: PdAppDirectory) => ['loading', 'ready', 'empty', 'no-results', 'error', 'detail'].filter((name) => el.matches(`:state(${name})`));
const focused = (el: PdAppDirectory) => root(el).activeElement as HTMLElement | null;
const overlay = () => document.querySelector('[data-pd-connect-overlay]');

async function directory(user: string, attrs: Record<string, string> = {}, width = 1000): Promise<PdAppDirectory> {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  wrapper.style.width = `${width}px`;
  const el = document.createElement('pd-app-directory');
  for (const [name, value] of Object.entries({ 'external-user-id': user, 'token-endpoint': '/api/connect-token', 'base-url': env.emulatorUrl, 'frontend-host': env.emulatorUrl, ...attrs })) el.setAttribute(name, value);
  wrapper.append(el);
  await el.updateComplete;
  return el;
}

const ready = (el: PdAppDirectory) => waitFor(() => el.matches(':state(ready)') && card(el, 'slack') !== null || (el.matches(':state(ready)') && cardSlugs(el).length > 0), 8000, 'cards');
async function type(el: PdAppDirectory, text: string): Promise<void> {
  part(el, 'search')!.focus();
  await sendKeys({ type: text });
}

describe('<pd-app-directory>', () => {
  afterEach(async () => {
    await admin('/faults', 'DELETE');
    (overlay()?.querySelector('button') as HTMLButtonElement | null)?.click();
    await waitFor(() => !overlay(), 3000, 'overlay to close');
    expect(takeUnhandledRejections()).to.deep.equal([]);
  });

  it('shows a skeleton, then the catalog as a grid of cards, accessibly', async () => {
    await admin('/faults', 'POST', { rules: [{ method: 'GET', path: '/v1/connect/apps', latencyMs: 600, times: 1 }] });
    const el = await directory(uniqueUser());
    await waitFor(() => parts(el, 'skeleton').length > 0, 3000, 'skeleton');
    expect(states(el)).to.deep.equal(['loading']);
    await expect(el).to.be.accessible();
    await ready(el);
    expect(states(el)).to.deep.equal(['ready']);
    expect(part(el, 'catalog')!.classList.contains('grid')).to.equal(true);
    const first = card(el, cardSlugs(el)[0]!)!;
    const second = root(el).querySelector<HTMLElement>('[part~="card"][data-index="1"]')!;
    // Two cards side by side: a grid.
    expect(Math.abs(first.getBoundingClientRect().top - second.getBoundingClientRect().top) < 2).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('is a list on a narrow container', async () => {
    const el = await directory(uniqueUser(), {}, 420);
    await ready(el);
    await waitFor(() => part(el, 'catalog')!.classList.contains('list'), 3000, 'list mode');
    const first = root(el).querySelector<HTMLElement>('[part~="card"][data-index="0"]')!;
    const second = root(el).querySelector<HTMLElement>('[part~="card"][data-index="1"]')!;
    expect(second.getBoundingClientRect().top > first.getBoundingClientRect().bottom - 1).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('searches on the server from the first key, narrows loaded apps at once, and reports the state', async () => {
    const user = uniqueUser();
    const el = await directory(user);
    await ready(el);
    const navigations: string[] = [];
    el.addEventListener('pd-directory-navigate', (event: PdDirectoryNavigateEvent) => navigations.push(event.state.query));
    await admin('/faults', 'POST', { rules: [{ method: 'GET', path: '/v1/connect/apps', latencyMs: 400, times: 5 }] });
    await type(el, 'slac');
    // While the server's answer is on its way, the loaded apps narrow to the typed text.
    await waitFor(() => cardSlugs(el).length > 0 && cardSlugs(el).every((slug) => slug!.includes('slac') || card(el, slug!)!.textContent!.toLowerCase().includes('slac')), 2000, 'narrowed');
    await waitFor(() => el.query === 'slac' && !el.matches(':state(loading)') && card(el, 'slack') !== null, 5000, 'server answer');
    const answered = async () => (await requestsFor(user, '/v1/connect/apps')).some((request) => request.query.includes('q=slac'));
    for (let tries = 0; tries < 50 && !(await answered()); tries++) await new Promise((resolve) => setTimeout(resolve, 100));
    const searches = (await requestsFor(user, '/v1/connect/apps')).filter((request) => request.query.includes('q='));
    // The first key searched at once, the rest of the burst once more: not one request per key.
    expect(searches.length >= 1 && searches.length <= 3).to.equal(true);
    expect(searches.some((request) => request.query.includes('q=slac'))).to.equal(true);
    expect(navigations.at(-1)).to.equal('slac');
    expect(el.getAttribute('query')).to.equal('slac');
  });

  it('says when nothing matches, and clears back to the catalog', async () => {
    const el = await directory(uniqueUser());
    await ready(el);
    await type(el, 'zzqqxx-nothing');
    await waitFor(() => el.matches(':state(no-results)'), 5000, 'no results');
    expect(part(el, 'empty')!.textContent).to.contain('zzqqxx-nothing');
    await expect(el).to.be.accessible();
    part(el, 'clear-button')!.click();
    await waitFor(() => el.matches(':state(ready)') && cardSlugs(el).length > 0, 5000, 'catalog back');
    expect(focused(el) === part(el, 'search')).to.equal(true);
  });

  it('filters by category, and by apps with triggers (query params the API knows)', async () => {
    const user = uniqueUser();
    const el = await directory(user);
    await ready(el);
    await waitFor(() => parts(el, 'category').length > 1, 5000, 'categories');
    const payments = parts(el, 'category').find((button) => button.textContent!.trim() === 'Payments')!;
    payments.click();
    await waitFor(() => card(el, 'stripe') !== null && card(el, 'slack') === null, 5000, 'payments apps');
    expect(payments.getAttribute('aria-pressed')).to.equal('true');
    expect(el.category).to.equal(payments.dataset.id);
    const requests = await requestsFor(user, '/v1/connect/apps');
    expect(requests.some((request) => request.query.includes('category_ids'))).to.equal(true);
    parts(el, 'category')[0]!.click();
    const triggers = parts(el, 'filter')[1]!;
    triggers.click();
    await waitFor(() => triggers.getAttribute('aria-pressed') === 'true' && !el.matches(':state(loading)') && cardSlugs(el).length > 0, 5000, 'trigger apps');
    await waitFor(() => el.matches(':state(ready)') && !(el as unknown as { catalogQuery: { result?: { isFetching: boolean } } }).catalogQuery.result?.isFetching, 5000, 'trigger apps loaded');
    expect((await requestsFor(user, '/v1/connect/apps')).some((request) => request.query.includes('has_triggers=true'))).to.equal(true);
    // Apps without triggers are gone (the emulator's Stripe has actions only); Slack has both.
    expect(card(el, 'stripe') === null).to.equal(true);
    expect(card(el, 'slack') !== null).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows an error with Retry when the catalog fails, and recovers', async () => {
    await admin('/faults', 'POST', { rules: [{ method: 'GET', path: '/v1/connect/apps', status: 500, times: 3 }] });
    const errors: string[] = [];
    const user = uniqueUser();
    const wrapper = await fixture<HTMLDivElement>(html`<div @pd-error=${(event: PdErrorEvent) => errors.push(event.code)}></div>`);
    const el = document.createElement('pd-app-directory');
    for (const [name, value] of Object.entries({ 'external-user-id': user, 'token-endpoint': '/api/connect-token', 'base-url': env.emulatorUrl })) el.setAttribute(name, value);
    wrapper.append(el);
    await waitFor(() => el.matches(':state(error)'), 10000, 'error state');
    expect(part(el, 'retry-button') !== null).to.equal(true);
    expect(errors.length).to.equal(1);
    await expect(el).to.be.accessible();
    part(el, 'retry-button')!.click();
    await waitFor(() => el.matches(':state(ready)'), 8000, 'ready after retry');
  });

  it('a failing token endpoint is asked a bounded number of times, not once per render', async () => {
    const user = uniqueUser();
    await setTokenMode(user, 'status-500');
    const el = await directory(user);
    await waitFor(() => el.matches(':state(error)'), 10000, 'error state');
    const asked = await tokenRequestsFor(user);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await tokenRequestsFor(user)).to.equal(asked);
    expect(asked).to.be.below(8);
  });

  it('failing categories and a failing app lookup are not asked again by themselves; Retry asks again', async () => {
    await admin('/faults', 'POST', { rules: [{ method: 'GET', path: '/v1/connect/app_categories', status: 500 }, { method: 'GET', path: '/v1/connect/apps/notion', status: 500 }] });
    const since = Date.now();
    const el = await directory(uniqueUser(), { app: 'notion' });
    await waitFor(() => part(el, 'detail')?.querySelector('[part~="retry-button"]'), 10000, 'the app error with Retry');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const categories = (await requestsSince(since, '/app_categories', 'GET')).length;
    const lookups = (await requestsSince(since, '/apps/notion', 'GET')).length;
    expect(categories).to.be.within(1, 4);
    expect(lookups).to.be.within(1, 4);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await requestsSince(since, '/app_categories', 'GET')).length).to.equal(categories);
    expect((await requestsSince(since, '/apps/notion', 'GET')).length).to.equal(lookups);
    await admin('/faults', 'DELETE');
    part(el, 'detail')!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await waitFor(() => part(el, 'detail-title')?.textContent?.includes('Notion') && !part(el, 'detail')!.querySelector('[part~="retry-button"]'), 10000, 'the app after Retry');
  });

  it('windows 2,500 apps: fewer than 100 cards in the DOM while scrolling to the end', async () => {
    const el = await directory(uniqueUser(), { 'connectable-only': '' });
    await ready(el);
    const box = part(el, 'catalog')!;
    let most = 0;
    for (let step = 0; step < 400; step++) {
      box.scrollTop = box.scrollHeight;
      await new Promise((resolve) => setTimeout(resolve, 40));
      most = Math.max(most, cardSlugs(el).length);
      const result = (el as unknown as { catalogQuery: { result?: { hasNextPage: boolean; isFetching: boolean } } }).catalogQuery.result;
      if (result && !result.hasNextPage && !result.isFetching) break;
    }
    // The last page made the box taller: scroll to its new end.
    box.scrollTop = box.scrollHeight;
    await waitFor(() => parts(el, 'card').some((node) => node.getAttribute('aria-posinset') === node.getAttribute('aria-setsize')), 5000, 'last card');
    const last = parts(el, 'card').find((node) => node.getAttribute('aria-posinset') === node.getAttribute('aria-setsize'))!;
    expect(Number(last.getAttribute('aria-setsize')) > 2000).to.equal(true);
    expect(most > 0 && most < 100).to.equal(true);
    // No app without auth in the list with connectable-only.
    expect(card(el, 'http') === null).to.equal(true);
  });

  it('shows only the curated apps, in their order, and narrows them on the client', async () => {
    const el = await directory(uniqueUser(), { apps: 'github slack stripe' });
    await waitFor(() => cardSlugs(el).length === 3, 5000, 'curated cards');
    expect(cardSlugs(el)).to.deep.equal(['github', 'slack', 'stripe']);
    expect(part(el, 'filter') === null).to.equal(true);
    await type(el, 'str');
    await waitFor(() => cardSlugs(el).join() === 'stripe', 3000, 'narrowed');
  });

  it('shows featured apps in their own row', async () => {
    const el = await directory(uniqueUser(), { featured: 'notion gmail' });
    await ready(el);
    await waitFor(() => root(el).querySelectorAll('[part~="featured"] [part~="card"]').length === 2, 5000, 'featured');
    expect([...root(el).querySelectorAll<HTMLElement>('[part~="featured"] [part~="card"]')].map((node) => node.dataset.slug)).to.deep.equal(['notion', 'gmail']);
    await expect(el).to.be.accessible();
  });

  it('connects from a card through the connect page, and the card turns connected', async () => {
    const user = uniqueUser();
    const el = await directory(user, { apps: 'slack github' });
    await waitFor(() => card(el, 'slack')?.querySelector('[part~="connect-button"]'), 5000, 'connect button');
    const success = oneEvent(el, 'pd-connect-success') as Promise<PdConnectSuccessEvent>;
    (card(el, 'slack')!.querySelector('[part~="connect-button"]') as HTMLButtonElement).click();
    await waitFor(() => overlay()?.querySelector('iframe'), 5000, 'connect overlay');
    await inFrame('frame-click', 'role=button[name="Allow"]');
    const { account } = await success;
    expect(account.app?.nameSlug).to.equal('slack');
    await waitFor(() => card(el, 'slack')?.querySelector('[part~="manage-button"]'), 5000, 'manage button');
    expect(card(el, 'slack')!.querySelector('[part~="status"]')!.textContent).to.contain('Connected');
    expect(card(el, 'github')!.querySelector('[part~="connect-button"]') !== null).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('updates the cards when an account is disconnected elsewhere on the page', async () => {
    const user = uniqueUser();
    await seedAccount(user, 'github');
    const el = await directory(user, { apps: 'github slack' });
    await waitFor(() => card(el, 'github')?.querySelector('[part~="manage-button"]'), 5000, 'connected card');
    const list = document.createElement('pd-account-list') as PdAccountList;
    for (const [name, value] of Object.entries({ 'external-user-id': user, 'token-endpoint': '/api/connect-token', 'base-url': env.emulatorUrl })) list.setAttribute(name, value);
    el.parentElement!.append(list);
    const disconnect = await waitFor(() => list.shadowRoot!.querySelector<HTMLButtonElement>('[part~="disconnect-button"]'), 5000, 'disconnect button');
    disconnect.click();
    (await waitFor(() => list.shadowRoot!.querySelector<HTMLButtonElement>('[part~="confirm-button"]'), 3000, 'confirm')).click();
    await waitFor(() => card(el, 'github')?.querySelector('[part~="connect-button"]'), 5000, 'card back to Connect');
    expect(card(el, 'github')!.querySelector('[part~="status"]') === null).to.equal(true);
  });

  it('shows an unhealthy account as needing reconnect', async () => {
    const user = uniqueUser();
    await seedAccount(user, 'slack', { healthy: false });
    const el = await directory(user, { apps: 'slack' });
    await waitFor(() => card(el, 'slack')?.querySelector('[part~="status"]'), 5000, 'status');
    expect(card(el, 'slack')!.querySelector('[part~="status"]')!.getAttribute('data-health')).to.equal('unhealthy');
  });

  it('opens the detail view with focus on its heading, lists components, and Back returns focus to the card', async () => {
    const user = uniqueUser();
    const el = await directory(user, { apps: 'github slack' });
    await waitFor(() => card(el, 'slack'), 5000, 'cards');
    const navigations: PdDirectoryNavigateEvent['state'][] = [];
    el.addEventListener('pd-directory-navigate', (event: PdDirectoryNavigateEvent) => navigations.push(event.state));
    (card(el, 'slack')!.querySelector('[part~="card-open"]') as HTMLButtonElement).click();
    await waitFor(() => el.matches(':state(detail)') && focused(el) === part(el, 'detail-title'), 3000, 'detail focus');
    expect(part(el, 'detail-title')!.textContent).to.contain('Slack');
    expect(navigations.at(-1)).to.deep.equal({ query: '', category: '', app: 'slack' });
    expect(el.getAttribute('app')).to.equal('slack');
    const accounts = part(el, 'accounts') as PdAccountList;
    expect(accounts.getAttribute('app')).to.equal('slack');
    await waitFor(() => parts(el, 'component').length > 0, 5000, 'components');
    await waitFor(() => part(el, 'description')?.querySelector('p, a, strong') || part(el, 'description')?.textContent, 3000, 'description');
    const chosen = oneEvent(el, 'pd-directory-component') as Promise<PdDirectoryComponentEvent>;
    const first = parts(el, 'component')[0]!;
    first.click();
    const event = await chosen;
    expect(event.componentKey).to.equal(first.dataset.key);
    expect(event.app).to.equal('slack');
    expect(['action', 'trigger']).to.include(event.componentType);
    await expect(el).to.be.accessible();
    part(el, 'back-button')!.click();
    await waitFor(() => !el.matches(':state(detail)') && focused(el) === card(el, 'slack')?.querySelector('[part~="card-open"]'), 3000, 'focus back on the card');
    expect(navigations.at(-1)!.app).to.equal('');
  });

  it('restores a state set by the host, and Escape leaves the detail view', async () => {
    const el = await directory(uniqueUser(), { apps: 'github slack' });
    el.state = { query: '', category: '', app: 'github' };
    await waitFor(() => el.matches(':state(detail)') && part(el, 'detail-title')?.textContent?.includes('GitHub'), 5000, 'detail from state');
    part(el, 'back-button')!.focus();
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !el.matches(':state(detail)'), 3000, 'left detail');
    expect(el.state.app).to.equal('');
  });

  it('opens a form in place with open-forms', async () => {
    const el = await directory(uniqueUser(), { apps: 'slack', 'open-forms': '' });
    await waitFor(() => card(el, 'slack'), 5000, 'cards');
    (card(el, 'slack')!.querySelector('[part~="card-open"]') as HTMLButtonElement).click();
    const component = await waitFor(() => parts(el, 'component')[0], 5000, 'components');
    component.click();
    await waitFor(() => root(el).querySelector('[part~="form"] pd-action-form, [part~="form"] pd-trigger-form'), 5000, 'form in place');
    part(el, 'close-form')!.click();
    await waitFor(() => part(el, 'form') === null, 3000, 'form closed');
  });

  it('moves between cards with the arrow keys by row and column, Home and End (one tab stop)', async () => {
    const el = await directory(uniqueUser(), { apps: 'slack github google_sheets gmail notion hubspot openai stripe' }, 1000);
    await waitFor(() => cardSlugs(el).length === 8, 5000, 'cards');
    const columns = (el as unknown as { columns: number }).columns;
    expect(columns > 1).to.equal(true);
    const open = (index: number) => root(el).querySelector<HTMLElement>(`[part~="card"][data-index="${index}"] [part~="card-open"]`);
    expect(parts(el, 'card-open').filter((button) => button.tabIndex === 0).length).to.equal(1);
    open(0)!.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(focused(el) === open(1)).to.equal(true);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(el) === open(1 + columns)).to.equal(true);
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused(el) === open(0)).to.equal(true);
    await sendKeys({ press: 'Control+End' });
    await el.updateComplete;
    expect(focused(el) === open(7)).to.equal(true);
    await sendKeys({ press: 'Control+Home' });
    await el.updateComplete;
    expect(focused(el) === open(0)).to.equal(true);
    // Tab reaches the card's own Connect button, then leaves the catalog.
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('part')).to.equal('connect-button');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => overlay(), 5000, 'connect overlay by keyboard');
  });

  it('mirrors arrow keys in RTL and is translated', async () => {
    const el = await directory(uniqueUser(), { apps: 'slack github google_sheets', locale: 'ar' }, 1000);
    await waitFor(() => cardSlugs(el).length === 3, 5000, 'cards');
    await el.updateComplete;
    expect(part(el, 'title')!.textContent).to.contain('التكاملات');
    const open = (index: number) => root(el).querySelector<HTMLElement>(`[part~="card"][data-index="${index}"] [part~="card-open"]`);
    open(0)!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused(el) === open(1)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('says what is missing when it is not set up, and reports it once', async () => {
    const codes: string[] = [];
    const el = await fixture<PdAppDirectory>(html`<pd-app-directory @pd-error=${(event: PdErrorEvent) => codes.push(event.code)}></pd-app-directory>`);
    await el.updateComplete;
    expect(el.matches(':state(error)')).to.equal(true);
    expect(part(el, 'error') !== null).to.equal(true);
    expect(codes).to.deep.equal(['config_invalid']);
    await expect(el).to.be.accessible();
  });

  it('shows the empty state when a curated list has no known app', async () => {
    const el = await directory(uniqueUser(), { apps: 'no_such_app_here' });
    await waitFor(() => el.matches(':state(empty)'), 5000, 'empty');
    expect(part(el, 'empty') !== null).to.equal(true);
    await expect(el).to.be.accessible();
  });
});
