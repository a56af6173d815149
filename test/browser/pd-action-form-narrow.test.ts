import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/action-form/pd-action-form.js';
import type { PdActionForm } from '../../src/elements/action-form/pd-action-form.js';
import { PdFieldValueEvent, type PdErrorEvent, type PdPropsChangeEvent, type PdRunSuccessEvent, type PdSubmitEvent } from '../../src/events/index.js';
import { env, requestsFor, seedAccount, uniqueUser, waitFor } from '../support/browser-env.js';
import { addOptional, control, field, pickOption, q, qa, root, text } from '../support/shadow-queries.js';

// Forms that fit one purpose: only some props, preset values, the host's own controls, and
// optional fields added and removed one by one.

const seed = (user: string) => seedAccount(user, 'slack', { name: 'Narrow Team', environment: 'development' });

/** A Slack "send message" form for `user`, with the attributes given (strings, as a page writes them). */
async function mount(user: string, attributes: Record<string, string> = {}, children = ''): Promise<PdActionForm> {
  const el = await fixture<PdActionForm>(html`<pd-action-form
    external-user-id=${user}
    token-endpoint="/api/connect-token"
    base-url=${env.emulatorUrl}
    frontend-host=${env.emulatorUrl}
    component-key="slack-send-message"
  ></pd-action-form>`);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  if (children) el.insertAdjacentHTML('beforeend', children);
  await waitFor(() => q(el, 'form[part="form"]'), 8000, 'the form');
  await el.updateComplete;
  return el;
}

/** The props the form shows a field for, in order. */
const shownFields = (el: PdActionForm) => qa(el, '[part~="field"]').map((node) => node.dataset.name);
const toggle = (el: PdActionForm, name: string) => q<HTMLButtonElement>(el, `[part~="optional-toggle"][data-name="${name}"]`);
const announced = (el: PdActionForm) => text(q(el, '[role="status"]'));

async function submitted(el: PdActionForm): Promise<PdSubmitEvent[]> {
  const submits: PdSubmitEvent[] = [];
  el.addEventListener('pd-submit', (event) => submits.push(event));
  q<HTMLButtonElement>(el, '[part~="submit-button"]')?.click();
  await el.updateComplete;
  return submits;
}

describe('pd-action-form: narrow forms', function () {
  // Runs an action end to end: slow on a loaded machine.
  this.timeout(20_000);

  it('prop-names shows only the props named, in their order; a hidden preset account still drives the channel list and is sent once', async () => {
    const user = uniqueUser();
    const account = await seed(user);
    const el = await mount(user, { 'prop-names': 'text, conversation', 'hidden-props': JSON.stringify({ slack: { authProvisionId: account.id } }) });
    expect(shownFields(el)).to.deep.equal(['text', 'conversation']);
    expect(q(el, '[part="optional"]')).to.equal(null);
    expect(q(el, '[part~="alert"]')).to.equal(null);
    // The hidden account is the one the channel options are asked with.
    await pickOption(el, 'conversation');
    expect(el.configuredProps.conversation).to.not.equal(undefined);
    (control(el, 'text') as HTMLInputElement).focus();
    await sendKeys({ type: 'From a one-purpose form' });
    const runs: PdRunSuccessEvent[] = [];
    el.addEventListener('pd-run-success', (event) => runs.push(event));
    const submits = await submitted(el);
    await waitFor(() => runs.length === 1, 8000, 'the run');
    expect(submits[0]?.configuredProps.slack).to.deep.equal({ authProvisionId: account.id });
    expect(submits[0]?.configuredProps.text).to.equal('From a one-purpose form');
    expect((await requestsFor(user, '/actions/run')).length).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('says at submit that a required prop left out of prop-names has no value, and sends nothing', async () => {
    const user = uniqueUser();
    const el = await mount(user, { 'prop-names': 'text' });
    (control(el, 'text') as HTMLInputElement).focus();
    await sendKeys({ type: 'Hello' });
    const submits = await submitted(el);
    await el.updateComplete;
    expect(submits.length).to.equal(0);
    const summary = text(q(el, '[part="error-summary"]'));
    expect(summary.toLowerCase()).to.contain('slack account');
    expect(summary).to.contain('not shown in this form');
    expect(summary).to.contain('Channel');
    expect(announced(el)).to.contain('2 fields need attention');
    expect((await requestsFor(user, '/actions/run')).length).to.equal(0);
  });

  it('locked-props show read-only, override configured-props and cannot be changed; hidden-props have no field', async () => {
    const user = uniqueUser();
    const el = await mount(user, {
      'configured-props': JSON.stringify({ text: 'from the saved configuration', thread_ts: '1.2' }),
      'locked-props': JSON.stringify({ text: 'Locked text' }),
      'hidden-props': JSON.stringify({ thread_ts: '1736150012.000100' }),
    });
    const textField = field(el, 'text');
    expect(text(textField)).to.contain('Read-only');
    expect((control(el, 'text') as HTMLInputElement).readOnly).to.equal(true);
    expect((control(el, 'text') as HTMLInputElement).value).to.equal('Locked text');
    expect(el.configuredProps.text).to.equal('Locked text');
    expect(el.setPropValue('text', 'changed')).to.equal(false);
    expect(el.configuredProps.text).to.equal('Locked text');
    // Hidden: no field and no toggle, but sent.
    expect(field(el, 'thread_ts')).to.equal(null);
    expect(toggle(el, 'thread_ts')).to.equal(null);
    expect(el.configuredProps.thread_ts).to.equal('1736150012.000100');
    // New values for the same prop replace neither preset.
    el.configuredProps = { text: 'other', thread_ts: '9.9' };
    await el.updateComplete;
    expect(el.configuredProps.text).to.equal('Locked text');
    expect(el.configuredProps.thread_ts).to.equal('1736150012.000100');
    // A preset taken away leaves its value, now the user's to change.
    el.lockedProps = {};
    await el.updateComplete;
    expect((control(el, 'text') as HTMLInputElement).readOnly).to.equal(false);
    expect(el.setPropValue('text', 'mine now')).to.equal(true);
    expect(el.configuredProps.text).to.equal('mine now');
    await expect(el).to.be.accessible();
  });

  it('hide-optional-props offers no optional field, and still sends the optional values it was given', async () => {
    const user = uniqueUser();
    const el = await mount(user, { 'hide-optional-props': '', 'configured-props': JSON.stringify({ mrkdwn: false }) });
    expect(shownFields(el)).to.deep.equal(['slack', 'conversation', 'text']);
    expect(q(el, '[part="optional"]')).to.equal(null);
    expect(el.configuredProps.mrkdwn).to.equal(false);
  });

  it('says a locked-props or hidden-props value that is not a JSON object, with pd-error, and keeps the form usable', async () => {
    const user = uniqueUser();
    const errors: PdErrorEvent[] = [];
    const el = await fixture<PdActionForm>(html`<pd-action-form
      external-user-id=${user}
      token-endpoint="/api/connect-token"
      base-url=${env.emulatorUrl}
      frontend-host=${env.emulatorUrl}
      component-key="slack-send-message"
      locked-props="{text: 'not json'}"
      hidden-props="[1, 2]"
      @pd-error=${(event: PdErrorEvent) => errors.push(event)}
    ></pd-action-form>`);
    await waitFor(() => q(el, 'form[part="form"]'), 8000, 'the form');
    const alert = qa(el, '[part="error"][role="alert"]').map((node) => text(node)).join(' ');
    expect(alert).to.contain('The preset values could not be read');
    expect(alert).to.contain('locked-props');
    expect(alert).to.contain('hidden-props: expected a JSON object');
    expect(errors.some((error) => error.code === 'invalid_configured_props')).to.equal(true);
    expect((control(el, 'text') as HTMLInputElement).readOnly).to.equal(false);
  });
});

describe('pd-action-form: optional fields', () => {
  it('adds and removes one optional field at a time; a removed value is not sent and comes back when the field is added again', async () => {
    const user = uniqueUser();
    const el = await mount(user);
    const changes: PdPropsChangeEvent[] = [];
    el.addEventListener('pd-props-change', (event) => changes.push(event));
    expect(shownFields(el)).to.deep.equal(['slack', 'conversation', 'text']);
    expect(text(q(el, '[part="optional"]'))).to.contain('Optional fields (3)');
    const thread = toggle(el, 'thread_ts') as HTMLButtonElement;
    expect(thread.getAttribute('aria-pressed')).to.equal('false');

    thread.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(thread.getAttribute('aria-pressed')).to.equal('true');
    expect(root(el).activeElement).to.equal(thread);
    expect(shownFields(el)).to.deep.equal(['slack', 'conversation', 'text', 'thread_ts']);
    expect(announced(el)).to.equal('Thread timestamp added below.');
    (control(el, 'thread_ts') as HTMLInputElement).focus();
    await sendKeys({ type: '1736150012.000100' });
    expect(el.configuredProps.thread_ts).to.equal('1736150012.000100');

    // Adding mrkdwn brings its default, which is then sent.
    await addOptional(el, 'mrkdwn');
    expect(el.configuredProps.mrkdwn).to.equal(true);

    thread.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(field(el, 'thread_ts')).to.equal(null);
    expect('thread_ts' in el.configuredProps).to.equal(false);
    expect(changes.at(-1)?.configuredProps).to.not.have.property('thread_ts');
    expect(announced(el)).to.contain('Thread timestamp removed');
    // The other one keeps its value.
    expect(el.configuredProps.mrkdwn).to.equal(true);

    thread.click();
    await el.updateComplete;
    expect((control(el, 'thread_ts') as HTMLInputElement).value).to.equal('1736150012.000100');
    expect(el.configuredProps.thread_ts).to.equal('1736150012.000100');
    await expect(el).to.be.accessible();
  });

  it('opens a saved configuration with its optional fields shown and their toggles pressed', async () => {
    const user = uniqueUser();
    const el = await mount(user, { 'configured-props': JSON.stringify({ text: 'Saved', reply_broadcast: true }) });
    expect(shownFields(el)).to.deep.equal(['slack', 'conversation', 'text', 'reply_broadcast']);
    expect(toggle(el, 'reply_broadcast')?.getAttribute('aria-pressed')).to.equal('true');
    expect(toggle(el, 'thread_ts')?.getAttribute('aria-pressed')).to.equal('false');
    expect((control(el, 'reply_broadcast') as HTMLInputElement).checked).to.equal(true);
  });

  it('shows an optional prop named in prop-names without a toggle', async () => {
    const user = uniqueUser();
    const el = await mount(user, { 'prop-names': 'text,thread_ts' });
    expect(shownFields(el)).to.deep.equal(['text', 'thread_ts']);
    expect(toggle(el, 'thread_ts')).to.equal(null);
  });
});

describe('pd-action-form: the host\'s own controls', function () {
  this.timeout(20_000);

  it('puts a slotted native select in place of the channel field: its value in and out, its error, focus at submit', async () => {
    const user = uniqueUser();
    const account = await seed(user);
    const el = await mount(
      user,
      { 'configured-props': JSON.stringify({ slack: { authProvisionId: account.id }, text: 'Hi' }) },
      '<select slot="prop:conversation" aria-label="Channel"><option value="">Pick one</option><option value="C1">#general</option><option value="C2">#random</option></select>',
    );
    await el.updateComplete;
    const select = el.querySelector('select') as HTMLSelectElement;
    const group = field(el, 'conversation')?.querySelector('[part~="custom-field"]') as HTMLElement;
    expect(group.getAttribute('role')).to.equal('group');
    expect(root(el).getElementById(group.getAttribute('aria-labelledby') ?? '')?.textContent).to.contain('Channel');
    expect(field(el, 'conversation')?.querySelector('input[role="combobox"]')).to.equal(null);
    expect(select.assignedSlot?.name).to.equal('prop:conversation');

    // Empty and required: the submit flags it and focuses the host's control.
    const submits = await submitted(el);
    await el.updateComplete;
    expect(submits.length).to.equal(0);
    expect(text(field(el, 'conversation'))).to.contain('required');
    expect(select.getAttribute('aria-invalid')).to.equal('true');
    await waitFor(() => document.activeElement === select, 2000, 'focus on the slotted select');

    select.value = 'C2';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(el.configuredProps.conversation).to.equal('C2');
    expect(select.hasAttribute('aria-invalid')).to.equal(false);

    // Values in: a new configuration shows in the host's control.
    el.configuredProps = { slack: { authProvisionId: account.id }, text: 'Hi', conversation: 'C1' };
    await el.updateComplete;
    expect(select.value).to.equal('C1');

    const runs: PdRunSuccessEvent[] = [];
    el.addEventListener('pd-run-success', (event) => runs.push(event));
    const sent = await submitted(el);
    await waitFor(() => runs.length === 1, 8000, 'the run');
    expect(sent[0]?.configuredProps.conversation).to.equal('C1');
    await expect(el).to.be.accessible();
  });

  it('takes any value from a custom control through pd-field-value, and gives it the value back', async () => {
    const user = uniqueUser();
    const el = await mount(user, {}, '<div slot="prop:text"><button type="button">Use the template</button></div>');
    const holder = el.querySelector('[slot="prop:text"]') as HTMLElement & { value?: unknown };
    const button = holder.querySelector('button') as HTMLButtonElement;
    button.addEventListener('click', () => button.dispatchEvent(new PdFieldValueEvent('From the template')));
    button.click();
    await el.updateComplete;
    expect(el.configuredProps.text).to.equal('From the template');
    expect(holder.value).to.equal('From the template');
    // A slot added after the form rendered is picked up.
    el.insertAdjacentHTML('beforeend', '<input slot="prop:thread_ts" aria-label="Thread">');
    await addOptional(el, 'thread_ts');
    await waitFor(() => field(el, 'thread_ts')?.querySelector('slot[name="prop:thread_ts"]'), 2000, 'the slot for thread_ts');
    const input = el.querySelector('input[slot="prop:thread_ts"]') as HTMLInputElement;
    input.focus();
    await sendKeys({ type: '12.5' });
    await el.updateComplete;
    expect(el.configuredProps.thread_ts).to.equal('12.5');
  });
});
