import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/elements/account-list/pd-account-list.js';
import '../../src/elements/action-form/pd-action-form.js';
import '../../src/elements/app-select/pd-app-select.js';
import '../../src/elements/connect-button/pd-connect-button.js';
import '../../src/elements/connect-provider/pd-connect-provider.js';
import '../../src/elements/trigger-form/pd-trigger-form.js';
import type { PdAccountList } from '../../src/elements/account-list/pd-account-list.js';
import type { PdActionForm } from '../../src/elements/action-form/pd-action-form.js';
import type { PdConnectButton } from '../../src/elements/connect-button/pd-connect-button.js';
import type { PdTriggerForm } from '../../src/elements/trigger-form/pd-trigger-form.js';
import type { PdConnectErrorEvent, PdDeployErrorEvent, PdDeploySuccessEvent, PdErrorEvent, PdRunErrorEvent } from '../../src/events/index.js';
import {
  admin, connectAttrs, env, requestsSince, seedAccount, setTokenMode, takeUncaughtErrors, takeUnhandledRejections, tokenFor, uniqueUser, waitFor,
} from '../support/browser-env.js';
import { field, q, qa, text } from '../support/shadow-queries.js';

const fault = (rule: Record<string, unknown>) => admin('/faults', 'POST', { rules: [rule] });
const shadowText = (el: Element) => text(el.shadowRoot as unknown as Element);

function actionForm(user: string, key: string, extra: { runEndpoint?: string; props?: string } = {}) {
  return fixture<PdActionForm>(html`<pd-action-form
    external-user-id=${user}
    token-endpoint="/api/connect-token"
    base-url=${env.emulatorUrl}
    component-key=${key}
    run-endpoint=${ifDefined(extra.runEndpoint)}
    configured-props=${ifDefined(extra.props)}
  ></pd-action-form>`);
}

async function formReady(el: PdActionForm | PdTriggerForm) {
  await waitFor(() => q(el, 'form[part="form"]') !== null, 8000, 'the form');
  await el.updateComplete;
}

async function submit(el: PdActionForm | PdTriggerForm) {
  q<HTMLButtonElement>(el, '[part~="submit-button"]')?.click();
  await el.updateComplete;
}

/** The inspect action needs one JSON value: the quickest action to run. */
const INSPECT = 'pipedream_utils-inspect-value';
const INSPECT_PROPS = JSON.stringify({ value: { answer: 42 } });

/** A ready form of the inspect action, for a new user. */
async function inspectForm(): Promise<PdActionForm> {
  const el = await actionForm(uniqueUser(), INSPECT, { props: INSPECT_PROPS });
  await formReady(el);
  return el;
}

async function runOnce(el: PdActionForm): Promise<PdRunErrorEvent> {
  const errors: PdRunErrorEvent[] = [];
  el.addEventListener('pd-run-error', (event) => errors.push(event));
  await submit(el);
  await waitFor(() => errors.length === 1, 8000, 'pd-run-error');
  await el.updateComplete;
  return errors[0] as PdRunErrorEvent;
}

/** Deployed triggers of the user, as the emulator has them. */
async function deployedAt(user: string): Promise<string[]> {
  const token = await tokenFor(user);
  const response = await fetch(`${env.emulatorUrl}/v1/connect/deployed-triggers?external_user_id=${encodeURIComponent(user)}`, { headers: { authorization: `Bearer ${token}` } });
  return ((await response.json()) as { data: { id: string }[] }).data.map((trigger) => trigger.id);
}

async function slackTriggerForm(user: string) {
  const account = await seedAccount(user, 'slack', { name: 'Acme Workspace', environment: 'development' });
  const el = await fixture<PdTriggerForm>(html`<pd-trigger-form
    external-user-id=${user}
    token-endpoint="/api/connect-token"
    base-url=${env.emulatorUrl}
    component-key="slack-new-message-in-channels"
    webhook-url=${`${location.origin}/api/webhook-sink/${user}`}
  ></pd-trigger-form>`);
  await formReady(el);
  await waitFor(() => (field(el, 'slack')?.querySelector('select')?.options.length ?? 0) > 1, 5000, 'accounts');
  const select = field(el, 'slack')?.querySelector('select') as HTMLSelectElement;
  select.value = account.id;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await waitFor(() => !el.matches(':state(list-loading)'), 8000, 'the deployed-trigger list');
  await el.updateComplete;
  return el;
}

afterEach(async () => {
  // A failed test must not leave its connect overlay (and its flow) open for the next one.
  document.querySelector<HTMLButtonElement>('[data-pd-connect-overlay] button')?.click();
  await admin('/faults', 'DELETE');
  await executeServerCommand('block-origin', { origin: env.emulatorUrl, blocked: false });
  expect(takeUnhandledRejections()).to.deep.equal([]);
  expect(takeUncaughtErrors().map(String)).to.deep.equal([]);
});

describe('a write is sent once per click', () => {
  it('a run answered 500 is sent once, and its outcome is said as unknown', async () => {
    const el = await inspectForm();
    await fault({ method: 'POST', path: '/v1/connect/actions/run', status: 500 });
    const since = Date.now();
    const error = await runOnce(el);
    // The SDK's default would have sent it three times (two retries on 5xx).
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect((await requestsSince(since, '/v1/connect/actions/run', 'POST')).length).to.equal(1);
    expect(error.outcomeUnknown).to.equal(true);
    expect(text(q(el, '[part="run-error"]'))).to.contain('It is not known whether the action ran');
    expect(text(q(el, '[part="result"] h3'))).to.contain('Outcome unknown');
  });

  it('a run that happened but whose answer was lost (504 from a gateway) ran once, and the form says it may have', async () => {
    const el = await inspectForm();
    await fault({ method: 'POST', path: '/v1/connect/actions/run', status: 504, forward: true });
    const since = Date.now();
    const error = await runOnce(el);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const runs = await requestsSince(since, '/v1/connect/actions/run', 'POST');
    expect(runs.map((entry) => entry.status)).to.deep.equal([504]);
    expect(error.outcomeUnknown).to.equal(true);
    expect(text(q(el, '[part="run-error"]'))).to.contain('Check what it does before you run it again');
  });

  it('a refused run (400) is a plain failure: not unknown, sent once', async () => {
    const el = await inspectForm();
    await fault({ method: 'POST', path: '/v1/connect/actions/run', status: 400 });
    const since = Date.now();
    const error = await runOnce(el);
    expect((await requestsSince(since, '/v1/connect/actions/run', 'POST')).length).to.equal(1);
    expect(error.outcomeUnknown).to.equal(false);
    expect(text(q(el, '[part="run-error"]'))).to.contain('Could not run the action');
  });

  it('a run through run-endpoint that answers 502 is posted once and said as unknown', async () => {
    const user = uniqueUser();
    const endpoint = `/api/failing-endpoint/run-${user}`;
    const el = await actionForm(user, INSPECT, { props: INSPECT_PROPS, runEndpoint: `${endpoint}?status=502` });
    await formReady(el);
    const error = await runOnce(el);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const hits = (await (await fetch(endpoint)).json()) as { count: number };
    expect(hits.count).to.equal(1);
    expect(error.outcomeUnknown).to.equal(true);
    expect(text(q(el, '[part="run-error"]'))).to.contain('It is not known whether the action ran');
  });

  it('a runCallback is called once, and an error it marks outcomeUnknown is said as unknown', async () => {
    const el = await inspectForm();
    let calls = 0;
    el.runCallback = async () => {
      calls++;
      throw Object.assign(new Error('the job queue timed out'), { outcomeUnknown: true });
    };
    const error = await runOnce(el);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(calls).to.equal(1);
    expect(error.outcomeUnknown).to.equal(true);
    expect(text(q(el, '[part="run-error"]'))).to.contain('It is not known whether the action ran (the job queue timed out)');
  });

  it('a deploy whose answer was lost is sent once; the form finds the deployed trigger and shows it', async () => {
    const user = uniqueUser();
    const el = await slackTriggerForm(user);
    await fault({ method: 'POST', path: '/v1/connect/triggers/deploy', status: 504, forward: true });
    const since = Date.now();
    const successes: PdDeploySuccessEvent[] = [];
    el.addEventListener('pd-deploy-success', (event) => successes.push(event));
    await submit(el);
    await waitFor(() => successes.length === 1, 8000, 'the deploy found after the lost answer');
    await el.updateComplete;
    expect((await requestsSince(since, '/v1/connect/triggers/deploy', 'POST')).length).to.equal(1);
    const deployed = await deployedAt(user);
    expect(deployed).to.deep.equal([successes[0]?.trigger.id]);
    expect(el.matches(':state(deployed)')).to.equal(true);
    expect(el.matches(':state(deploy-error)')).to.equal(false);
  });

  it('a deploy answered 500 that did not happen is sent once; the form checks, then offers to deploy again', async () => {
    const user = uniqueUser();
    const el = await slackTriggerForm(user);
    await fault({ method: 'POST', path: '/v1/connect/triggers/deploy', status: 500 });
    const since = Date.now();
    const errors: PdDeployErrorEvent[] = [];
    el.addEventListener('pd-deploy-error', (event) => errors.push(event));
    await submit(el);
    await waitFor(() => errors.length === 1, 8000, 'pd-deploy-error');
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect((await requestsSince(since, '/v1/connect/triggers/deploy', 'POST')).length).to.equal(1);
    expect(await deployedAt(user)).to.deep.equal([]);
    expect(errors[0]?.outcomeUnknown).to.equal(false);
    expect(shadowText(el)).to.contain('The trigger was not deployed');
    expect(shadowText(el)).to.contain('You can deploy it again');
    // The list was read to find out.
    expect((await requestsSince(since, '/v1/connect/deployed-triggers', 'GET')).length).to.be.greaterThan(0);
  });

  it('a deploy whose outcome cannot be checked says so', async () => {
    const user = uniqueUser();
    const el = await slackTriggerForm(user);
    await fault({ method: 'POST', path: '/v1/connect/triggers/deploy', status: 502 });
    await fault({ method: 'GET', path: '/v1/connect/deployed-triggers*', status: 404 });
    const errors: PdDeployErrorEvent[] = [];
    el.addEventListener('pd-deploy-error', (event) => errors.push(event));
    await submit(el);
    await waitFor(() => errors.length === 1, 8000, 'pd-deploy-error');
    await el.updateComplete;
    expect(errors[0]?.outcomeUnknown).to.equal(true);
    expect(shadowText(el)).to.contain('It is not known whether the trigger was deployed');
  });

  it('a disconnect answered 503 is sent once and said as unknown; the list checks', async () => {
    const user = uniqueUser();
    await seedAccount(user, 'slack', { name: 'Acme Workspace', environment: 'development' });
    const el = await fixture<PdAccountList>(html`<pd-account-list
      external-user-id=${user} token-endpoint="/api/connect-token" base-url=${env.emulatorUrl}
    ></pd-account-list>`);
    await waitFor(() => qa(el, '[part~="item"]').length === 1, 8000, 'the account');
    await fault({ method: 'DELETE', path: '/v1/connect/accounts/*', status: 503, forward: true });
    const since = Date.now();
    const errors: PdErrorEvent[] = [];
    el.addEventListener('pd-error', (event) => errors.push(event));
    q<HTMLButtonElement>(el, '[part~="disconnect-button"]')?.click();
    await el.updateComplete;
    q<HTMLButtonElement>(el, '[part~="confirm-button"]')?.click();
    await waitFor(() => errors.length === 1, 8000, 'pd-error');
    expect(errors[0]?.message).to.contain('It is not known whether');
    // It was deleted after all: the list's own check shows that.
    await waitFor(() => qa(el, '[part~="item"]').length === 0, 8000, 'the list after its check');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await requestsSince(since, '/v1/connect/accounts/', 'DELETE')).length).to.equal(1);
  });
});

describe('nothing waits forever', function () {
  // Connect pages load in a frame of their own: more patience on a loaded machine.
  this.timeout(20_000);
  it('a token endpoint that never answers times out with token_failed, a message and Retry, which then works', async () => {
    const user = uniqueUser();
    await seedAccount(user, 'slack', { name: 'Acme Workspace', environment: 'development' });
    await setTokenMode(user, 'hang');
    const errors: PdErrorEvent[] = [];
    const el = await fixture<PdAccountList>(html`<pd-account-list
      external-user-id=${user} token-endpoint="/api/connect-token" base-url=${env.emulatorUrl} token-timeout="600"
      @pd-error=${(event: PdErrorEvent) => errors.push(event)}
    ></pd-account-list>`);
    await waitFor(() => errors.length === 1, 5000, 'the token timeout');
    await el.updateComplete;
    expect(errors[0]?.code).to.equal('token_failed');
    expect(shadowText(el)).to.contain('The token endpoint did not answer within 0.6 seconds');
    await setTokenMode(user, 'ok');
    q<HTMLButtonElement>(el, '[part~="retry-button"]')?.click();
    await waitFor(() => qa(el, '[part~="item"]').length === 1, 8000, 'the list after Retry');
  });

  it('a token callback that never settles times out too, in the user\'s language', async () => {
    const user = uniqueUser();
    const el = await fixture<PdAccountList>(html`<pd-account-list
      external-user-id=${user} base-url=${env.emulatorUrl} token-timeout="500" locale="de"
      .tokenCallback=${() => new Promise(() => {})}
    ></pd-account-list>`);
    await waitFor(() => el.matches(':state(error)'), 5000, 'the error state');
    await el.updateComplete;
    expect(shadowText(el)).to.contain('Der Token-Callback wurde nicht innerhalb von 0,5 Sekunden fertig');
  });

  it('a connect button whose token never comes shows token_failed and can try again', async () => {
    const user = uniqueUser();
    await setTokenMode(user, 'hang');
    const el = await fixture<PdConnectButton>(html`<pd-connect-button app="slack"
      external-user-id=${user} token-endpoint="/api/connect-token" base-url=${env.emulatorUrl} frontend-host=${env.emulatorUrl} token-timeout="500"
    ></pd-connect-button>`);
    const errors: PdConnectErrorEvent[] = [];
    el.addEventListener('pd-connect-error', (event) => errors.push(event));
    q<HTMLButtonElement>(el, 'button')?.click();
    await waitFor(() => errors.length === 1, 5000, 'the token timeout');
    await el.updateComplete;
    expect(errors[0]?.code).to.equal('token_failed');
    expect(el.matches(':state(error)')).to.equal(true);
    expect(document.querySelector('[data-pd-connect-overlay]') === null).to.equal(true);
  });

  it('a connect page that answers 503 fails as load_failed, not as a cancel by the user', async () => {
    const user = uniqueUser();
    await admin('/faults', 'POST', { connect_page: 'unavailable' });
    const el = await fixture<PdConnectButton>(html`<pd-connect-button app="slack"
      external-user-id=${user} token-endpoint="/api/connect-token" base-url=${env.emulatorUrl} frontend-host=${env.emulatorUrl}
    ></pd-connect-button>`);
    const errors: PdConnectErrorEvent[] = [];
    el.addEventListener('pd-connect-error', (event) => errors.push(event));
    q<HTMLButtonElement>(el, 'button')?.click();
    await waitFor(() => errors.length === 1, 8000, 'the connect error');
    expect(errors[0]?.code).to.equal('load_failed');
    expect(document.querySelector('[data-pd-connect-overlay]') === null).to.equal(true);
  });

  it('Escape closes the connect overlay after its page loaded: focus stays in the overlay', async () => {
    const user = uniqueUser();
    const el = await fixture<PdConnectButton>(html`<pd-connect-button app="slack"
      external-user-id=${user} token-endpoint="/api/connect-token" base-url=${env.emulatorUrl} frontend-host=${env.emulatorUrl}
    ></pd-connect-button>`);
    const errors: PdConnectErrorEvent[] = [];
    el.addEventListener('pd-connect-error', (event) => errors.push(event));
    q<HTMLButtonElement>(el, 'button')?.click();
    await executeServerCommand('frame-wait', { urlIncludes: '/_static/connect.html', selector: 'role=button[name="Allow"]' });
    const overlay = await waitFor(() => document.querySelector('[data-pd-connect-overlay]'), 5000, 'the overlay');
    expect(overlay.contains(document.activeElement)).to.equal(true);
    // A modal dialog in the top layer: the page behind it is inert.
    expect(overlay.matches('dialog:modal')).to.equal(true);
    expect(overlay.getAttribute('aria-label')).to.contain('Slack');
    // A synthetic key: a real key press that removes an out-of-process frame can stall the test driver.
    document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await waitFor(() => errors.length === 1, 5000, 'the cancel');
    expect(errors[0]?.code).to.equal('user_cancelled');
  }).timeout(40_000);

  it('once a Retry gets a token again, every element that failed for want of one loads, in the user\'s language', async () => {
    const user = uniqueUser();
    await seedAccount(user, 'slack', { name: 'Acme Workspace', environment: 'development' });
    await setTokenMode(user, 'status-500');
    const wrapper = await fixture<HTMLElement>(html`<pd-connect-provider external-user-id=${user} token-endpoint="/api/connect-token" base-url=${env.emulatorUrl} frontend-host=${env.emulatorUrl} locale="de">
      <pd-account-list></pd-account-list>
      <pd-action-form component-key=${INSPECT} configured-props=${INSPECT_PROPS}></pd-action-form>
    </pd-connect-provider>`);
    const list = wrapper.querySelector('pd-account-list') as PdAccountList;
    const form = wrapper.querySelector('pd-action-form') as PdActionForm;
    await waitFor(() => list.matches(':state(error)') && form.matches(':state(error)'), 8000, 'both failed');
    expect(shadowText(list)).to.contain('Der Token-Endpunkt /api/connect-token hat mit HTTP 500 geantwortet.');
    expect(shadowText(form)).to.contain('Der Token-Endpunkt /api/connect-token hat mit HTTP 500 geantwortet.');
    // Whatever the form does by itself (its strings arriving re-render it) is over: it stays failed.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(form.matches(':state(error)'), 'the form, still failed').to.equal(true);
    await setTokenMode(user, 'ok');
    // Only the list's Retry: the form follows by itself.
    q<HTMLButtonElement>(list, '[part~="retry-button"]')?.click();
    await waitFor(() => qa(list, '[part~="item"]').length === 1, 8000, 'the list after Retry');
    await formReady(form);
    expect(form.matches(':state(error)')).to.equal(false);
  });

  it('a list that failed offline loads by itself when the browser is back online', async () => {
    const user = uniqueUser();
    await seedAccount(user, 'slack', { name: 'Acme Workspace', environment: 'development' });
    const token = await tokenFor(user);
    await executeServerCommand('block-origin', { origin: env.emulatorUrl, blocked: true });
    const el = await fixture<PdAccountList>(html`<pd-account-list external-user-id=${user} base-url=${env.emulatorUrl} .token=${token}></pd-account-list>`);
    await waitFor(() => el.matches(':state(error)'), 8000, 'the offline error');
    expect(shadowText(el)).to.contain('The Connect API could not be reached');
    await executeServerCommand('block-origin', { origin: env.emulatorUrl, blocked: false });
    // What the browser fires when its network is back.
    window.dispatchEvent(new Event('online'));
    await waitFor(() => qa(el, '[part~="item"]').length === 1, 8000, 'the list after coming back online');
  });
});

describe('one user\'s data never shows for another', () => {
  /** A list of `user` whose load is refused as a token problem (`pd-error` `token_failed`). */
  async function listRefusedFor(user: string): Promise<PdAccountList> {
    const errors: PdErrorEvent[] = [];
    const el = await fixture<PdAccountList>(html`<pd-account-list
      external-user-id=${user} token-endpoint="/api/connect-token" base-url=${env.emulatorUrl}
      @pd-error=${(event: PdErrorEvent) => errors.push(event)}
    ></pd-account-list>`);
    await waitFor(() => errors.length === 1, 8000, 'the refusal');
    await el.updateComplete;
    expect(errors[0]?.code).to.equal('token_failed');
    return el;
  }

  it('a token endpoint that answers another user\'s token shows nothing of that user: token_failed', async () => {
    const user = uniqueUser();
    await seedAccount(`${user}-other`, 'slack', { name: 'Someone Else', environment: 'development' });
    await setTokenMode(user, 'other-user');
    const el = await listRefusedFor(user);
    expect(qa(el, '[part~="item"]').length).to.equal(0);
    expect(shadowText(el)).to.not.contain('Someone Else');
  });

  it('an account answer for another user is refused even when the API lets it through', async () => {
    const user = uniqueUser();
    const other = `${user}-other`;
    await seedAccount(other, 'slack', { name: 'Someone Else', environment: 'development' });
    const answer = await (await fetch(`${env.emulatorUrl}/v1/connect/accounts`, { headers: { authorization: `Bearer ${await tokenFor(other)}` } })).json();
    await fault({ method: 'GET', path: '/v1/connect/accounts', body: answer });
    const el = await listRefusedFor(user);
    expect(shadowText(el)).to.contain('The sign-in token is for a different user');
    expect(shadowText(el)).to.not.contain('Someone Else');
  });
});

describe('bad settings and bad answers are errors, not crashes', () => {
  it('a provider with a user but no token source throws nothing; the button inside says what is missing', async () => {
    const user = uniqueUser();
    const wrapper = await fixture<HTMLElement>(html`<div><pd-connect-provider external-user-id=${user}>
      <pd-connect-button app="slack"></pd-connect-button>
    </pd-connect-provider></div>`);
    const button = wrapper.querySelector('pd-connect-button') as PdConnectButton;
    await button.updateComplete;
    expect(shadowText(button)).to.contain('set token-endpoint');
    const theme = await fixture<HTMLElement>(html`<pd-connect-provider theme="dark"></pd-connect-provider>`);
    expect(theme.isConnected).to.equal(true);
  });

  it('frontend-host and base-url must be hosts or URLs: a configuration error, and no token goes anywhere', async () => {
    const user = uniqueUser();
    const attrs = connectAttrs(user);
    const el = await fixture<PdConnectButton>(html`<pd-connect-button app="slack"
      external-user-id=${user} token-endpoint="/api/connect-token" base-url=${attrs['base-url']} frontend-host="not a url"
    ></pd-connect-button>`);
    const errors: PdConnectErrorEvent[] = [];
    el.addEventListener('pd-connect-error', (event) => errors.push(event));
    expect(shadowText(el)).to.contain('frontend-host must be a host such as pipedream.com');
    q<HTMLButtonElement>(el, 'button')?.click();
    await el.updateComplete;
    expect(errors[0]?.code).to.equal('config_invalid');
    expect(document.querySelector('[data-pd-connect-overlay]') === null).to.equal(true);
    const list = await fixture<PdAccountList>(html`<pd-account-list external-user-id=${user} token-endpoint="/api/connect-token" base-url="javascript:alert(1)"></pd-account-list>`);
    expect(shadowText(list)).to.contain('base-url must be an http(s) URL');
    const tokens = (await (await fetch(`/api/token-log?user=${encodeURIComponent(user)}`)).json()) as { count: number };
    expect(tokens.count).to.equal(0);
  });

  it('a 200 with an empty body says the API answered something unreadable, in the user\'s language', async () => {
    const user = uniqueUser();
    await fault({ method: 'GET', path: '/v1/connect/accounts', body: '' });
    const el = await fixture<PdAccountList>(html`<pd-account-list external-user-id=${user} token-endpoint="/api/connect-token" base-url=${env.emulatorUrl}></pd-account-list>`);
    await waitFor(() => el.matches(':state(error)'), 8000, 'the error state');
    await el.updateComplete;
    expect(shadowText(el)).to.contain('The Connect API answered something that could not be read');
    expect(shadowText(el)).to.not.contain('could not be reached');
    await fault({ method: 'GET', path: '/v1/connect/accounts', body: '' });
    const german = await fixture<PdAccountList>(html`<pd-account-list external-user-id=${user} token-endpoint="/api/connect-token" base-url=${env.emulatorUrl} locale="de"></pd-account-list>`);
    await waitFor(() => german.matches(':state(error)'), 8000, 'the error state');
    await german.updateComplete;
    expect(shadowText(german)).to.contain('Die Antwort der Connect-API konnte nicht gelesen werden');
  });
});

describe('elements find their provider in any order', () => {
  let tagCount = 0;
  /** A provider tag defined only when the test says so: as when its script loads after the elements'. */
  const lateProviderTag = () => `pd-test-late-provider-${Date.now().toString(36)}-${tagCount++}`;

  it('a provider defined after the elements inside it reaches them, and so do attributes set on it later', async () => {
    const user = uniqueUser();
    const tag = lateProviderTag();
    const wrapper = await fixture<HTMLElement>(html`<div></div>`);
    // Lit cannot template a dynamic tag name: build the markup a server would have sent.
    wrapper.innerHTML = `<${tag} token-endpoint="/api/connect-token" base-url="${env.emulatorUrl}" frontend-host="${env.emulatorUrl}">
      <pd-connect-button app="slack"></pd-connect-button>
    </${tag}>`;
    const button = wrapper.querySelector('pd-connect-button') as PdConnectButton;
    await button.updateComplete;
    expect(shadowText(button)).to.contain('not set up');
    const { PdConnectProvider } = await import('../../src/elements/connect-provider/pd-connect-provider.js');
    customElements.define(tag, class extends PdConnectProvider {});
    const provider = wrapper.querySelector(tag) as HTMLElement;
    // The user id arrives after both have rendered (a client-side session, say).
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(shadowText(button)).to.contain('set external-user-id');
    provider.setAttribute('external-user-id', user);
    await waitFor(() => !shadowText(button).includes('not set up'), 3000, 'the provider\'s settings');
    expect(button.matches(':state(idle)')).to.equal(true);
  });

  it('a bare provider, or one with only a theme, throws nothing; an element without settings reports config_invalid once', async () => {
    const errors: PdErrorEvent[] = [];
    const wrapper = await fixture<HTMLElement>(html`<div @pd-error=${(event: PdErrorEvent) => errors.push(event)}>
      <pd-connect-provider></pd-connect-provider>
      <pd-connect-provider theme="dark" locale="de"><pd-account-list></pd-account-list></pd-connect-provider>
    </div>`);
    const list = wrapper.querySelector('pd-account-list') as PdAccountList;
    await list.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(errors.map((event) => event.code)).to.deep.equal(['config_invalid']);
    expect(shadowText(list)).to.contain('external-user-id');
  });
});
