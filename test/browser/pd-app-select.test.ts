import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/elements/app-select/pd-app-select.js';
import type { PdAppSelect } from '../../src/elements/app-select/pd-app-select.js';
import type { PdChangeEvent } from '../../src/events/index.js';
import type { App } from '../../src/session/types.js';
import { admin, env, requestsFor, requestsSince, takeUnhandledRejections, uniqueUser, waitFor } from '../support/browser-env.js';

interface SelectOptions {
  label?: string;
  hideLabel?: boolean;
  theme?: string;
  locale?: string;
  value?: string;
  name?: string;
  required?: boolean;
  hasTriggers?: boolean;
  category?: string;
  sort?: string;
  baseUrl?: string;
}

function select(user: string, options: SelectOptions = {}) {
  return html`<pd-app-select
    external-user-id=${user}
    token-endpoint="/api/connect-token"
    base-url=${options.baseUrl ?? env.emulatorUrl}
    label=${ifDefined(options.label)}
    ?hide-label=${options.hideLabel ?? false}
    theme=${ifDefined(options.theme)}
    locale=${ifDefined(options.locale)}
    value=${ifDefined(options.value)}
    name=${ifDefined(options.name)}
    category=${ifDefined(options.category)}
    sort=${ifDefined(options.sort)}
    ?required=${options.required ?? false}
    ?has-triggers=${options.hasTriggers ?? false}
  ></pd-app-select>`;
}

const root = (el: PdAppSelect) => el.shadowRoot as ShadowRoot;
const part = (el: PdAppSelect, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const has = (el: PdAppSelect, name: string) => part(el, name) !== null;
const input = (el: PdAppSelect) => part(el, 'input') as HTMLInputElement;
const listbox = (el: PdAppSelect) => part(el, 'listbox') as HTMLElement;
const options = (el: PdAppSelect) => [...root(el).querySelectorAll<HTMLElement>('[role="option"]')];
const labels = (el: PdAppSelect) => options(el).map((option) => option.querySelector('[part~="option-label"]')?.textContent?.trim() ?? '');
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const announced = (el: PdAppSelect) => text(root(el).querySelector('[role="status"]'));
const hasState = (el: PdAppSelect, name: string) => el.matches(`:state(${name})`);
const activeOption = (el: PdAppSelect) => {
  const id = input(el).getAttribute('aria-activedescendant');
  return id ? root(el).getElementById(id) : null;
};
const activeLabel = (el: PdAppSelect) => text(activeOption(el)?.querySelector('[part~="option-label"]'));
const style = (node: Element | null) => getComputedStyle(node as Element);

/**
 * Waits until the page has a combobox whose accessible name is exactly `name`, as Playwright
 * computes it from the accessibility tree's rules (through shadow roots and slots).
 */
const comboboxNamed = (name: string) =>
  executeServerCommand('frame-wait', { urlIncludes: window.location.href, selector: `internal:role=combobox[name=${JSON.stringify(name)}s]` });

const appGets = async (user: string) => (await requestsFor(user, '/v1/connect/apps')).filter((entry) => entry.method === 'GET' && entry.path.endsWith('/apps'));

/** The app list requests logged since `since` (any user: a held request is not yet authenticated), once `ready` holds. */
async function searchesSince(since: number, ready: (searches: { query: string; status: number }[]) => boolean) {
  for (;;) {
    const searches = (await requestsSince(since, '/v1/connect/apps', 'GET')).filter((entry) => entry.path.endsWith('/apps')) as unknown as { path: string; query: string; status: number }[];
    if (ready(searches)) return searches;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
const q = (entry: { query: string } | undefined) => new URLSearchParams(entry?.query).get('q');

async function mount(user: string, opts: SelectOptions = {}) {
  const el = await fixture<PdAppSelect>(select(user, opts));
  await el.updateComplete;
  return el;
}

/** Focuses the input and opens the popup with the keyboard, then waits for the first options. */
async function openWithKeyboard(el: PdAppSelect, min = 1) {
  input(el).focus();
  await sendKeys({ press: 'Alt+ArrowDown' });
  await waitFor(() => options(el).length >= min, 8000, `${min} options`);
  await el.updateComplete;
}

describe('<pd-app-select>', () => {
  afterEach(async () => {
    await admin('/faults', 'DELETE');
    expect(takeUnhandledRejections().map(String)).to.deep.equal([]);
  });

  it('is an APG combobox: closed, loading and open states, all accessible', async () => {
    const user = uniqueUser('apps');
    const el = await mount(user);
    const field = input(el);
    expect(field.getAttribute('role')).to.equal('combobox');
    expect(field.getAttribute('aria-expanded')).to.equal('false');
    expect(field.getAttribute('aria-autocomplete')).to.equal('list');
    expect(field.getAttribute('aria-controls')).to.equal('listbox');
    // A visible label names the input, once.
    expect(text(part(el, 'label'))).to.equal('App');
    expect(field.labels?.[0] === part(el, 'label')).to.equal(true);
    expect(field.hasAttribute('aria-label')).to.equal(false);
    expect(field.getAttribute('aria-labelledby')).to.equal('label');
    expect(listbox(el).getAttribute('aria-labelledby')).to.equal('label');
    await comboboxNamed('App');
    expect(hasState(el, 'open')).to.equal(false);
    // Nothing is fetched before the user opens the list.
    expect((await appGets(user)).length).to.equal(0);
    await expect(el).to.be.accessible();

    await admin('/faults', 'POST', { rules: [{ path: '/v1/connect/apps', latencyMs: 400, times: 1 }] });
    field.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    // Open, but no list yet: the combobox is not expanded until its listbox shows.
    expect(field.getAttribute('aria-expanded')).to.equal('false');
    expect(hasState(el, 'open')).to.equal(true);
    expect(hasState(el, 'loading')).to.equal(true);
    expect(text(part(el, 'status'))).to.equal('Loading apps…');
    await expect(el).to.be.accessible();

    await waitFor(() => options(el).length > 0, 8000, 'options');
    await el.updateComplete;
    expect(hasState(el, 'loading')).to.equal(false);
    // Featured first.
    expect(labels(el)[0]).to.equal('Slack');
    expect(listbox(el).getAttribute('role')).to.equal('listbox');
    expect(options(el)[0]?.getAttribute('aria-posinset')).to.equal('1');
    const total = Number(options(el)[0]?.getAttribute('aria-setsize'));
    expect(total).to.be.greaterThan(2500);
    await waitFor(() => announced(el) === `${new Intl.NumberFormat('en').format(total)} apps available.`, 3000, 'the result count announcement');
    // Offline the logos cannot load: the initials show.
    expect(text(options(el)[0]?.querySelector('[part~="option-icon"]'))).to.equal('S');
    await expect(el).to.be.accessible();
  });

  it('labels the field visibly, from the label attribute or slot; hide-label keeps only the accessible name', async () => {
    const el = await mount(uniqueUser('apps'), { label: 'Source app' });
    const label = part(el, 'label') as HTMLElement;
    expect(text(label)).to.equal('Source app');
    // Seen, above the field.
    const shown = label.getBoundingClientRect();
    expect(shown.height).to.be.greaterThan(10);
    expect(shown.bottom).to.be.at.most((part(el, 'field') as HTMLElement).getBoundingClientRect().top);
    await comboboxNamed('Source app');
    await expect(el).to.be.accessible();

    el.hideLabel = true;
    await el.updateComplete;
    const hidden = label.getBoundingClientRect();
    expect(hidden.width <= 1 && hidden.height <= 1).to.equal(true);
    await comboboxNamed('Source app');
    await expect(el).to.be.accessible();

    // Slotted content takes the text's place, in the label and in the name.
    const slotted = await fixture<PdAppSelect>(html`<pd-app-select
      external-user-id=${uniqueUser('apps')}
      token-endpoint="/api/connect-token"
      base-url=${env.emulatorUrl}
      label="Not shown"
      ><span slot="label">Pick <em>an app</em></span></pd-app-select
    >`);
    await slotted.updateComplete;
    await comboboxNamed('Pick an app');
    await expect(slotted).to.be.accessible();
  });

  it('an arrow key pressed while the list loads activates the first (ArrowDown) or last (ArrowUp) option once it arrives', async () => {
    await admin('/faults', 'POST', { rules: [{ method: 'GET', path: '/v1/connect/apps', latencyMs: 600, times: 1 }] });
    const el = await mount(uniqueUser('apps'));
    input(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(hasState(el, 'loading')).to.equal(true);
    expect(input(el).getAttribute('aria-activedescendant')).to.equal('');
    await waitFor(() => options(el).length > 0, 8000, 'options');
    await el.updateComplete;
    expect(activeOption(el)?.getAttribute('aria-posinset')).to.equal('1');
    expect(activeOption(el)?.getAttribute('aria-selected')).to.equal('true');
    const changed = oneEvent(el, 'change');
    await sendKeys({ press: 'Enter' });
    await changed;
    expect(el.value).to.equal('slack');

    await admin('/faults', 'POST', { rules: [{ method: 'GET', path: '/v1/connect/apps', latencyMs: 600, times: 1 }] });
    const up = await mount(uniqueUser('apps'));
    input(up).focus();
    await sendKeys({ press: 'ArrowUp' });
    await up.updateComplete;
    expect(hasState(up, 'loading')).to.equal(true);
    await waitFor(() => options(up).length > 0, 8000, 'options');
    await up.updateComplete;
    // The last option loaded so far, scrolled into view.
    expect(activeOption(up)?.getAttribute('aria-posinset')).to.equal('50');
    const box = listbox(up).getBoundingClientRect();
    const rect = (activeOption(up) as HTMLElement).getBoundingClientRect();
    expect(rect.top >= box.top - 1 && rect.bottom <= box.bottom + 1).to.equal(true);
  });

  it('forgets an arrow key that waits for options when the user types or closes the list', async () => {
    await admin('/faults', 'POST', { rules: [{ method: 'GET', path: '/v1/connect/apps', latencyMs: 600, times: 1 }] });
    const typed = await mount(uniqueUser('apps'));
    input(typed).focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ type: 'git' });
    await waitFor(() => labels(typed).includes('GitHub'), 8000, 'the matches');
    await new Promise((resolve) => setTimeout(resolve, 700));
    await typed.updateComplete;
    expect(input(typed).getAttribute('aria-activedescendant')).to.equal('');

    await admin('/faults', 'POST', { rules: [{ method: 'GET', path: '/v1/connect/apps', latencyMs: 600, times: 1 }] });
    const closed = await mount(uniqueUser('apps'));
    input(closed).focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => hasState(closed, 'loading'), 2000, 'loading');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !hasState(closed, 'loading'), 8000, 'the list loaded');
    input(closed).click();
    await waitFor(() => options(closed).length > 0, 8000, 'options');
    await closed.updateComplete;
    expect(input(closed).getAttribute('aria-activedescendant')).to.equal('');
  });

  it('searches on the server: the first key press at once, the rest of five fast key presses in one more request', async () => {
    const user = uniqueUser('apps');
    const el = await mount(user);
    await openWithKeyboard(el);
    const before = (await appGets(user)).length;
    await sendKeys({ type: 'googl' });
    await waitFor(() => labels(el)[0] === 'Google Sheets', 5000, 'search results');
    await new Promise((resolve) => setTimeout(resolve, 400));
    const searches = (await appGets(user)).slice(before);
    expect(searches.map((entry) => new URLSearchParams(entry.query).get('q'))).to.deep.equal(['g', 'googl']);
    expect(labels(el)).to.include('Google Sheets');

    await sendKeys({ type: 'zzzz' });
    await waitFor(() => has(el, 'empty'), 5000, 'the empty state');
    expect(text(part(el, 'empty'))).to.equal('No apps match “googlzzzz”.');
    await waitFor(() => announced(el) === 'No apps match “googlzzzz”.', 2000, 'the empty announcement');
    await expect(el).to.be.accessible();
  });

  it('narrows the options at hand at once while the search is held, without announcing; the answer keeps the active app', async () => {
    const user = uniqueUser('apps');
    const el = await mount(user);
    await openWithKeyboard(el);
    await waitFor(() => announced(el).includes('apps available'), 5000, 'the count announced');
    const said = announced(el);
    // The server holds both searches of the burst (the first key press, and the whole text).
    await admin('/faults', 'POST', { rules: [{ method: 'GET', path: '/v1/connect/apps', latencyMs: 3000, times: 2 }] });
    const since = Date.now();
    await sendKeys({ type: 'slack' });
    const holds = (option: HTMLElement) => `${text(option)} ${option.dataset.value}`.toLowerCase().includes('slack');
    await waitFor(() => options(el).length > 0 && options(el).every(holds), 2000, 'the narrowed options');
    // The first key press was sent without waiting for more, and no answer is in yet: the narrowing was ours.
    const searches = await searchesSince(since, (logged) => logged.length > 0);
    expect(q(searches[0])).to.equal('s');
    expect(searches.every((entry) => entry.status === 0)).to.equal(true);
    expect(hasState(el, 'loading')).to.equal(true);
    expect(part(el, 'popup')?.getAttribute('aria-busy')).to.equal('true');
    expect(announced(el)).to.equal(said);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const picked = activeLabel(el);
    expect(picked).to.equal('Slack');
    await waitFor(() => !hasState(el, 'loading'), 8000, 'the answer');
    await el.updateComplete;
    expect((await searchesSince(since, () => true)).map(q)).to.deep.equal(['s', 'slack']);
    expect(activeLabel(el)).to.equal(picked);
    expect(input(el).getAttribute('aria-activedescendant')).to.equal(activeOption(el)?.id);
    await waitFor(() => announced(el) !== said && announced(el).includes('available'), 2000, 'the count of the answer');
    await expect(el).to.be.accessible();
  });

  it('a late answer for older text never replaces the answer for the text typed', async () => {
    const user = uniqueUser('apps');
    const el = await mount(user);
    await openWithKeyboard(el);
    // The first key press is held; the rest of the burst is answered at once.
    await admin('/faults', 'POST', { rules: [{ method: 'GET', path: '/v1/connect/apps', latencyMs: 2500, times: 1 }] });
    const since = Date.now();
    await sendKeys({ type: 'gith' });
    await waitFor(() => labels(el).includes('GitHub') && !hasState(el, 'loading'), 5000, 'the answer for “gith”');
    const shown = labels(el);
    const searches = await searchesSince(since, (logged) => logged.length === 2 && logged[0]?.status === 0);
    expect(searches.map(q)).to.deep.equal(['g', 'gith']);
    // The held answer for “g” comes in after it.
    await searchesSince(since, (logged) => logged[0]?.status === 200);
    await el.updateComplete;
    expect(labels(el)).to.deep.equal(shown);
    expect(input(el).value).to.equal('gith');
  });

  it('selects with the keyboard only: ArrowDown, Home/End, Enter; fires change; Escape closes, a second Escape clears', async () => {
    const user = uniqueUser('apps');
    const el = await mount(user);
    await openWithKeyboard(el);
    expect(activeOption(el) === null).to.equal(true);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(activeLabel(el)).to.equal(labels(el)[2]);
    expect(activeOption(el)?.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(activeOption(el)?.getAttribute('aria-posinset')).to.equal('50');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(activeOption(el)?.getAttribute('aria-posinset')).to.equal('1');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const expected = activeLabel(el);
    const expectedSlug = activeOption(el)?.dataset.value as string;

    const changed = oneEvent(el, 'change') as Promise<PdChangeEvent<App>>;
    await sendKeys({ press: 'Enter' });
    const event = await changed;
    expect(event.bubbles && event.composed).to.equal(true);
    expect((event.target as PdAppSelect).value).to.equal(expectedSlug);
    expect(event.value).to.equal(expectedSlug);
    expect(event.selected?.name).to.equal(expected);
    expect(el.selected?.nameSlug).to.equal(expectedSlug);
    await el.updateComplete;
    expect(input(el).value).to.equal(expected);
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(hasState(el, 'has-value')).to.equal(true);
    await expect(el).to.be.accessible();

    // Reopening shows the current value as active; Escape closes and keeps it.
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(activeLabel(el)).to.equal(expected);
    expect(options(el).find((option) => option.matches('[part~="option-selected"]'))?.dataset.value).to.equal(expectedSlug);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(el.value).to.equal(expectedSlug);

    const cleared = oneEvent(el, 'change');
    await sendKeys({ press: 'Escape' });
    await cleared;
    expect(el.value).to.equal('');
    expect(input(el).value).to.equal('');
    expect(hasState(el, 'has-value')).to.equal(false);
  });

  it('Tab closes and keeps the value; typed text that was not chosen is dropped', async () => {
    const user = uniqueUser('apps');
    const el = await mount(user, { value: 'slack' });
    await waitFor(() => input(el).value === 'Slack', 5000, 'the value name');
    input(el).focus();
    // The name is replaced by what is typed (the first key press searches at once).
    input(el).select();
    await sendKeys({ type: 'git' });
    await waitFor(() => options(el).length > 0, 8000, 'the matches');
    await el.updateComplete;
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(el.value).to.equal('slack');
    expect(input(el).value).to.equal('Slack');
  });

  it('shows a programmatic value by name, fetched from the API, without firing change', async () => {
    const user = uniqueUser('apps');
    const el = await mount(user);
    let changes = 0;
    el.addEventListener('change', () => changes++);
    el.value = 'google_sheets';
    await waitFor(() => input(el).value === 'Google Sheets', 5000, 'the app name');
    expect(el.selected?.nameSlug).to.equal('google_sheets');
    expect((await requestsFor(user, '/v1/connect/apps/google_sheets')).length).to.equal(1);
    expect(part(el, 'field-icon')?.textContent?.trim()).to.equal('GS');
    expect(changes).to.equal(0);
    expect(hasState(el, 'has-value')).to.equal(true);
  });

  it('filters: has-triggers lists only apps with triggers, category by name, sort by name', async () => {
    const user = uniqueUser('apps');
    const el = await mount(user, { hasTriggers: true, sort: 'name' });
    await openWithKeyboard(el);
    const query = (await appGets(user)).at(-1)?.query ?? '';
    expect(query).to.contain('has_triggers=true');
    expect(query).to.contain('sort_key=name');
    const withTriggers = labels(el);
    const withTriggersTotal = Number(options(el)[0]?.getAttribute('aria-setsize'));
    expect(withTriggers.length).to.be.greaterThan(0);
    expect([...withTriggers].sort((a, b) => a.localeCompare(b))).to.deep.equal(withTriggers);
    const all = await mount(uniqueUser('apps'));
    await openWithKeyboard(all);
    expect(withTriggersTotal).to.be.lessThan(Number(options(all)[0]?.getAttribute('aria-setsize')));

    const chat = await mount(uniqueUser('apps'), { category: 'communication' });
    await openWithKeyboard(chat);
    const chatUser = chat.externalUserId as string;
    expect((await requestsFor(chatUser, '/v1/connect/app_categories')).length).to.equal(1);
    expect((await appGets(chatUser)).at(-1)?.query).to.contain('category_ids=cat_communication');
    expect(labels(chat)).to.include('Slack');
    expect(labels(chat)).to.not.include('GitHub');
  });

  it('shows an error with a retry button after the SDK gives up, and recovers', async () => {
    const user = uniqueUser('apps');
    await admin('/faults', 'POST', { rules: [{ path: '/v1/connect/apps', status: 500, times: 3 }] });
    const el = await mount(user);
    input(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => has(el, 'error'), 15000, 'the error state');
    await el.updateComplete;
    expect(hasState(el, 'error')).to.equal(true);
    expect(text(part(el, 'error'))).to.contain('Could not load apps');
    expect(announced(el)).to.contain('Could not load apps');
    await expect(el).to.be.accessible();
    part(el, 'retry-button')?.click();
    await waitFor(() => options(el).length > 0, 8000, 'options after retry');
    expect(hasState(el, 'error')).to.equal(false);
    // The ArrowDown that met the error does not pick an option after the retry.
    await el.updateComplete;
    expect(activeOption(el) === null).to.equal(true);
  }).timeout(20000);

  it('after a load error the keyboard recovers: not expanded without a list, and opening again loads again', async () => {
    const user = uniqueUser('apps');
    // 400: not retried by the SDK, so the error shows at once.
    await admin('/faults', 'POST', { rules: [{ path: '/v1/connect/apps', status: 400, times: 1 }] });
    const el = await mount(user);
    input(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => has(el, 'error'), 8000, 'the error state');
    await el.updateComplete;
    // The popup shows the error, but there is no list to be expanded into.
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    // Tab away (the popup closes), come back, open it: the list loads again.
    await sendKeys({ press: 'Tab' });
    input(el).focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => options(el).length > 0, 8000, 'options after reopening');
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
  });

  it('is form-associated: FormData, required validity, reset, disabled', async () => {
    const user = uniqueUser('apps');
    const form = await fixture<HTMLFormElement>(html`<form>
      <pd-app-select name="app" value="slack" external-user-id=${user} token-endpoint="/api/connect-token" base-url=${env.emulatorUrl}></pd-app-select>
      <pd-app-select name="other" required external-user-id=${user} token-endpoint="/api/connect-token" base-url=${env.emulatorUrl}></pd-app-select>
    </form>`);
    const [first, second] = [...form.querySelectorAll('pd-app-select')] as [PdAppSelect, PdAppSelect];
    await first.updateComplete;
    await second.updateComplete;
    expect(new FormData(form).get('app')).to.equal('slack');
    expect(new FormData(form).has('other')).to.equal(false);
    expect(second.validity.valueMissing).to.equal(true);
    expect(second.validationMessage).to.equal('Please choose an app.');
    expect(form.checkValidity()).to.equal(false);
    expect(second.reportValidity()).to.equal(false);
    expect(root(second).activeElement === input(second)).to.equal(true);

    await openWithKeyboard(second);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await second.updateComplete;
    expect(new FormData(form).get('other')).to.equal('slack');
    expect(second.validity.valid).to.equal(true);

    first.value = 'github';
    await first.updateComplete;
    expect(new FormData(form).get('app')).to.equal('github');
    form.reset();
    await first.updateComplete;
    await second.updateComplete;
    expect(first.value).to.equal('slack');
    expect(second.value).to.equal('');
    expect(new FormData(form).get('app')).to.equal('slack');

    first.disabled = true;
    await first.updateComplete;
    expect(input(first).disabled).to.equal(true);
    expect(new FormData(form).has('app')).to.equal(false);
  });

  it('a change listener already sees the new value in the host form', async () => {
    const user = uniqueUser('apps');
    const form = await fixture<HTMLFormElement>(html`<form>
      <pd-app-select name="app" external-user-id=${user} token-endpoint="/api/connect-token" base-url=${env.emulatorUrl}></pd-app-select>
    </form>`);
    const el = form.querySelector('pd-app-select') as PdAppSelect;
    await el.updateComplete;
    let seen: FormDataEntryValue | null = null;
    el.addEventListener('change', () => (seen = new FormData(form).get('app')));
    await openWithKeyboard(el);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    expect(seen).to.equal(el.value);
    expect(Boolean(el.value)).to.equal(true);
  });

  it('loads the next page as the list is scrolled to its end', async () => {
    const user = uniqueUser('apps');
    const el = await mount(user, { baseUrl: env.emulatorUrl });
    await openWithKeyboard(el);
    const first = (await appGets(user)).length;
    expect(first).to.equal(1);
    const list = listbox(el);
    list.scrollTop = list.scrollHeight;
    await waitFor(() => Number(options(el).at(-1)?.getAttribute('aria-posinset')) > 50, 8000, 'the second page');
    const gets = await appGets(user);
    expect(gets.length).to.be.greaterThan(first);
    expect(gets[1]?.query).to.contain('after=');
  });

  it('stays small in the DOM over 2,500 apps: the active option is always rendered', async () => {
    const user = uniqueUser('apps');
    const el = await mount(user, {});
    await openWithKeyboard(el);
    const list = listbox(el);
    for (let page = 2; page <= 10; page++) {
      const height = list.scrollHeight;
      list.scrollTop = list.scrollHeight;
      await waitFor(() => list.scrollHeight > height, 8000, `page ${page}`);
      await el.updateComplete;
      expect(options(el).length).to.be.lessThan(100);
    }
    list.scrollTop = list.scrollHeight;
    await waitFor(() => Number(options(el).at(-1)?.getAttribute('aria-posinset')) >= 500, 8000, 'options near 500 rendered');
    expect(options(el).length).to.be.lessThan(100);
    expect((await appGets(user)).length).to.be.greaterThanOrEqual(10);
    expect(Number(options(el)[0]?.getAttribute('aria-setsize'))).to.be.greaterThan(2500);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    const active = activeOption(el);
    expect(active !== null).to.equal(true);
    expect(options(el).length).to.be.lessThan(100);
    const box = list.getBoundingClientRect();
    const rect = (active as HTMLElement).getBoundingClientRect();
    expect(rect.top >= box.top - 1 && rect.bottom <= box.bottom + 1).to.equal(true);
    await sendKeys({ press: 'PageUp' });
    await el.updateComplete;
    expect(activeOption(el) !== null).to.equal(true);
  }).timeout(30000);

  it('looks right in the dark theme and in Arabic (right-to-left), accessible there too', async () => {
    // The dark theme is for a dark page: the label sits on the page.
    const page = await fixture<HTMLDivElement>(html`<div style="background: #09090b">${select(uniqueUser('apps'), { theme: 'dark', locale: 'ar' })}</div>`);
    const el = page.querySelector('pd-app-select') as PdAppSelect;
    await el.updateComplete;
    expect(hasState(el, 'theme-dark')).to.equal(true);
    expect(part(el, 'base')?.getAttribute('dir')).to.equal('rtl');
    expect(text(part(el, 'label'))).to.equal('التطبيق');
    await openWithKeyboard(el);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('in a right-to-left interface, names from the API keep their own direction, lined up with the interface', async () => {
    const el = await mount(uniqueUser('apps'), { locale: 'ar', value: 'openai' });
    await waitFor(() => input(el).value === 'OpenAI (ChatGPT)', 5000, 'the app name');
    expect(style(part(el, 'base')).direction).to.equal('rtl');
    // An English name reads left to right (its closing parenthesis at its right end), at the field's right.
    expect(input(el).getAttribute('dir')).to.equal('auto');
    expect(style(input(el)).direction).to.equal('ltr');
    expect(style(input(el)).textAlign).to.equal('right');
    await openWithKeyboard(el);
    const first = options(el)[0] as HTMLElement;
    for (const name of ['option-label', 'option-description']) {
      const node = first.querySelector(`[part~="${name}"]`);
      expect(node?.getAttribute('dir'), name).to.equal('auto');
      expect(style(node).direction, name).to.equal('ltr');
      expect(style(node).textAlign, name).to.equal('right');
    }
    // Cleared, the input takes the interface's direction again, for its Arabic placeholder.
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.value).to.equal('');
    expect(style(input(el)).direction).to.equal('rtl');
  });

  it('at 320 px, a long placeholder or option name ends in an ellipsis', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 320px">
      <pd-app-select
        external-user-id=${uniqueUser('apps')}
        token-endpoint="/api/connect-token"
        base-url=${env.emulatorUrl}
        placeholder="Search every app of the catalog by its name or its description"
      ></pd-app-select>
    </div>`);
    const el = wrapper.querySelector('pd-app-select') as PdAppSelect;
    await el.updateComplete;
    const field = input(el);
    expect(style(field).textOverflow).to.equal('ellipsis');
    // The placeholder is wider than the input: it is the one cut short.
    const probe = document.createElement('span');
    probe.style.font = style(field).font;
    probe.style.whiteSpace = 'nowrap';
    probe.textContent = field.placeholder;
    document.body.append(probe);
    const wide = probe.getBoundingClientRect().width;
    probe.remove();
    expect(wide).to.be.greaterThan(field.clientWidth);
    await openWithKeyboard(el);
    const label = options(el)[0]?.querySelector('[part~="option-label"]') as HTMLElement;
    expect(style(label).textOverflow).to.equal('ellipsis');
    expect(style(label).whiteSpace).to.equal('nowrap');
    expect(style(label).overflow).to.equal('hidden');
  });
});
