import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import '../../src/elements/action-form/pd-action-form.js';
import '../../src/elements/trigger-form/pd-trigger-form.js';
import { PdActionForm } from '../../src/elements/action-form/pd-action-form.js';
import { PdTriggerForm } from '../../src/elements/trigger-form/pd-trigger-form.js';
import type { PdRunSuccessEvent } from '../../src/events/index.js';
import { admin, env, seedAccount, takeUnhandledRejections, uniqueUser, waitFor } from '../support/browser-env.js';
import { control, field, pickOption, q, qa, root, text } from '../support/shadow-queries.js';
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

beforeEach(() => {
  problems.length = 0;
});

afterEach(async () => {
  await admin('/faults', 'DELETE');
  expect(takeUnhandledRejections()).to.deep.equal([]);
});

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

    // The optional fields open with Enter on their disclosure.
    const summary = await tabTo(el, (node) => node.tagName === 'SUMMARY', 'the optional fields');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => (summary.parentElement as HTMLDetailsElement).open, 2000, 'optional fields open');
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
    const user = uniqueUser();
    const account = await seed(user, 'github', 'octo-dev');
    const el = await mount<PdActionForm>('pd-action-form', user, 'github-create-issue', { github: { authProvisionId: account.id } });
    await ready(el);
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
    await sendKeys({ press: 'Tab' });
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
    const details = q<HTMLDetailsElement>(el, 'details[part="optional"]');
    if (details && !details.open) {
      details.querySelector('summary')?.click();
      await waitFor(() => details.open, 2000, 'optional fields');
    }
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
