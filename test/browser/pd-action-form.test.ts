import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/elements/action-form/pd-action-form.js';
import type { PdActionForm } from '../../src/elements/action-form/pd-action-form.js';
import type { PdConnectSuccessEvent, PdErrorEvent, PdPropsChangeEvent, PdRunErrorEvent, PdRunSuccessEvent, PdSubmitEvent } from '../../src/events/index.js';
import { admin, env, nextFrame, requestsFor, requestsSince, seedAccount, takeUnhandledRejections, uniqueUser, waitFor } from '../support/browser-env.js';
import { addOptional, control, field, pickOption, q, qa, root, text, twinAfter } from '../support/shadow-queries.js';

interface FormOptions {
  theme?: string;
  locale?: string;
  props?: string;
  dynamicPropsId?: string;
}

function mount(user: string, key: string, options: FormOptions = {}) {
  return fixture<PdActionForm>(html`<pd-action-form
    external-user-id=${user}
    token-endpoint="/api/connect-token"
    base-url=${env.emulatorUrl}
    frontend-host=${env.emulatorUrl}
    component-key=${key}
    theme=${ifDefined(options.theme)}
    locale=${ifDefined(options.locale)}
    configured-props=${ifDefined(options.props)}
    dynamic-props-id=${ifDefined(options.dynamicPropsId)}
  ></pd-action-form>`);
}

const has = (el: PdActionForm, selector: string) => q(el, selector) !== null;
const focusedId = (el: PdActionForm) => (root(el).activeElement as HTMLElement | null)?.id ?? '';
const seed = (user: string, app: string, name = 'Acme Workspace') => seedAccount(user, app, { name, environment: 'development' });
/** How many options the open list holds (the list is windowed: most of them are not in the DOM). */
const loadedOptions = (el: PdActionForm) => Number(q(el, '[role="option"]')?.getAttribute('aria-setsize') ?? 0);

async function ready(el: PdActionForm) {
  await waitFor(() => has(el, 'form[part="form"]'), 8000, 'the form');
  await el.updateComplete;
}

async function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  input.focus();
  input.select?.();
  await sendKeys({ type: value });
}

function setValue(input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string, event = 'input') {
  input.value = value;
  input.dispatchEvent(new Event(event, { bubbles: true, composed: true }));
}

/** The POST requests on `path` logged since `since` (any user: a held request is not yet authenticated), once `ready` holds. */
async function loggedSince(since: number, path: string, ready: (logged: { status: number }[]) => boolean) {
  for (;;) {
    const logged = await requestsSince(since, path, 'POST');
    if (ready(logged)) return logged;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function submit(el: PdActionForm) {
  q<HTMLButtonElement>(el, '[part~="submit-button"]')?.click();
  await el.updateComplete;
}

/** A GitHub issue form with an account picked and its 320-repository list opened on the first page. */
async function openRepositories() {
  const user = uniqueUser();
  const account = await seed(user, 'github', 'octo-dev');
  const el = await mount(user, 'github-create-issue', { props: JSON.stringify({ github: { authProvisionId: account.id } }) });
  await ready(el);
  const input = control(el, 'repoFullname') as HTMLInputElement;
  input.focus();
  await sendKeys({ press: 'ArrowDown' });
  await waitFor(() => loadedOptions(el) === 50, 5000, 'first page');
  return { user, el, input };
}

/** A Google Sheets "add row" form with its account picked. */
async function sheetsFormWithAccount() {
  const user = uniqueUser();
  const account = await seed(user, 'google_sheets');
  const el = await mount(user, 'google_sheets-add-single-row');
  await ready(el);
  await waitFor(() => (control<HTMLSelectElement>(el, 'google_sheets')?.options.length ?? 0) > 1, 5000, 'accounts');
  setValue(control<HTMLSelectElement>(el, 'google_sheets') as HTMLSelectElement, account.id, 'change');
  await el.updateComplete;
  return { user, el };
}

/** The same with a sheet and a worksheet picked: its column props are on their way. */
async function sheetsFormWithWorksheet() {
  const { user, el } = await sheetsFormWithAccount();
  await pickOption(el, 'sheetId');
  await pickOption(el, 'worksheetId');
  return { user, el };
}

const openOptional = (el: PdActionForm) => addOptional(el);
/** The form offers this prop: its field, or the toggle that adds it. */
const offered = (el: PdActionForm, name: string) => field(el, name) !== null || q(el, `[part~="optional-toggle"][data-name="${name}"]`) !== null;

const MARKDOWN_TAGS = new Set(['A', 'P', 'BR', 'STRONG', 'EM', 'DEL', 'CODE', 'PRE', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD']);
const MARKDOWN_ATTRIBUTES: Record<string, string[]> = { A: ['href', 'title', 'target', 'rel'], OL: ['start'] };
/** Elements and attributes in rendered markdown beyond formatting and links, as `tag` or `tag[attribute]`. */
const unexpectedMarkup = (nodes: Element[]) =>
  nodes.flatMap((node) =>
    MARKDOWN_TAGS.has(node.tagName)
      ? [...node.attributes].filter((attr) => !(MARKDOWN_ATTRIBUTES[node.tagName] ?? []).includes(attr.name)).map((attr) => `${node.tagName}[${attr.name}]`)
      : [node.tagName],
  );

/** Acts inside the cross-origin connect page, like a user. */
const inFrame = (command: string, selector: string) => executeServerCommand(command, { urlIncludes: '/_static/connect.html', selector });
const overlay = () => document.querySelector('[data-pd-connect-overlay]');
/** The text of the option the combobox's `aria-activedescendant` points at. */
const activeOption = (el: PdActionForm, input: HTMLInputElement) => {
  const id = input.getAttribute('aria-activedescendant');
  return id ? text(root(el).getElementById(id)) : '';
};

afterEach(async () => {
  await admin('/faults', 'DELETE');
  // A test that failed mid-flow leaves the connect page open: close it, so the next flow may start.
  (overlay()?.querySelector('button') as HTMLButtonElement | null)?.click();
  await waitFor(() => !overlay(), 3000, 'the connect page to close');
  expect(takeUnhandledRejections()).to.deep.equal([]);
});

describe('pd-action-form', () => {
  it('shows a loading state, then the props in order with labels and sanitized markdown descriptions', async () => {
    const user = uniqueUser();
    await seed(user, 'slack');
    const el = await mount(user, 'slack-send-message');
    expect(el.matches(':state(loading)')).to.equal(true);
    await expect(el).to.be.accessible();
    await ready(el);
    expect(el.matches(':state(ready)')).to.equal(true);
    const names = qa(el, 'form > [part~="field"]').map((node) => node.dataset.name);
    expect(names).to.deep.equal(['slack', 'conversation', 'text']);
    expect(has(el, '[part~="alert-info"]')).to.equal(true);
    expect(field(el, 'include_sent_via_pipedream_flag') === null).to.equal(true);
    const link = q<HTMLAnchorElement>(el, '[part~="field"][data-name="text"] [part="description"] a');
    expect(link?.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(link?.getAttribute('target')).to.equal('_blank');
    expect(text(q(el, '[part="optional"]'))).to.contain('Optional fields (3)');
    await expect(el).to.be.accessible();
  });

  it('a second form of a component the page has loaded shows it in its first render, asking nothing again', async () => {
    const user = uniqueUser();
    const first = await mount(user, 'pipedream_utils-download-file-to-tmp');
    await ready(first);
    const since = Date.now();
    const second = twinAfter(first);
    // Everything the second form ever rendered: no loading state before its fields.
    const loadingShown: string[] = [];
    const watch = new MutationObserver((records) => {
      for (const node of records.flatMap((record) => [...record.addedNodes])) {
        if (node instanceof Element && (node.matches('[aria-busy="true"], [part~="skeleton"]') || node.querySelector('[aria-busy="true"], [part~="skeleton"]'))) loadingShown.push(node.outerHTML.slice(0, 80));
      }
    });
    watch.observe(second.shadowRoot as ShadowRoot, { childList: true, subtree: true });
    try {
      await second.updateComplete;
      expect(second.matches(':state(ready)')).to.equal(true);
      expect(qa(second, 'form > [part~="field"]').map((node) => node.dataset.name)).to.deep.equal(qa(first, 'form > [part~="field"]').map((node) => node.dataset.name));
      expect(q(second, '[part="description"]')?.innerHTML).to.equal(q(first, '[part="description"]')?.innerHTML);
      await nextFrame();
      expect(loadingShown).to.deep.equal([]);
      expect(await requestsSince(since, '/components/')).to.deep.equal([]);
    } finally {
      watch.disconnect();
      second.remove();
    }
  });

  it('renders string, secret, integer, boolean, options and read-only props', async () => {
    const user = uniqueUser();
    const el = await mount(user, 'http-new-requests');
    await ready(el);
    expect(has(el, '[part~="note"][data-type="$.interface.http"]')).to.equal(true);
    await openOptional(el);
    expect(control(el, 'sharedSecret')?.type).to.equal('password');
    expect(control(el, 'resStatusCode')?.type).to.equal('number');
    expect(control(el, 'emitBodyOnly')?.type).to.equal('checkbox');
    const chat = await mount(user, 'openai-chat');
    await ready(chat);
    const model = control<HTMLSelectElement>(chat, 'modelId');
    expect(model?.tagName).to.equal('SELECT');
    expect(model?.options.length).to.be.greaterThan(2);
    await openOptional(chat);
    expect(control(chat, 'stream')?.disabled).to.equal(true);
    expect(text(field(chat, 'stream'))).to.contain('Read-only');
    expect(control(chat, 'maxTokens')?.type).to.equal('number');
    await expect(chat).to.be.accessible();
  });

  it('edits string[] and integer[] lists and object key/value rows', async () => {
    const user = uniqueUser();
    const el = await mount(user, 'stripe-create-invoice');
    await ready(el);
    const changes: PdPropsChangeEvent[] = [];
    el.addEventListener('pd-props-change', (event) => changes.push(event));
    const amount = control(el, 'amounts') as HTMLInputElement;
    await type(amount, '1200');
    await el.updateComplete;
    (field(el, 'amounts')?.querySelector('[part="add-button"]') as HTMLButtonElement).click();
    await el.updateComplete;
    const second = field(el, 'amounts')?.querySelectorAll('input')[1] as HTMLInputElement;
    await type(second, '350');
    expect(el.configuredProps.amounts).to.deep.equal([1200, 350]);
    expect(changes.length).to.be.greaterThan(0);
    expect(changes.at(-1)?.configuredProps.amounts).to.deep.equal([1200, 350]);
    await openOptional(el);
    (field(el, 'metadata')?.querySelector('[part="add-button"]') as HTMLButtonElement).click();
    await el.updateComplete;
    const [key, value] = [...(field(el, 'metadata')?.querySelectorAll('input') ?? [])] as HTMLInputElement[];
    await type(key as HTMLInputElement, 'order');
    await type(value as HTMLInputElement, 'A-17');
    expect(el.configuredProps.metadata).to.deep.equal({ order: 'A-17' });
    expect(field(el, 'amounts')?.tagName).to.equal('FIELDSET');
    await expect(el).to.be.accessible();
  });

  it('validates JSON for any props and shows unknown-type fallbacks', async () => {
    const user = uniqueUser();
    const el = await mount(user, 'pipedream_utils-inspect-value');
    await ready(el);
    const area = control<HTMLTextAreaElement>(el, 'value') as HTMLTextAreaElement;
    await type(area, '{"a": ');
    await el.updateComplete;
    expect(area.getAttribute('aria-invalid')).to.equal('true');
    expect(text(field(el, 'value'))).to.contain('Not valid JSON');
    await expect(el).to.be.accessible();
    await sendKeys({ type: '1}' });
    await el.updateComplete;
    expect(el.configuredProps.value).to.deep.equal({ a: 1 });
    expect(area.getAttribute('aria-invalid')).to.equal('false');
  });

  it('renders sql, http_request, dir, data_store and timer props', async () => {
    const user = uniqueUser();
    const sql = await mount(user, 'postgresql-execute-custom-query');
    await ready(sql);
    const editor = control<HTMLTextAreaElement>(sql, 'sql');
    expect(editor?.value).to.equal('SELECT * FROM users LIMIT 10');
    setValue(editor as HTMLTextAreaElement, 'SELECT 1');
    await sql.updateComplete;
    expect(sql.configuredProps.sql).to.deep.include({ query: 'SELECT 1', value: 'SELECT 1' });
    const http = await mount(user, 'http-custom-request');
    await ready(http);
    expect(field(http, 'httpRequest')?.querySelectorAll('select').length).to.be.greaterThan(1);
    setValue(q<HTMLInputElement>(http, `[data-name="httpRequest"] input[type="url"]`) as HTMLInputElement, 'https://example.com/x');
    await http.updateComplete;
    expect((http.configuredProps.httpRequest as { url: string }).url).to.equal('https://example.com/x');
    await expect(http).to.be.accessible();
    const dir = await mount(user, 'pipedream_utils-download-file-to-tmp');
    await ready(dir);
    expect(has(dir, '[part~="note"][data-type="dir"]')).to.equal(true);
    const store = await mount(user, 'data_stores-add-update-record');
    await ready(store);
    expect(has(store, '[part~="note"][data-type="data_store"]')).to.equal(true);
    const timer = await mount(user, 'rss-new-item-in-feed');
    await ready(timer);
    expect(field(timer, 'timer')?.querySelectorAll('input[type="radio"]').length).to.equal(2);
    await expect(timer).to.be.accessible();
  });

  it('picks an account for an app prop and connects a new one inline', async () => {
    const user = uniqueUser();
    const account = await seed(user, 'slack', 'Team One');
    const el = await mount(user, 'slack-send-message');
    await ready(el);
    await waitFor(() => (control<HTMLSelectElement>(el, 'slack')?.options.length ?? 0) > 1, 5000, 'accounts');
    const select = control<HTMLSelectElement>(el, 'slack') as HTMLSelectElement;
    setValue(select, account.id, 'change');
    await el.updateComplete;
    expect(el.configuredProps.slack).to.deep.equal({ authProvisionId: account.id });
    expect(text(field(el, 'slack')?.querySelector('[part~="connect-button"]'))).to.contain('Connect another account');
  });

  it('remote options wait for the app, then page with load more and search: the first key press, then the rest of the burst', async () => {
    const user = uniqueUser();
    const account = await seed(user, 'github', 'octo-dev');
    const el = await mount(user, 'github-create-issue');
    await ready(el);
    expect(text(field(el, 'repoFullname'))).to.contain('first');
    expect(control(el, 'repoFullname')?.disabled).to.equal(true);
    await waitFor(() => (control<HTMLSelectElement>(el, 'github')?.options.length ?? 0) > 1, 5000, 'accounts');
    setValue(control<HTMLSelectElement>(el, 'github') as HTMLSelectElement, account.id, 'change');
    await el.updateComplete;
    const input = control(el, 'repoFullname') as HTMLInputElement;
    expect(input.disabled).to.equal(false);
    input.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => loadedOptions(el) === 50, 5000, 'first page');
    await expect(el).to.be.accessible();
    (q(el, '[part~="load-more"]') as HTMLButtonElement).click();
    await waitFor(() => loadedOptions(el) === 100, 5000, 'second page');
    const paged = await requestsFor(user, '/components/configure');
    expect(paged.length).to.equal(2);
    await sendKeys({ type: 'zzzz' });
    await waitFor(() => text(q(el, '[part="popup"]')).includes('Nothing matches'), 5000, 'no match');
    // “z” at once, “zzzz” once the typing paused: two searches for four key presses.
    await waitFor(() => q(el, '[part="popup"]')?.getAttribute('aria-busy') === 'false', 5000, 'the last answer');
    const searched = await requestsFor(user, '/components/configure');
    expect(searched.length).to.equal(4);
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Escape' });
  });

  it('shows remote option errors inline with retry and stores withLabel values as __lv', async () => {
    const user = uniqueUser();
    const el = await mount(user, 'pipedream_utils-injection-test');
    await ready(el);
    await openOptional(el);
    const input = control(el, 'remoteChoice') as HTMLInputElement;
    input.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => qa(el, '[role="option"]').length > 0, 5000, 'options');
    // Move to the option whose label is the <img> payload (shown as text), wherever the cursor starts.
    const activeText = () => {
      const id = input.getAttribute('aria-activedescendant');
      return id ? text(el.shadowRoot!.getElementById(id)) : '';
    };
    for (let i = 0; i < 6 && !activeText().includes('<img'); i++) await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const value = el.configuredProps.remoteChoice as { __lv: { label: string; value: string } };
    expect(value.__lv.value).to.equal('img');
    input.select();
    await sendKeys({ type: 'error' });
    await waitFor(() => has(el, '[part="popup"] [part="retry-button"]'), 5000, 'error');
    expect(text(q(el, '[part="popup"]'))).to.contain('Failed');
    await expect(el).to.be.accessible();
  });

  it('keeps markup from the API inert', async () => {
    const user = uniqueUser();
    (window as unknown as { __pdInjected?: boolean }).__pdInjected = undefined;
    const el = await mount(user, 'pipedream_utils-injection-test');
    await ready(el);
    await openOptional(el);
    const input = control(el, 'remoteChoice') as HTMLInputElement;
    input.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => qa(el, '[role="option"]').length > 0, 5000, 'options');
    await sendKeys({ press: 'Escape' });
    await submit(el);
    await waitFor(() => has(el, '[part~="result-summary"]'), 8000, 'result');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const all = qa(el, '*');
    expect(qa(el, 'script, iframe, img, svg foreignObject, object, embed').length).to.equal(0);
    const badAttrs = all.flatMap((node) => [...node.attributes].filter((attr) => attr.name.startsWith('on')).map((attr) => attr.name));
    expect(badAttrs).to.deep.equal([]);
    const badLinks = qa<HTMLAnchorElement>(el, 'a[href]').filter((a) => !/^(https?:|mailto:)/.test(a.getAttribute('href') ?? ''));
    expect(badLinks.length).to.equal(0);
    // The markdown path really ran (it loads lazily): the same description's safe markup rendered.
    await waitFor(() => has(el, '[part~="header"] strong'), 5000, 'rendered markdown');
    const docsLink = qa<HTMLAnchorElement>(el, '[part~="header"] a[href="https://pipedream.com/docs"]')[0];
    expect(docsLink?.getAttribute('rel')).to.equal('noopener noreferrer');
    expect((window as unknown as { __pdInjected?: boolean }).__pdInjected).to.equal(undefined);
    expect(Object.keys(window).some((key) => key.startsWith('__pdXss'))).to.equal(false);
    // Rendered markdown holds only formatting and links (the alert's screen-reader prefix aside), and the payloads as text.
    const rendered = qa(el, '.pd-markdown *').filter((node) => !node.matches('span.sr-only'));
    expect(unexpectedMarkup(rendered)).to.deep.equal([]);
    expect(text(q(el, '[part~="header"]'))).to.contain('<img src=x onerror=alert(1)>');
    expect(text(q(el, '[part~="alert-error"]'))).to.contain('<a href="javascript:alert(1)">harmless link</a>');
  });

  it('renders markdown from its tokens: formatting, lists, code, tables, safe links only, markup as text', async () => {
    const { loadMarkdown } = await import('../../src/elements/form/controls/markdown.js');
    const renderMarkdown = (await loadMarkdown())!;
    const source = [
      '# Title',
      '',
      'Some **bold**, _em_, ~~gone~~ and `<b>code</b>` &amp; &copy; &#169; &unknown; \\*not em\\*.  ',
      'After a break: [docs](https://pipedream.com/docs "Docs"), <https://example.com/a?b&amp;c>, [mail](mailto:a@example.com).',
      '',
      '1. one',
      '2. two',
      '   - nested',
      '',
      '3) three',
      '',
      '> quoted',
      '',
      '```js',
      'if (a < b) alert("x");',
      '```',
      '',
      '| a | b |',
      '| - | - |',
      '| 1 | **2** |',
      '',
      '---',
      '',
      '[js](javascript:alert(1)) [js2](JaVaScRiPt:alert(1)) [data](data:text/html,x) [rel](/relative) [ent](&#106;avascript:alert(1)) [vb](vbscript:x)',
      '![alt text](https://example.com/logo.png) ![](javascript:alert(1)) [![inner](https://example.com/i.png)](https://example.com/outer)',
      'Inline <img src=x onerror=alert(1)> <script>alert(1)</script> <style>*{color:red}</style> <iframe src="javascript:alert(1)"></iframe> <svg onload=alert(1)>',
      '<a href="javascript:alert(1)" onclick="alert(1)">harmless</a> " autofocus onfocus="alert(1)',
      '',
      '<div style="position:fixed;inset:0">overlay</div>',
      '',
      '<script>',
      'alert(1)',
      '</script>',
    ].join('\n');
    const container = await fixture<HTMLDivElement>(html`<div>${renderMarkdown(source)}</div>`);
    const all = [...container.querySelectorAll('*')];
    expect(unexpectedMarkup(all)).to.deep.equal([]);
    expect(container.querySelectorAll('h1, ol li ul li, blockquote p, pre code, table thead th, table tbody td strong, hr, br, del, em, strong').length).to.equal(12);
    expect(container.querySelector('ol + ol')?.getAttribute('start')).to.equal('3');
    expect(container.querySelector('pre code')?.textContent).to.equal('if (a < b) alert("x");');
    expect(container.querySelector('p code')?.textContent).to.equal('<b>code</b>');
    expect(text(container.querySelector('p'))).to.contain('& © © &unknown; *not em*.');
    const links = [...container.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent, a.getAttribute('target'), a.getAttribute('rel')]);
    const tab = ['_blank', 'noopener noreferrer'];
    expect(links).to.deep.equal([
      ['https://pipedream.com/docs', 'docs', ...tab],
      ['https://example.com/a?b&amp;c', 'https://example.com/a?b&amp;c', ...tab],
      ['mailto:a@example.com', 'mail', ...tab],
      ['https://example.com/logo.png', 'alt text', ...tab],
      ['https://example.com/outer', 'inner', ...tab],
    ]);
    expect(container.querySelector('a[title]')?.getAttribute('title')).to.equal('Docs');
    const body = text(container);
    for (const shown of ['js js2 data rel ent vb', '<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '<style>*{color:red}</style>', '<svg onload=alert(1)>', '<a href="javascript:alert(1)" onclick="alert(1)">harmless</a>', '" autofocus onfocus="alert(1)', '<div style="position:fixed;inset:0">overlay</div>']) {
      expect(body).to.contain(shown);
    }
  });

  it('validates on submit: focuses the first invalid field and lists what is missing', async () => {
    const user = uniqueUser();
    const el = await mount(user, 'github-create-issue');
    await ready(el);
    await submit(el);
    await el.updateComplete;
    expect(el.matches(':state(invalid)')).to.equal(true);
    const summary = q(el, '[part="error-summary"]');
    expect(text(summary)).to.contain('Title');
    await waitFor(() => focusedId(el) !== '', 2000, 'focus').catch(() => undefined);
    expect(focusedId(el)).to.equal(control(el, 'github')?.id);
    expect(control(el, 'title')?.getAttribute('aria-invalid')).to.equal('true');
    const describedBy = control(el, 'title')?.getAttribute('aria-describedby') ?? '';
    expect(describedBy.split(' ').some((id) => text(root(el).getElementById(id)).includes('required'))).to.equal(true);
    await expect(el).to.be.accessible();
    await openOptional(el);
    const milestone = control(el, 'milestoneNumber') as HTMLInputElement;
    await type(milestone, '0');
    milestone.blur();
    await el.updateComplete;
    expect(text(field(el, 'milestoneNumber'))).to.contain('1 or more');
  });

  it('runs the action and shows $summary, the returned value and logs', async () => {
    const user = uniqueUser();
    const el = await mount(user, 'http-custom-request');
    await ready(el);
    setValue(q<HTMLInputElement>(el, `[data-name="httpRequest"] input[type="url"]`) as HTMLInputElement, 'https://example.com/ping');
    await el.updateComplete;
    const submits: PdSubmitEvent[] = [];
    const successes: PdRunSuccessEvent[] = [];
    el.addEventListener('pd-submit', (event) => submits.push(event));
    el.addEventListener('pd-run-success', (event) => successes.push(event));
    await submit(el);
    // The run may wait a moment for the app to be known (an app without auth needs no account).
    await waitFor(() => el.matches(':state(running)') || successes.length > 0, 5000, 'running');
    await expect(el).to.be.accessible();
    await waitFor(() => successes.length === 1, 8000, 'run success');
    await el.updateComplete;
    expect(submits[0]?.cancelable).to.equal(true);
    expect((submits[0]?.configuredProps.httpRequest as { url: string }).url).to.equal('https://example.com/ping');
    expect(text(q(el, '[part="result-summary"]'))).to.contain('GET https://example.com/ping');
    expect(q<HTMLDetailsElement>(el, 'details[part="result-value"]')?.open).to.equal(true);
    expect(text(q(el, '[part="result-value"] pre'))).to.contain('"echo": true');
    expect(text(q(el, '[part="logs"]'))).to.contain('GET https://example.com/ping');
    await expect(el).to.be.accessible();
  });

  it('an app prop of an app without auth asks for no account, blocks nothing and is not sent', async () => {
    const user = uniqueUser();
    const el = await mount(user, 'http-custom-request');
    await ready(el);
    await waitFor(() => field(el, 'http')?.querySelector('output[part~="app"]'), 5000, 'the no-account note');
    expect(field(el, 'http')?.querySelector('select')).to.equal(null);
    expect(text(field(el, 'http'))).to.contain('works without an account');
    setValue(q<HTMLInputElement>(el, `[data-name="httpRequest"] input[type="url"]`) as HTMLInputElement, 'https://example.com/no-auth');
    await el.updateComplete;
    const successes: PdRunSuccessEvent[] = [];
    el.addEventListener('pd-run-success', (event) => successes.push(event));
    const since = Date.now();
    await submit(el);
    await waitFor(() => successes.length === 1, 8000, 'run success');
    expect(successes[0]!.configuredProps).not.to.have.property('http');
    expect((await requestsSince(since, '/actions/run', 'POST')).length).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('shows a failed run and fires pd-run-error', async () => {
    const user = uniqueUser();
    const account = await seed(user, 'hubspot');
    const el = await mount(user, 'hubspot-delete-contact', { props: JSON.stringify({ hubspot: { authProvisionId: account.id }, contactId: '123' }) });
    await ready(el);
    const errors: PdRunErrorEvent[] = [];
    el.addEventListener('pd-run-error', (event) => errors.push(event));
    await submit(el);
    await waitFor(() => errors.length === 1, 8000, 'run error');
    await el.updateComplete;
    expect(text(q(el, '[part="run-error"]')).length).to.be.greaterThan(3);
    expect(text(q(el, '[part="result"] h3'))).to.contain('failed');
    await expect(el).to.be.accessible();
  });

  it('does not run when pd-submit is cancelled', async () => {
    const user = uniqueUser();
    const el = await mount(user, 'pipedream_utils-inspect-value', { props: JSON.stringify({ value: [1, 2] }) });
    await ready(el);
    el.addEventListener('pd-submit', (event) => event.preventDefault());
    await submit(el);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(has(el, '[part="result"]')).to.equal(false);
    expect((await requestsFor(user, '/actions/run')).length).to.equal(0);
  });

  it('round-trips configured-props and reports bad JSON without crashing', async () => {
    const user = uniqueUser();
    const saved = { url: 'https://example.com/a.txt', filename: 'a.txt' };
    const el = await mount(user, 'pipedream_utils-download-file-to-tmp', { props: JSON.stringify(saved) });
    await ready(el);
    expect((control(el, 'url') as HTMLInputElement).value).to.equal(saved.url);
    expect(el.configuredProps).to.deep.equal(saved);
    const errors: PdErrorEvent[] = [];
    el.addEventListener('pd-error', (event) => errors.push(event));
    el.setAttribute('configured-props', '{not json');
    await el.updateComplete;
    await el.updateComplete;
    expect(errors[0]?.code).to.equal('invalid_configured_props');
    expect(text(q(el, '[part="error"]'))).to.contain('not valid JSON');
    expect(has(el, 'form[part="form"]')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('treats the same configuredProps object as no change, and a new one as a replacement', async () => {
    const user = uniqueUser();
    const saved = { url: 'https://example.com/a.txt', filename: 'a.txt' };
    const el = await mount(user, 'pipedream_utils-download-file-to-tmp');
    await ready(el);
    el.configuredProps = saved;
    await el.updateComplete;
    const url = () => control(el, 'url') as HTMLInputElement;
    await type(url(), 'https://example.com/typed.txt');
    // A wrapper that sets every prop on each render (e.g. @lit/react) must not wipe the typing.
    el.configuredProps = saved;
    await el.updateComplete;
    expect(url().value).to.equal('https://example.com/typed.txt');
    // The attribute replaced the values: the earlier object counts as new again.
    el.setAttribute('configured-props', JSON.stringify({ url: 'https://example.com/b.txt' }));
    await el.updateComplete;
    expect(url().value).to.equal('https://example.com/b.txt');
    el.configuredProps = saved;
    await el.updateComplete;
    expect(url().value).to.equal(saved.url);
    el.configuredProps = {};
    await el.updateComplete;
    expect(url().value).to.equal('');
  });

  it('reloads dynamic props on mount with saved values and keeps typed input on reload', async () => {
    const { user, el } = await sheetsFormWithWorksheet();
    await waitFor(() => el.dynamicPropsId && !el.matches(':state(loading)') && qa(el, '[data-name^="col_"]').length > 0, 8000, 'dynamic props');
    expect(el.getAttribute('dynamic-props-id')).to.match(/^dyp_/);
    await openOptional(el);
    const col = qa(el, '[data-name^="col_"] input')[0] as HTMLInputElement;
    await type(col, 'hello');
    const colName = col.closest<HTMLElement>('[data-name]')?.dataset.name as string;
    const hasHeaders = control(el, 'hasHeaders') as HTMLInputElement;
    hasHeaders.click();
    await waitFor(() => field(el, 'myColumnData') !== null, 8000, 'reloaded props');
    hasHeaders.click();
    await waitFor(() => field(el, colName) !== null || qa(el, '[data-name^="col_"]').length > 0 || q(el, '[part="optional"]') !== null, 8000, 'columns again');
    const saved = el.configuredProps;
    const remount = await mount(user, 'google_sheets-add-single-row', { props: JSON.stringify(saved) });
    await ready(remount);
    await waitFor(() => remount.dynamicPropsId, 8000, 'reload on mount');
    expect((await requestsFor(user, '/components/props')).length).to.be.greaterThan(2);
  });

  it('keeps what the user typed in props that still exist when the dynamic props reload', async () => {
    const { user, el } = await sheetsFormWithAccount();
    /** Opens a remote field's options and picks the option at `index`. */
    /** The worksheet options of the current spreadsheet (the listbox is closed again). */
    const worksheetCount = async () => {
      (control(el, 'worksheetId') as HTMLInputElement).focus();
      await sendKeys({ press: 'ArrowDown' });
      await waitFor(() => qa(el, '[role="option"]').length > 0, 5000, 'worksheet options');
      const count = qa(el, '[role="option"]').length;
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      return count;
    };
    // Worksheets per spreadsheet vary: take the first spreadsheet with two or more.
    for (let sheet = 0; sheet < 6; sheet++) {
      await pickOption(el, 'sheetId', sheet);
      if ((await worksheetCount()) > 1) break;
    }
    await pickOption(el, 'worksheetId', 0);
    await waitFor(() => offered(el, 'col_A') && !el.matches(':state(loading)'), 8000, 'the column fields');
    const firstWorksheet = JSON.stringify(el.configuredProps.worksheetId);
    const firstId = el.dynamicPropsId;
    await openOptional(el);
    await type(control(el, 'col_A') as HTMLInputElement, 'kept value');
    await el.updateComplete;
    expect(el.configuredProps.col_A).to.equal('kept value');

    // Another worksheet: the props reload, and col_A exists there too.
    (control(el, 'worksheetId') as HTMLInputElement).focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => qa(el, '[role="option"]').length > 1, 5000, 'worksheet options');
    const other = qa(el, '[role="option"]').find((option) => option.getAttribute('aria-selected') !== 'true') as HTMLElement;
    other.click();
    await el.updateComplete;
    expect(JSON.stringify(el.configuredProps.worksheetId) !== firstWorksheet).to.equal(true);
    await waitFor(() => el.dynamicPropsId && el.dynamicPropsId !== firstId && field(el, 'col_A') !== null, 8000, 'reloaded props');
    await el.updateComplete;
    expect(el.configuredProps.col_A).to.equal('kept value');
    expect((control(el, 'col_A') as HTMLInputElement).value).to.equal('kept value');
    expect((await requestsFor(user, '/components/props')).length).to.be.greaterThan(1);
  });

  it('shows not-found and config errors, and dark theme is accessible', async () => {
    const user = uniqueUser();
    const missing = await mount(user, 'no-such-action');
    await waitFor(() => missing.matches(':state(error)'), 8000, 'not found');
    await missing.updateComplete;
    expect(text(q(missing, '[part="error"]'))).to.contain('no-such-action');
    expect(has(missing, '[part="retry-button"]')).to.equal(true);
    await expect(missing).to.be.accessible();
    const bad = await fixture<PdActionForm>(html`<pd-action-form component-key="x"></pd-action-form>`);
    expect(text(q(bad, '[part="error"]'))).to.contain('not set up');
    const dark = await mount(user, 'stripe-create-invoice', { theme: 'dark' });
    await ready(dark);
    await submit(dark);
    await expect(dark).to.be.accessible();
    const rtl = await mount(user, 'stripe-create-invoice', { locale: 'ar' });
    await ready(rtl);
    expect(q(rtl, '[part="base"]')?.getAttribute('dir')).to.equal('rtl');
    expect(text(q(rtl, '[part~="submit-button"]'))).to.equal('تشغيل الإجراء');
    await expect(rtl).to.be.accessible();
  });

  it('takes a typed value that is not among the options: offered first, picked with the keyboard, stored and run', async () => {
    const user = uniqueUser();
    const account = await seed(user, 'slack');
    const el = await mount(user, 'slack-send-message', { props: JSON.stringify({ slack: { authProvisionId: account.id }, text: 'Hello' }) });
    await ready(el);
    const input = control(el, 'conversation') as HTMLInputElement;
    expect(input.placeholder).to.contain('type a value');
    input.focus();
    // Typed exactly as an option reads, Enter takes that option, with its own value.
    await sendKeys({ type: '#general' });
    await waitFor(() => !has(el, '[part~="option-custom"]') && qa(el, '[role="option"]').some((option) => text(option) === '#general'), 5000, 'the exact option');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const general = el.configuredProps.conversation as { __lv: { label: string; value: string } };
    expect(general.__lv.label).to.equal('#general');
    expect(general.__lv.value).to.match(/^C[A-Z0-9]+$/);
    input.select();
    await sendKeys({ type: 'C0DEADBEEF1' });
    await waitFor(() => has(el, '[part~="option-custom"]') && text(q(el, '[part="popup"]')).includes('Nothing matches'), 5000, 'the typed value offered');
    const custom = q(el, '[part~="option-custom"]') as HTMLElement;
    expect(text(custom)).to.equal('Use “C0DEADBEEF1”');
    expect(custom.getAttribute('aria-posinset')).to.equal('1');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).to.equal(custom.id);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    // A withLabel prop keeps the label Pipedream needs; the typed text is both.
    expect(el.configuredProps.conversation).to.deep.equal({ __lv: { label: 'C0DEADBEEF1', value: 'C0DEADBEEF1' } });
    expect(input.value).to.equal('C0DEADBEEF1');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(text(q(el, '[role="status"]'))).to.contain('“C0DEADBEEF1” entered');
    const successes: PdRunSuccessEvent[] = [];
    el.addEventListener('pd-run-success', (event) => successes.push(event));
    await submit(el);
    await waitFor(() => successes.length === 1, 8000, 'run success');
    expect((successes[0]?.result.ret as { channel: string }).channel).to.equal('C0DEADBEEF1');
  });

  it('Enter takes typed text as a plain value; an exact match is offered as the option instead', async () => {
    const user = uniqueUser();
    const account = await seed(user, 'github', 'octo-dev');
    const el = await mount(user, 'github-create-issue', { props: JSON.stringify({ github: { authProvisionId: account.id } }) });
    await ready(el);
    const input = control(el, 'repoFullname') as HTMLInputElement;
    input.focus();
    await sendKeys({ type: 'octo-dev/api-service' });
    await waitFor(() => !el.matches(':state(loading)') && qa(el, '[role="option"]').some((option) => text(option) === 'octo-dev/api-service'), 5000, 'the exact match');
    expect(has(el, '[part~="option-custom"]')).to.equal(false);
    await sendKeys({ press: 'Escape' });
    input.select();
    await sendKeys({ type: 'someone-else/private-repo' });
    await waitFor(() => has(el, '[part~="option-custom"]'), 5000, 'the typed value offered');
    // No option highlighted: Enter takes what was typed.
    expect(input.getAttribute('aria-activedescendant')).to.equal(null);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.configuredProps.repoFullname).to.equal('someone-else/private-repo');
    expect(input.value).to.equal('someone-else/private-repo');
  });

  it('a next page of options that fails is asked for once: the list shows the error and Retry, which continues', async () => {
    const { el } = await openRepositories();
    await admin('/faults', 'POST', { rules: [{ method: 'POST', path: '/v1/connect/components/configure', status: 400 }] });
    const since = Date.now();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'End' });
    await waitFor(() => text(q(el, '[part="popup"]')).includes('injected fault'), 5000, 'the page error');
    // Renders keep coming (scrolling, the error itself): none of them asks again by itself.
    const listbox = q(el, '[role="listbox"]') as HTMLElement;
    for (let step = 0; step < 10; step++) {
      listbox.scrollTop = listbox.scrollHeight;
      await nextFrame();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Faulted answers are logged before the user is known: count by time.
    expect((await requestsSince(since, '/components/configure', 'POST')).length).to.equal(1);
    await admin('/faults', 'DELETE');
    const retry = qa<HTMLButtonElement>(el, '[part="popup"] button').find((button) => text(button).includes('Retry'));
    expect(retry !== undefined).to.equal(true);
    retry?.click();
    await waitFor(() => loadedOptions(el) === 100, 5000, 'the second page after Retry');
  });

  it('keeps a 320-option list windowed and pages as it scrolls or as the keyboard nears the end', async () => {
    const { user, el, input } = await openRepositories();
    expect(qa(el, '[role="option"]').length).to.be.below(40);
    // Keyboard: End highlights the last loaded option, which brings the next page.
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'End' });
    await waitFor(() => loadedOptions(el) === 100, 5000, 'second page');
    expect(activeOption(el, input)).to.equal('octo-dev/payments-client');
    // Scrolling: each time the end of the list comes into view, the next page loads.
    const listbox = q(el, '[role="listbox"]') as HTMLElement;
    let mostNodes = 0;
    for (let step = 0; step < 80 && (loadedOptions(el) < 320 || has(el, '[part~="load-more"]')); step++) {
      listbox.scrollTop = listbox.scrollHeight;
      await nextFrame();
      await el.updateComplete;
      mostNodes = Math.max(mostNodes, qa(el, '[role="option"]').length);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    expect(loadedOptions(el)).to.equal(320);
    expect(has(el, '[part~="load-more"]')).to.equal(false);
    expect(mostNodes).to.be.below(40);
    expect(qa(el, '[role="option"]').some((option) => option.getAttribute('aria-posinset') === '320')).to.equal(true);
    expect(qa(el, '[role="option"]').some((option) => option.getAttribute('aria-posinset') === '1')).to.equal(false);
    // 7 pages of options, and one more request that found the end: no page twice.
    expect((await requestsFor(user, '/components/configure')).length).to.equal(8);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(activeOption(el, input)).to.equal('octo-dev/api-service');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.configuredProps.repoFullname).to.equal('octo-dev/api-service');
  });

  it('connects an account from the app field: the new account is selected and the fields after it open up', async () => {
    const user = uniqueUser();
    const el = await mount(user, 'slack-send-message');
    await ready(el);
    const connect = () => field(el, 'slack')?.querySelector<HTMLButtonElement>('[part~="connect-button"]');
    await waitFor(() => text(connect()).includes('Connect Slack'), 5000, 'the connect button');
    // The button can show before the account list has answered.
    await waitFor(() => text(control<HTMLSelectElement>(el, 'slack')?.options[0]).includes('No Slack account is connected yet'), 5000, 'the empty account list');
    expect(control(el, 'conversation')?.disabled).to.equal(true);
    const successes: PdConnectSuccessEvent[] = [];
    el.addEventListener('pd-connect-success', (event) => successes.push(event));
    connect()?.click();
    await waitFor(() => overlay()?.querySelector('iframe'), 5000, 'the connect page');
    expect(overlay()?.querySelector('iframe')?.getAttribute('src')).to.contain('app=slack');
    await expect(el).to.be.accessible();
    await inFrame('frame-click', 'role=button[name="Allow"]');
    await waitFor(() => successes.length === 1 && (el.configuredProps.slack as { authProvisionId?: string } | undefined)?.authProvisionId, 8000, 'the new account selected');
    const id = successes[0]?.account.id as string;
    expect(id).to.match(/^apn_/);
    expect(el.configuredProps.slack).to.deep.equal({ authProvisionId: id });
    await waitFor(() => !overlay(), 3000, 'the connect page to close');
    await el.updateComplete;
    expect(control<HTMLSelectElement>(el, 'slack')?.value).to.equal(id);
    expect(text(connect())).to.contain('Connect another account');
    expect(text(q(el, '[role="status"]'))).to.contain('connected');
    expect(control(el, 'conversation')?.disabled).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('a field waiting for another says so once: the hint, not also "required"', async () => {
    const user = uniqueUser();
    const el = await mount(user, 'github-create-issue');
    await ready(el);
    await waitFor(() => text(control<HTMLSelectElement>(el, 'github')?.options[0]).includes('No GitHub account'), 5000, 'the account field');
    await submit(el);
    await el.updateComplete;
    const repo = field(el, 'repoFullname') as HTMLElement;
    expect(text(repo)).to.contain('Set “GitHub account” first.');
    expect(text(repo)).not.to.contain('required');
    expect(repo.querySelector('[part~="field-error"]') === null).to.equal(true);
    expect(control(el, 'repoFullname')?.getAttribute('aria-invalid')).to.equal('false');
    const item = qa(el, '[part="error-summary"] li').find((li) => text(li).startsWith('Repository')) as HTMLElement;
    expect(text(item)).to.equal('Repository: Set “GitHub account” first.');
    // Its link goes to the field it waits for (the waiting input cannot take focus).
    (item.querySelector('button') as HTMLButtonElement).click();
    await waitFor(() => focusedId(el) === control(el, 'github')?.id, 2000, 'focus on the account field');
    await expect(el).to.be.accessible();
  });

  it('file-ref props take a /tmp path or a file URL, with a hint, validated inline', async () => {
    const user = uniqueUser();
    const account = await seed(user, 'gmail', 'ada@example.com');
    const props = { gmail: { authProvisionId: account.id }, to: ['grace@example.com'], subject: 'Report', body: 'Attached.' };
    const el = await mount(user, 'gmail-send-email', { props: JSON.stringify(props) });
    await ready(el);
    await openOptional(el);
    const input = control(el, 'attachmentFile') as HTMLInputElement;
    expect(input.getAttribute('part')).to.contain('file-ref');
    const hint = field(el, 'attachmentFile')?.querySelector('[part="hint"]') as HTMLElement;
    expect(text(hint)).to.contain('A file from an earlier step');
    expect((input.getAttribute('aria-describedby') ?? '').split(' ')).to.include(hint.id);
    await type(input, 'report.pdf');
    input.blur();
    await el.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(text(field(el, 'attachmentFile'))).to.contain('Enter a path in /tmp');
    // One message at a time: the error replaces the hint.
    expect(field(el, 'attachmentFile')?.querySelector('[part="hint"]') === null).to.equal(true);
    await expect(el).to.be.accessible();
    await type(input, '/tmp/report.pdf');
    await el.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(el.configuredProps.attachmentFile).to.equal('/tmp/report.pdf');
    await type(input, 'https://example.com/files/q3.pdf');
    await el.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    const successes: PdRunSuccessEvent[] = [];
    el.addEventListener('pd-run-success', (event) => successes.push(event));
    await submit(el);
    await waitFor(() => successes.length === 1, 8000, 'run success');
    expect((successes[0]?.result.ret as { attachments: string[] }).attachments).to.deep.equal(['q3.pdf']);
  });

  it('runs components that use the File Stash with stash_id: a new stash, or the one given', async () => {
    const user = uniqueUser();
    const el = await mount(user, 'pipedream_utils-download-file-to-tmp', { props: JSON.stringify({ url: 'https://example.com/a.txt', filename: 'a.txt' }) });
    await ready(el);
    expect(text(q(el, '[part~="note"][data-type="dir"]'))).to.contain('File Stash');
    const successes: PdRunSuccessEvent[] = [];
    const errors: PdRunErrorEvent[] = [];
    el.addEventListener('pd-run-success', (event) => successes.push(event));
    el.addEventListener('pd-run-error', (event) => errors.push(event));
    await submit(el);
    await waitFor(() => successes.length === 1, 8000, 'first run');
    const stashId = successes[0]?.result.stashId as string;
    // The emulator made a stash only because the run asked for one.
    expect(stashId).to.match(/^s_/);
    expect((await admin<{ stashes: string[] }>('/state')).stashes).to.include(stashId);
    await el.updateComplete;
    expect(text(q(el, '[part="result-stash"]'))).to.contain(stashId);
    el.stashId = stashId;
    await submit(el);
    await waitFor(() => successes.length === 2, 8000, 'second run');
    expect(successes[1]?.result.stashId).to.equal(stashId);
    el.stashId = 's_unknown0000';
    await submit(el);
    await waitFor(() => errors.length === 1, 8000, 'run with a stash the API does not know');
    expect(errors[0]?.message).to.contain('s_unknown0000');
    expect((await requestsFor(user, '/actions/run')).length).to.equal(3);
    await expect(el).to.be.accessible();
  });

  it('searches remote options: the loaded options narrow at once while the server holds the search, and its answer keeps the active option', async () => {
    const { el } = await openRepositories();
    const labels = () => qa(el, '[role="option"]').map((option) => text(option));
    const status = () => text(q(el, '[part="base"] > [role="status"]'));
    await waitFor(() => status().includes('options'), 5000, 'the count announced');
    const said = status();
    const typed = (labels()[2] ?? '').split('/')[1] as string;
    await admin('/faults', 'POST', { rules: [{ method: 'POST', path: '/v1/connect/components/configure', latencyMs: 3000, times: 2 }] });
    const since = Date.now();
    await sendKeys({ type: typed });
    const narrowed = () => labels().length > 0 && labels().every((label) => label.includes(typed));
    await waitFor(narrowed, 2000, 'the narrowed options');
    // The first key press and the end of the burst: two searches, neither answered yet.
    const held = await loggedSince(since, '/v1/connect/components/configure', (logged) => logged.length === 2);
    expect(held.every((entry) => entry.status === 0)).to.equal(true);
    expect(narrowed()).to.equal(true);
    expect(q(el, '[part="popup"]')?.getAttribute('aria-busy')).to.equal('true');
    expect(status()).to.equal(said);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const input = control(el, 'repoFullname') as HTMLInputElement;
    const active = () => text(root(el).getElementById(input.getAttribute('aria-activedescendant') ?? ''));
    const picked = active();
    expect(picked).to.include(typed);
    await waitFor(() => q(el, '[part="popup"]')?.getAttribute('aria-busy') === 'false', 8000, 'the answer');
    await el.updateComplete;
    expect(narrowed()).to.equal(true);
    expect(active()).to.equal(picked);
    await waitFor(() => status() !== said, 2000, 'the count of the answer');
    await expect(el).to.be.accessible();
  });

  it('a late answer for the first key press never replaces the answer for the whole text', async () => {
    const { el } = await openRepositories();
    const labels = () => qa(el, '[role="option"]').map((option) => text(option));
    const typed = (labels()[1] ?? '').split('/')[1] as string;
    await admin('/faults', 'POST', { rules: [{ method: 'POST', path: '/v1/connect/components/configure', latencyMs: 2500, times: 1 }] });
    const since = Date.now();
    await sendKeys({ type: typed });
    // Answered (and any next page the short list asked for), all but the first key press's search.
    const path = '/v1/connect/components/configure';
    await loggedSince(since, path, (logged) => logged.length >= 2 && logged[0]?.status === 0 && logged.slice(1).every((entry) => entry.status !== 0));
    const settled = () => q(el, '[part="popup"]')?.getAttribute('aria-busy') === 'false' && q(el, '[part~="load-more"][aria-disabled="true"]') === null;
    await waitFor(() => settled() && labels().length > 0, 5000, 'the answer for the whole text');
    const shown = labels();
    const count = loadedOptions(el);
    expect(shown.every((label) => label.includes(typed))).to.equal(true);
    // The held search for the first key press ends after it.
    await loggedSince(since, path, (logged) => logged[0]?.status !== 0);
    await el.updateComplete;
    expect(labels()).to.deep.equal(shown);
    expect(loadedOptions(el)).to.equal(count);
  });

  it('a checkbox that reloads the props reloads them at once, and the fields stay in place until the answer', async () => {
    const { el } = await sheetsFormWithWorksheet();
    await waitFor(() => offered(el, 'col_A') && !text(q(el, 'form[part="form"]')).includes('Updating the fields'), 8000, 'the column fields');
    await openOptional(el);
    const top = (node: Element | null) => node?.getBoundingClientRect().top ?? -1;
    const before = { column: top(field(el, 'col_A')), submit: top(q(el, '[part~="submit-button"]')) };
    await admin('/faults', 'POST', { rules: [{ method: 'POST', path: '/v1/connect/components/props', latencyMs: 3000, times: 1 }] });
    const since = Date.now();
    (control(el, 'hasHeaders') as HTMLInputElement).click();
    await el.updateComplete;
    expect(text(q(el, 'form[part="form"]'))).to.include('Updating the fields');
    const [reload] = await loggedSince(since, '/v1/connect/components/props', (logged) => logged.length === 1);
    // Held: nothing after the checkbox went away or moved.
    expect(reload?.status).to.equal(0);
    expect(field(el, 'col_A') !== null).to.equal(true);
    expect(top(field(el, 'col_A'))).to.equal(before.column);
    expect(top(q(el, '[part~="submit-button"]'))).to.equal(before.submit);
    await expect(el).to.be.accessible();
    await waitFor(() => offered(el, 'myColumnData'), 8000, 'the new fields');
    expect(offered(el, 'col_A')).to.equal(false);
    expect(text(q(el, 'form[part="form"]'))).to.not.include('Updating the fields');
  });

  it('a default value alone reloads nothing on mount: the definition fits the defaults', async () => {
    const user = uniqueUser();
    const el = await mount(user, 'sendgrid-send-email-single-recipient');
    await ready(el);
    expect((control(el, 'useTemplate') as HTMLInputElement).checked).to.equal(false);
    (control(el, 'useTemplate') as HTMLInputElement).click();
    await waitFor(() => field(el, 'templateId') !== null, 8000, 'the template field');
    // The one reload is the click's.
    expect((await requestsFor(user, '/components/props')).length).to.equal(1);
  });

  it('is accessible while the dynamic props reload and when a reload fails', async () => {
    const user = uniqueUser();
    const account = await seed(user, 'google_sheets');
    await admin('/faults', 'POST', { rules: [{ path: '/v1/connect/components/props', latencyMs: 1200, times: 1 }] });
    const el = await mount(user, 'google_sheets-add-single-row', { props: JSON.stringify({ google_sheets: { authProvisionId: account.id }, hasHeaders: true }) });
    await ready(el);
    await waitFor(() => text(q(el, 'form[part="form"]')).includes('Updating the fields'), 5000, 'the reload in flight');
    await expect(el).to.be.accessible();
    await waitFor(() => !text(q(el, 'form[part="form"]')).includes('Updating the fields'), 8000, 'the reload done');
    // Every attempt fails (the SDK retries 5xx twice): the error shows with a retry.
    await admin('/faults', 'POST', { rules: [{ path: '/v1/connect/components/props', status: 500, body: { error: 'props are down' }, times: 3 }] });
    (control(el, 'hasHeaders') as HTMLInputElement).click();
    await waitFor(() => text(q(el, 'form[part="form"]')).includes('Could not update the fields'), 10000, 'the reload error');
    expect(has(el, 'form [part="retry-button"]')).to.equal(true);
    await expect(el).to.be.accessible();
  });
});
