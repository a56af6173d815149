import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import '../../src/elements/action-form/pd-action-form.js';
import '../../src/elements/trigger-form/pd-trigger-form.js';
import { PdActionForm } from '../../src/elements/action-form/pd-action-form.js';
import { PdTriggerForm } from '../../src/elements/trigger-form/pd-trigger-form.js';
import type { PdRunSuccessEvent } from '../../src/events/index.js';
import { admin, env, requestsFor, seedAccount, takeUnhandledRejections, uniqueUser, waitFor } from '../support/browser-env.js';
import { contrast, normalColor } from '../support/colour.js';
import { addOptional, control, field, pickOption, q, qa, root, text } from '../support/shadow-queries.js';
import { takeLitDevWarnings } from '../support/lit-dev-warnings.js';

// ------------------------------------------------------------------------------------------------
// Lit's update warnings, caught in any build: Lit's dev build reports an update scheduled after an
// update completed ("change-in-update") by checking `isUpdatePending` right after `updated()`;
// the same check runs here on the forms. Lit's own dev-mode warnings fail every browser test
// (test/support/lit-dev-warnings.ts).
// ------------------------------------------------------------------------------------------------

const problems: string[] = [];

function watchUpdates(ctor: typeof LitElement): void {
  const proto = ctor.prototype as unknown as { updated(changed: unknown): void; isUpdatePending: boolean; localName: string };
  const original = proto.updated;
  proto.updated = function (this: typeof proto, changed: unknown) {
    original.call(this, changed);
    if (this.isUpdatePending) problems.push(`${this.localName} scheduled an update after an update completed`);
  };
}

watchUpdates(PdActionForm);
watchUpdates(PdTriggerForm);

/** An element that does what the forms must not: a state change from `updated()`. */
class UpdateInUpdated extends LitElement {
  static override properties = { count: { state: true } };
  count = 0;
  protected override updated(): void {
    if (this.count < 1) this.count++;
  }
}
customElements.define('test-update-in-updated', UpdateInUpdated);
watchUpdates(UpdateInUpdated);

// ------------------------------------------------------------------------------------------------

const focused = (el: HTMLElement) => root(el).activeElement as HTMLElement | null;

function mount<T extends HTMLElement>(tag: 'pd-action-form' | 'pd-trigger-form', user: string, key: string, props?: unknown) {
  const el = document.createElement(tag) as unknown as T;
  el.setAttribute('external-user-id', user);
  el.setAttribute('token-endpoint', '/api/connect-token');
  el.setAttribute('base-url', env.emulatorUrl);
  el.setAttribute('frontend-host', env.emulatorUrl);
  el.setAttribute('component-key', key);
  if (props) el.setAttribute('configured-props', JSON.stringify(props));
  return fixture<T>(html`${el}`);
}

async function ready(el: HTMLElement & { updateComplete: Promise<boolean> }) {
  await waitFor(() => q(el, 'form[part="form"]'), 8000, 'the form');
  await el.updateComplete;
}

/** Presses Tab (or Shift+Tab) until the focused control inside the form matches, like a keyboard user. */
async function tabTo(el: HTMLElement, matches: (node: HTMLElement) => boolean, what: string, key = 'Tab') {
  for (let presses = 0; presses < 25; presses++) {
    const node = focused(el);
    if (node && matches(node)) return node;
    await sendKeys({ press: key });
  }
  throw new Error(`Tab never reached ${what}`);
}

const seed = (user: string, app: string, name: string) => seedAccount(user, app, { name, environment: 'development' });

/** A GitHub issue form for a new user, with that user's GitHub account picked, ready to use. */
async function githubIssueForm(): Promise<{ user: string; el: PdActionForm }> {
  const user = uniqueUser();
  const account = await seed(user, 'github', 'octo-dev');
  const el = await mount<PdActionForm>('pd-action-form', user, 'github-create-issue', { github: { authProvisionId: account.id } });
  await ready(el);
  return { user, el };
}

beforeEach(() => {
  problems.length = 0;
});

afterEach(async () => {
  await admin('/faults', 'DELETE');
  expect(takeUnhandledRejections()).to.deep.equal([]);
});

// ------------------------------------------------------------------------------------------------
// Accessibility details: names, focus, bidi isolation, paging with the keyboard, disabled fields.
// ------------------------------------------------------------------------------------------------

/**
 * A label's accessible name from its text nodes, as Chromium computes it (its accessibility tree
 * is not open to page scripts): text with no layout box does not count, nor does a space-only text
 * node beside a comment (Lit's markers), which Chromium draws but leaves out of the name.
 */
function nameFromText(node: Element): string {
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  let name = '';
  for (let current = walker.nextNode() as Text | null; current; current = walker.nextNode() as Text | null) {
    if (current.parentElement?.closest('[aria-hidden="true"]')) continue;
    const beside = [current.previousSibling, current.nextSibling].some((sibling) => sibling?.nodeType === Node.COMMENT_NODE);
    if (!current.data.trim() && beside) continue;
    const range = document.createRange();
    range.selectNodeContents(current);
    if (range.getClientRects().length) name += current.data;
  }
  return name.replace(/\s+/g, ' ').trim();
}

/** The text node that starts with `start`. */
function textNode(scope: Element | null | undefined, start: string): Text {
  const walker = document.createTreeWalker(scope as Element, NodeFilter.SHOW_TEXT);
  for (let current = walker.nextNode(); current; current = walker.nextNode()) {
    if ((current as Text).data.trim().startsWith(start)) return current as Text;
  }
  throw new Error(`No text "${start}…"`);
}

/** The element holding the text that starts with `start`: where that text's direction is decided. */
const holderOf = (scope: Element | null | undefined, start: string) => textNode(scope, start).parentElement as HTMLElement;

const direction = (node: Element) => getComputedStyle(node).direction;

const openOptional = (el: HTMLElement & { updateComplete: Promise<boolean> }) => addOptional(el);

/** How many options the open list holds (it is windowed: most are not in the DOM). */
const loadedOptions = (el: HTMLElement) => Number(q(el, '[role="option"]')?.getAttribute('aria-setsize') ?? 0);
/** The position (1-based) of the option the combobox points at. */
const activePosition = (el: HTMLElement, input: HTMLElement) => Number(root(el).getElementById(input.getAttribute('aria-activedescendant') ?? '')?.getAttribute('aria-posinset') ?? 0);

describe('pd-action-form and pd-trigger-form: quality', () => {
  it('the update check catches an update scheduled from updated()', async () => {
    const probe = await fixture<UpdateInUpdated>(html`<test-update-in-updated></test-update-in-updated>`);
    await probe.updateComplete;
    expect(problems).to.deep.equal(['test-update-in-updated scheduled an update after an update completed']);
    // Lit's dev build says the same: the shared check after each test would fail on it.
    const warnings = takeLitDevWarnings();
    expect(warnings.length).to.equal(1);
    expect(warnings[0]).to.contain('Element test-update-in-updated scheduled an update');
    expect(warnings[0]).to.contain('lit.dev/msg/change-in-update');
  });

  it('is used with the keyboard alone, from the first field to the result, without update warnings', async () => {
    const user = uniqueUser();
    const account = await seed(user, 'slack', 'Keyboard Team');
    const el = await mount<PdActionForm>('pd-action-form', user, 'slack-send-message');
    await ready(el);
    await waitFor(() => (control<HTMLSelectElement>(el, 'slack')?.options.length ?? 0) > 1, 5000, 'accounts');
    el.focus();
    // The account: a native select changes with the arrow keys.
    const accountSelect = await tabTo(el, (node) => node === control(el, 'slack'), 'the account select');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.configuredProps.slack).to.deep.equal({ authProvisionId: account.id });
    expect(focused(el)).to.equal(accountSelect);

    // The channel: type to search, arrows to move, Enter to pick.
    const channel = (await tabTo(el, (node) => node === control(el, 'conversation'), 'the channel combobox')) as HTMLInputElement;
    await sendKeys({ type: 'gen' });
    await waitFor(() => qa(el, '[role="option"]').some((option) => text(option) === '#general'), 5000, 'the matching channel');
    await expect(el).to.be.accessible();
    for (let step = 0; step < 5; step++) {
      const active = channel.getAttribute('aria-activedescendant');
      if (active && text(root(el).getElementById(active)) === '#general') break;
      await sendKeys({ press: 'ArrowDown' });
    }
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect((el.configuredProps.conversation as { __lv: { label: string } }).__lv.label).to.equal('#general');
    expect(channel.getAttribute('aria-expanded')).to.equal('false');

    await tabTo(el, (node) => node === control(el, 'text'), 'the text field');
    await sendKeys({ type: 'Typed without a mouse' });

    // An optional field is added with Enter on its toggle, which keeps focus; the field follows it.
    const toggle = await tabTo(el, (node) => node.dataset.name === 'mrkdwn' && node.getAttribute('part') === 'optional-toggle', 'the mrkdwn toggle');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => toggle.getAttribute('aria-pressed') === 'true' && control(el, 'mrkdwn'), 2000, 'mrkdwn added');
    expect(root(el).activeElement).to.equal(toggle);
    await tabTo(el, (node) => node === control(el, 'mrkdwn'), 'the mrkdwn checkbox');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.configuredProps.mrkdwn).to.equal(false);

    const successes: PdRunSuccessEvent[] = [];
    el.addEventListener('pd-run-success', (event) => successes.push(event));
    await tabTo(el, (node) => node.getAttribute('part') === 'submit-button', 'the run button');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => successes.length === 1, 8000, 'the run');
    await el.updateComplete;
    expect(text(q(el, '[part="result-summary"]'))).to.contain('Typed without a mouse');
    // The result's JSON can be reached and scrolled with the keyboard.
    await tabTo(el, (node) => node.tagName === 'PRE', 'the returned value');
    await expect(el).to.be.accessible();
    expect(problems).to.deep.equal([]);
  });

  it('a failed submit sends focus to the first field to fix; Escape and Tab leave an open list cleanly', async () => {
    const { el } = await githubIssueForm();
    const submit = await tabTo(el, (node) => node.getAttribute('part') === 'submit-button', 'the run button', 'Shift+Tab');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => focused(el) === control(el, 'repoFullname'), 3000, 'focus on the first invalid field');
    expect(el.matches(':state(invalid)')).to.equal(true);
    await expect(el).to.be.accessible();
    const repo = focused(el) as HTMLInputElement;
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => qa(el, '[role="option"]').length > 0, 5000, 'options');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(repo.getAttribute('aria-expanded')).to.equal('false');
    expect(focused(el)).to.equal(repo);
    await sendKeys({ type: 'octo-dev/api' });
    // Tab stops at the open list's "Load more" (when the list has one), then leaves the field.
    await tabTo(el, (node) => !node.closest('[part~="remote-select"]'), 'the next field');
    await el.updateComplete;
    // Leaving with Tab forgets the typed text: nothing was picked.
    expect(repo.value).to.equal('');
    expect(el.configuredProps.repoFullname).to.equal(undefined);
    expect(focused(el) === repo).to.equal(false);
    expect(submit.isConnected).to.equal(true);
    expect(problems).to.deep.equal([]);
  });

  it('reloading dynamic props under a focused field, and paging a long list, schedule no update from inside an update', async () => {
    const user = uniqueUser();
    const account = await seed(user, 'google_sheets', 'Sheets');
    const el = await mount<PdActionForm>('pd-action-form', user, 'google_sheets-add-single-row', { google_sheets: { authProvisionId: account.id } });
    await ready(el);
    await pickOption(el, 'sheetId');
    await pickOption(el, 'worksheetId');
    await waitFor(() => el.dynamicPropsId && qa(el, '[data-name^="col_"]').length > 0, 8000, 'dynamic props');
    await addOptional(el);
    // Focus sits in a column field while another field reloads the props and the column goes away.
    const column = qa<HTMLInputElement>(el, '[data-name^="col_"] input')[0] as HTMLInputElement;
    column.focus();
    await sendKeys({ type: 'x' });
    (control(el, 'hasHeaders') as HTMLInputElement).click();
    await waitFor(() => field(el, 'myColumnData') !== null, 8000, 'reloaded props');
    await el.updateComplete;

    const repos = await seed(user, 'github', 'octo-dev');
    const github = await mount<PdActionForm>('pd-action-form', user, 'github-create-issue', { github: { authProvisionId: repos.id } });
    await ready(github);
    (control(github, 'repoFullname') as HTMLInputElement).focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => qa(github, '[role="option"]').length > 0, 5000, 'options');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'End' });
    await waitFor(() => Number(q(github, '[role="option"]')?.getAttribute('aria-setsize')) >= 100, 5000, 'more pages');
    await github.updateComplete;
    expect(problems).to.deep.equal([]);
  });

  it('names each field as its label reads: "Thread timestamp (optional)", "API version (optional) Read-only"', async () => {
    const user = uniqueUser();
    const slack = await mount<PdActionForm>('pd-action-form', user, 'slack-send-message');
    await ready(slack);
    await openOptional(slack);
    const labelOf = (el: HTMLElement, name: string) => (control(el, name) as HTMLInputElement).labels?.[0] as HTMLLabelElement;
    expect(nameFromText(labelOf(slack, 'thread_ts'))).to.equal('Thread timestamp (optional)');
    expect(nameFromText(labelOf(slack, 'mrkdwn'))).to.equal('Format as mrkdwn (optional)');
    expect(nameFromText(labelOf(slack, 'text'))).to.equal('Text');
    // A group's legend, and the read-only badge, are spaced the same way.
    const gmail = await mount<PdActionForm>('pd-action-form', user, 'gmail-send-email');
    await ready(gmail);
    await openOptional(gmail);
    expect(nameFromText(field(gmail, 'cc')?.querySelector('legend') as HTMLElement)).to.equal('Cc (optional)');
    const sendgrid = await mount<PdActionForm>('pd-action-form', user, 'sendgrid-send-email-single-recipient');
    await ready(sendgrid);
    await openOptional(sendgrid);
    expect(nameFromText(labelOf(sendgrid, 'apiVersion'))).to.equal('API version (optional) Read-only');
  });

  it("keeps its own text style inside a host page's centred, bold, spaced-out container", async () => {
    const user = uniqueUser();
    const account = await seed(user, 'github', 'octo-dev');
    // As a starter template's #app, or a form placed inside <pre>, <strong> or a styled heading.
    const wrapper = await fixture<HTMLDivElement>(html`<div style="text-align: center; font-weight: 700; font-style: italic; letter-spacing: 4px; word-spacing: 9px; text-transform: uppercase; text-indent: 40px; white-space: pre">
      <pd-action-form component-key="github-create-issue" external-user-id=${user} token-endpoint="/api/connect-token" base-url=${env.emulatorUrl} frontend-host=${env.emulatorUrl}
        .configuredProps=${{ github: { authProvisionId: account.id } }}></pd-action-form>
    </div>`);
    const el = wrapper.querySelector('pd-action-form') as PdActionForm;
    await ready(el);
    const description = q(el, '[part="description"]') as HTMLElement;
    expect(description, 'a field description').to.be.instanceOf(HTMLElement);
    for (const node of [description, q(el, '[part~="field"]') as HTMLElement]) {
      const style = getComputedStyle(node);
      expect(['start', 'left'], `text-align of ${node.getAttribute('part')}`).to.include(style.textAlign);
      expect(style.fontStyle).to.equal('normal');
      expect(style.letterSpacing).to.equal('normal');
      expect(style.wordSpacing).to.equal('0px');
      expect(style.textTransform).to.equal('none');
      expect(style.textIndent).to.equal('0px');
      expect(style.whiteSpace).to.equal('normal');
    }
    expect(getComputedStyle(description).fontWeight).to.equal('400');
  });

  it('shows focus as a 2px outline in the focus colour on valid and invalid fields, 3:1 against the form in light and dark', async () => {
    const { el } = await githubIssueForm();
    await waitFor(() => (control<HTMLSelectElement>(el, 'github')?.options.length ?? 0) > 1, 5000, 'accounts');
    q<HTMLButtonElement>(el, '[part~="submit-button"]')?.click();
    await waitFor(() => focused(el) === control(el, 'repoFullname'), 3000, 'focus on the first invalid field');
    const check = async (node: HTMLElement, what: string) => {
      // Border colours fade in (a transition): read them as they end.
      await Promise.all(node.getAnimations().map((animation) => animation.finished));
      expect(focused(el), what).to.equal(node);
      expect(node.matches(':focus-visible'), what).to.equal(true);
      const style = getComputedStyle(node);
      const token = getComputedStyle(el).getPropertyValue('--_pd-color-focus').trim();
      const background = getComputedStyle(q(el, '[part="base"]') as HTMLElement).backgroundColor;
      expect(style.outlineStyle, what).to.equal('solid');
      expect(parseFloat(style.outlineWidth), what).to.be.at.least(2);
      expect(parseFloat(style.outlineOffset), what).to.be.at.least(1);
      expect(normalColor(style.outlineColor), what).to.equal(normalColor(token));
      expect(contrast(style.outlineColor, background), what).to.be.at.least(3);
      // No ring under the outline (forced colours would drop it; the outline alone shows focus).
      expect(style.boxShadow.includes('0px 0px 0px 3px'), what).to.equal(false);
      return style;
    };
    for (const theme of ['light', 'dark']) {
      el.setAttribute('theme', theme);
      await el.updateComplete;
      const repo = control(el, 'repoFullname') as HTMLInputElement;
      repo.focus();
      expect(repo.getAttribute('aria-invalid')).to.equal('true');
      // An invalid field keeps its red border under the outline.
      const invalid = await check(repo, `invalid text input (${theme})`);
      expect(normalColor(invalid.borderTopColor)).to.equal(normalColor(getComputedStyle(el).getPropertyValue('--_pd-color-danger').trim()));
      const select = await tabTo(el, (node) => node === control(el, 'github'), 'the account select', 'Shift+Tab');
      expect(select.getAttribute('aria-invalid')).to.equal('false');
      await check(select, `valid select (${theme})`);
      const title = control(el, 'title') as HTMLInputElement;
      title.focus();
      await sendKeys({ type: 'A title' });
      await el.updateComplete;
      expect(title.getAttribute('aria-invalid')).to.equal('false');
      await check(title, `valid text input (${theme})`);
      await sendKeys({ press: 'Control+A' });
      await sendKeys({ press: 'Backspace' });
      await el.updateComplete;
    }
    await expect(el).to.be.accessible();
    expect(problems).to.deep.equal([]);
  });

  it('keeps API text in its own direction in a right-to-left form: labels, descriptions, alerts, options, the header and the result', async () => {
    const user = uniqueUser();
    const account = await seed(user, 'slack', 'Bidi Team');
    const el = await mount<PdActionForm>('pd-action-form', user, 'slack-send-message', { slack: { authProvisionId: account.id }, text: 'Hello from the test.' });
    el.setAttribute('locale', 'ar');
    await ready(el);
    const base = q(el, '[part="base"]') as HTMLElement;
    expect(direction(base)).to.equal('rtl');
    // Translated text follows the form; English from the API keeps left to right.
    expect(direction(holderOf(q(el, '[part="optional"]'), 'حقول'))).to.equal('rtl');
    const checks: [string, Element | null | undefined, string][] = [
      ['label', field(el, 'text')?.querySelector('[part~="label"]'), 'Text'],
      ['description', field(el, 'text')?.querySelector('[part~="description"]'), 'Message text'],
      ['alert', q(el, '[part~="alert"]'), 'Messages are posted'],
      ['header name', q(el, '[part="header"] h2'), 'Send Message'],
      ['header description', q(el, '[part="header"]'), 'Send a message'],
    ];
    await waitFor(() => q(el, '[part="header"] a'), 5000, 'rendered markdown');
    for (const [what, scope, start] of checks) expect(direction(holderOf(scope, start)), what).to.equal('ltr');
    // The full stop of "Turn off to send the text exactly as typed." stays at its right end.
    await openOptional(el);
    const sentence = textNode(field(el, 'mrkdwn'), 'Turn off');
    const charBox = (at: number) => {
      const range = document.createRange();
      range.setStart(sentence, at);
      range.setEnd(sentence, at + 1);
      return range.getBoundingClientRect();
    };
    const stop = sentence.data.lastIndexOf('.');
    expect(charBox(stop).left).to.be.above(charBox(stop - 1).left);
    expect(charBox(stop).left).to.be.above(charBox(0).left);
    // Options of a remote list.
    const channel = control(el, 'conversation') as HTMLInputElement;
    channel.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => qa(el, '[role="option"]').some((option) => text(option) === '#general'), 5000, 'channels');
    const general = qa(el, '[role="option"]').find((option) => text(option) === '#general');
    expect(direction(holderOf(general, '#general'))).to.equal('ltr');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    // The run's summary.
    q<HTMLButtonElement>(el, '[part~="submit-button"]')?.click();
    await waitFor(() => q(el, '[part="result-summary"]'), 8000, 'the result');
    const summary = q(el, '[part="result-summary"]') as HTMLElement;
    expect(direction(holderOf(summary, text(summary).slice(0, 4)))).to.equal('ltr');
    expect(direction(summary.closest('[part="result"]') as HTMLElement)).to.equal('rtl');
    await expect(el).to.be.accessible();
  });

  it('"Load more" in an options list is a Tab stop: Enter and Space load the next page, focus goes on to its first option', async () => {
    const { user, el } = await githubIssueForm();
    const input = control(el, 'repoFullname') as HTMLInputElement;
    input.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => loadedOptions(el) === 50, 5000, 'the first page');
    const pages = (await requestsFor(user, '/components/configure')).length;
    // Tab: from the input to the list's button; the list stays open.
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('part')).to.equal('load-more');
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => loadedOptions(el) === 100, 5000, 'the second page');
    // Focus is back on the input, on the first option of the new page.
    await waitFor(() => focused(el) === input && activePosition(el, input) === 51, 3000, 'the first new option');
    expect((await requestsFor(user, '/components/configure')).length).to.equal(pages + 1);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('part')).to.equal('load-more');
    await sendKeys({ press: 'Space' });
    await waitFor(() => loadedOptions(el) === 150, 5000, 'the third page');
    await waitFor(() => focused(el) === input && activePosition(el, input) === 101, 3000, 'the first option of the third page');
    // The arrow keys go on from there.
    await sendKeys({ press: 'ArrowDown' });
    expect(activePosition(el, input)).to.equal(102);
    // Escape on the button closes the list and returns to the input; Tab from it leaves the field.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(focused(el)).to.equal(input);
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => q(el, '[part~="load-more"]'), 3000, 'the list again');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(focused(el)).to.equal(control(el, 'title'));
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(problems).to.deep.equal([]);
  });

  it('an ArrowDown pressed while an options list loads lands on its first option once it arrives', async () => {
    const { el } = await githubIssueForm();
    await admin('/faults', 'POST', { rules: [{ method: 'POST', path: '/v1/connect/components/configure', latencyMs: 700, times: 1 }] });
    try {
      const input = control(el, 'repoFullname') as HTMLInputElement;
      input.focus();
      await sendKeys({ press: 'ArrowDown' });
      expect(loadedOptions(el), 'still loading when the key is pressed').to.equal(0);
      await waitFor(() => loadedOptions(el) > 0, 5000, 'the options');
      await el.updateComplete;
      const active = q(el, '[role="option"][data-active]');
      expect(active, 'an active option').to.not.equal(null);
      expect(input.getAttribute('aria-activedescendant')).to.equal(active!.id);
      expect(qa(el, '[role="option"]').indexOf(active!)).to.equal(0);
    } finally {
      await admin('/faults', 'DELETE');
    }
  });

  it('shows disabled fields apart from enabled and read-only ones in light and dark, and keeps them legible', async () => {
    const user = uniqueUser();
    for (const theme of ['light', 'dark']) {
      // Repository waits for the account: disabled. API version is read-only.
      const github = await mount<PdActionForm>('pd-action-form', user, 'github-create-issue');
      github.setAttribute('theme', theme);
      await ready(github);
      const disabled = control(github, 'repoFullname') as HTMLInputElement;
      const enabled = control(github, 'title') as HTMLInputElement;
      expect(disabled.disabled).to.equal(true);
      const off = getComputedStyle(disabled);
      const on = getComputedStyle(enabled);
      expect(off.borderTopStyle, theme).to.equal('dashed');
      expect(on.borderTopStyle, theme).to.equal('solid');
      expect(normalColor(off.backgroundColor), theme).to.not.equal(normalColor(on.backgroundColor));
      expect(normalColor(off.color), theme).to.equal(normalColor(getComputedStyle(github).getPropertyValue('--_pd-color-text-muted').trim()));
      // Not faded out: what a disabled field says stays readable.
      expect(Number(off.opacity), theme).to.equal(1);
      expect(contrast(off.color, off.backgroundColor), theme).to.be.at.least(4.5);
      await expect(github).to.be.accessible();
      const sendgrid = await mount<PdActionForm>('pd-action-form', user, 'sendgrid-send-email-single-recipient');
      sendgrid.setAttribute('theme', theme);
      await ready(sendgrid);
      const readOnly = getComputedStyle(control(sendgrid, 'apiVersion') as HTMLInputElement);
      expect(readOnly.borderTopStyle, theme).to.equal('solid');
      expect(normalColor(readOnly.color), theme).to.equal(normalColor(getComputedStyle(sendgrid).getPropertyValue('--_pd-color-text').trim()));
    }
  });

  it('the trigger form: timer, free text and deploy with the keyboard, without update warnings', async () => {
    const user = uniqueUser();
    const el = await mount<PdTriggerForm>('pd-trigger-form', user, 'rss-new-item-in-feed');
    await ready(el);
    el.focus();
    await tabTo(el, (node) => node === control(el, 'url'), 'the feed URL');
    await sendKeys({ type: 'https://example.com/feed.xml' });
    await tabTo(el, (node) => node.getAttribute('type') === 'radio', 'the schedule');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(typeof (el.configuredProps.timer as { cron?: string }).cron).to.equal('string');
    await tabTo(el, (node) => node.getAttribute('part') === 'input cron', 'the cron expression');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('part')).to.contain('timezone');
    await expect(el).to.be.accessible();
    await tabTo(el, (node) => node.getAttribute('part') === 'submit-button', 'the deploy button');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => el.matches(':state(deployed)'), 8000, 'deployed');
    await el.updateComplete;
    await expect(el).to.be.accessible();
    expect(problems).to.deep.equal([]);
  });
});
