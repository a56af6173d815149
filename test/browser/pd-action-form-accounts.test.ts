import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/elements/account-list/pd-account-list.js';
import '../../src/elements/action-form/pd-action-form.js';
import '../../src/elements/connect-button/pd-connect-button.js';
import type { PdAccountList } from '../../src/elements/account-list/pd-account-list.js';
import { AccountFields } from '../../src/elements/form/account-fields.js';
import type { PdActionForm } from '../../src/elements/action-form/pd-action-form.js';
import type { PdConnectButton } from '../../src/elements/connect-button/pd-connect-button.js';
import type { PdConnectSuccessEvent, PdDisconnectEvent, PdErrorEvent, PdSubmitEvent } from '../../src/events/index.js';
import type { ConnectSession } from '../../src/session/session.js';
import { admin, env, requestsFor, seedAccount, takeUnhandledRejections, tokenFor, uniqueUser, waitFor } from '../support/browser-env.js';
import { twinAfter } from '../support/shadow-queries.js';

// The account field of a form follows the session's shared account list: what a connect button or
// an account list elsewhere on the page changes shows up in the form, over one shared request.

/** The test token endpoint mints `development` tokens: seed accounts there. */
const seed = (user: string, name: string, extra: Record<string, unknown> = {}) => seedAccount(user, 'slack', { name, environment: 'development', ...extra });

interface Page {
  form: PdActionForm;
  list: PdAccountList;
  button: PdConnectButton;
}

/** A form, an account list and a connect button for one user, as a host page would place them. */
async function mountPage(user: string, configuredProps?: Record<string, unknown>): Promise<Page> {
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <pd-connect-button app="slack" external-user-id=${user} token-endpoint="/api/connect-token" base-url=${env.emulatorUrl} frontend-host=${env.emulatorUrl}></pd-connect-button>
    <pd-account-list app="slack" external-user-id=${user} token-endpoint="/api/connect-token" base-url=${env.emulatorUrl} frontend-host=${env.emulatorUrl}></pd-account-list>
    <pd-action-form
      component-key="slack-send-message"
      external-user-id=${user}
      token-endpoint="/api/connect-token"
      base-url=${env.emulatorUrl}
      frontend-host=${env.emulatorUrl}
      configured-props=${configuredProps ? JSON.stringify(configuredProps) : '{}'}
    ></pd-action-form>
  </div>`);
  return {
    form: wrapper.querySelector('pd-action-form') as PdActionForm,
    list: wrapper.querySelector('pd-account-list') as PdAccountList,
    button: wrapper.querySelector('pd-connect-button') as PdConnectButton,
  };
}

/** A Slack form on its own, for one user. */
const slackForm = (user: string) =>
  fixture<PdActionForm>(html`<pd-action-form
    component-key="slack-send-message"
    external-user-id=${user}
    token-endpoint="/api/connect-token"
    base-url=${env.emulatorUrl}
    frontend-host=${env.emulatorUrl}
  ></pd-action-form>`);

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const formRoot = (form: PdActionForm) => form.shadowRoot as ShadowRoot;
const field = (form: PdActionForm, name: string) => formRoot(form).querySelector<HTMLElement>(`[part~="field"][data-name="${name}"]`);
const accountSelect = (form: PdActionForm) => field(form, 'slack')?.querySelector('select') ?? null;
/** The account options of the form's select (not its "Choose an account…" placeholder): value and text. */
const accountOptions = (form: PdActionForm) =>
  [...(accountSelect(form)?.options ?? [])].filter((option) => option.value).map((option) => ({ id: option.value, label: text(option) }));
const fieldError = (form: PdActionForm) => text(field(form, 'slack')?.querySelector('[part~="field-error"]'));
/** Every message under the account field: a load error and the field's own error. */
const fieldErrors = (form: PdActionForm) => [...(field(form, 'slack')?.querySelectorAll('[part~="field-error"]') ?? [])].map((node) => text(node));
const GONE = 'This account was disconnected. Choose another or connect it again.';
const announced = (form: PdActionForm) => text(formRoot(form).querySelector('[role="status"]'));
const listNames = (list: PdAccountList) => [...(list.shadowRoot as ShadowRoot).querySelectorAll('[part~="item"] [part~="name"]')].map((node) => text(node));
const listPart = (list: PdAccountList, name: string, scope: ParentNode = list.shadowRoot as ShadowRoot) => scope.querySelector<HTMLElement>(`[part~="${name}"]`);
const listRow = (list: PdAccountList, name: string) =>
  [...(list.shadowRoot as ShadowRoot).querySelectorAll<HTMLElement>('[part~="item"]')].find((row) => text(row.querySelector('[part~="name"]')) === name) ?? null;
const overlay = () => document.querySelector('[data-pd-connect-overlay]');

/** Deletes an account straight over the Connect API, as another tab or the host's server would. */
async function deleteElsewhere(user: string, id: string) {
  const token = await tokenFor(user);
  const answer = await fetch(`${env.emulatorUrl}/v1/connect/accounts/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
  expect(answer.status).to.equal(204);
}

/** The session the page's elements share (what every connect and disconnect on the page refreshes). */
const sessionOf = (form: PdActionForm) => (form as unknown as { session: ConnectSession }).session;

/** Account list requests (`GET /v1/connect/accounts`) the emulator served for this user. */
const listRequests = async (user: string) => (await requestsFor(user, '/v1/connect/accounts')).filter((entry) => entry.method === 'GET' && entry.path.endsWith('/accounts')).length;

async function formReady(form: PdActionForm) {
  await waitFor(() => formRoot(form).querySelector('form[part="form"]') !== null, 8000, 'the form');
  await form.updateComplete;
}

/** Chooses an account in the form's select, like a user. */
async function choose(form: PdActionForm, id: string) {
  const select = accountSelect(form) as HTMLSelectElement;
  select.value = id;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await form.updateComplete;
}

async function disconnectInList(list: PdAccountList, name: string): Promise<PdDisconnectEvent> {
  const disconnected = oneEvent(list, 'pd-disconnect') as Promise<PdDisconnectEvent>;
  listPart(list, 'disconnect-button', listRow(list, name) as HTMLElement)?.click();
  await list.updateComplete;
  listPart(list, 'confirm-button', listRow(list, name) as HTMLElement)?.click();
  return disconnected;
}

afterEach(async () => {
  await admin('/faults', 'DELETE');
  // A test that failed mid-flow leaves the connect page open: close it, so the next flow may start.
  (overlay()?.querySelector('button') as HTMLButtonElement | null)?.click();
  await waitFor(() => !overlay(), 3000, 'the connect page to close');
  expect(takeUnhandledRejections()).to.deep.equal([]);
});

describe('pd-action-form: account fields follow the page', () => {
  it('a second form of the same component shows its account field complete in its first render', async () => {
    const user = uniqueUser('form-accounts');
    await seed(user, 'Acme Workspace');
    const { form } = await mountPage(user);
    await formReady(form);
    await waitFor(() => accountOptions(form).length === 1, 5000, 'the accounts');
    const second = twinAfter(form);
    try {
      await second.updateComplete;
      // The app's name, the accounts and the query module the first form loaded: all there at once.
      expect(text(field(second, 'slack')?.querySelector('label'))).to.equal(text(field(form, 'slack')?.querySelector('label')));
      expect(text(field(second, 'slack')?.querySelector('label'))).to.contain('Slack');
      expect(accountOptions(second)).to.deep.equal(accountOptions(form));
    } finally {
      second.remove();
    }
  });

  it("asks for the app its key names and the user's accounts of it while the definition is on its way: the field's first render is complete", async () => {
    const user = uniqueUser('form-accounts');
    await seed(user, 'Acme Workspace');
    await admin('/faults', 'POST', { rules: [{ method: 'GET', path: '/v1/connect/components/slack-send-message', latencyMs: 1500, times: 1 }] });
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <pd-action-form component-key="slack-send-message" external-user-id=${user} token-endpoint="/api/connect-token" base-url=${env.emulatorUrl} frontend-host=${env.emulatorUrl}></pd-action-form>
    </div>`);
    const form = wrapper.querySelector('pd-action-form') as PdActionForm;
    // What the account field showed when it first appeared.
    let firstField: { label: string; options: number; busy: boolean } | undefined;
    const watcher = new MutationObserver(() => {
      const slack = field(form, 'slack');
      if (firstField || !slack) return;
      firstField = { label: text(slack.querySelector('label')), options: accountOptions(form).length, busy: slack.querySelector('[aria-busy="true"]') !== null };
    });
    watcher.observe(formRoot(form), { childList: true, subtree: true });
    try {
      // Well before the held definition comes (1.5 s), the list is asked for.
      const started = Date.now();
      while ((await listRequests(user)) === 0 && Date.now() - started < 1000) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await listRequests(user), 'accounts asked for while the definition is held').to.equal(1);
      expect(field(form, 'slack'), 'the definition is still held').to.equal(null);
      await formReady(form);
      await waitFor(() => firstField, 3000, 'the account field');
      expect(firstField).to.deep.equal({ label: firstField?.label, options: 1, busy: false });
      expect(firstField?.label).to.contain('Slack');
      expect(await listRequests(user)).to.equal(1);
    } finally {
      watcher.disconnect();
    }
  });

  it('stops asking for the accounts its key guessed once the definition has no field of that app', async () => {
    const user = uniqueUser('form-accounts');
    // The accounts answer late: the definition (no account field) is in long before.
    await admin('/faults', 'POST', { rules: [{ method: 'GET', path: '/v1/connect/accounts', latencyMs: 3000, times: 1 }] });
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <pd-action-form component-key="pipedream_utils-download-file-to-tmp" external-user-id=${user} token-endpoint="/api/connect-token" base-url=${env.emulatorUrl} frontend-host=${env.emulatorUrl}></pd-action-form>
    </div>`);
    const form = wrapper.querySelector('pd-action-form') as PdActionForm;
    const accountsQuery = () => {
      const session = sessionOf(form);
      return session?.queryClient?.getQueryCache().find({ queryKey: session.accountsQuery({ app: 'pipedream_utils' }).queryKey, exact: true });
    };
    await waitFor(() => accountsQuery()?.state.fetchStatus === 'fetching', 3000, 'the guessed accounts request');
    await formReady(form);
    await waitFor(() => accountsQuery()?.state.fetchStatus === 'idle', 1000, 'the guessed request to stop');
    expect(accountsQuery()?.state.data).to.equal(undefined);
    expect(field(form, 'pipedream_utils')).to.equal(null);
  });

  it('a component whose key names no app asks for no accounts', async () => {
    const user = uniqueUser('form-accounts');
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <pd-action-form component-key="sc_custom_component" external-user-id=${user} token-endpoint="/api/connect-token" base-url=${env.emulatorUrl} frontend-host=${env.emulatorUrl}></pd-action-form>
    </div>`);
    const form = wrapper.querySelector('pd-action-form') as PdActionForm;
    await waitFor(() => form.matches(':state(error)'), 5000, 'the unknown component');
    expect(await requestsFor(user, '/v1/connect/components/sc_custom_component')).to.have.length(1);
    expect(await listRequests(user)).to.equal(0);
  });

  it('lists an account connected by a <pd-connect-button> by name, keeps the selection, and shares one list request with <pd-account-list>', async () => {
    const user = uniqueUser('form-accounts');
    const existing = await seed(user, 'Acme Workspace');
    const { form, list, button } = await mountPage(user);
    await formReady(form);
    await waitFor(() => accountOptions(form).length === 1 && listNames(list).length === 1, 10000, 'the accounts in the form and the list');
    expect(accountOptions(form)).to.deep.equal([{ id: existing.id, label: 'Acme Workspace' }]);
    // The form and the list asked for the same accounts: one request between them.
    expect(await listRequests(user)).to.equal(1);
    await choose(form, existing.id);
    expect(form.configuredProps.slack).to.deep.equal({ authProvisionId: existing.id });

    const success = oneEvent(button, 'pd-connect-success') as Promise<PdConnectSuccessEvent>;
    (button.shadowRoot?.querySelector('button') as HTMLButtonElement).click();
    await waitFor(() => overlay()?.querySelector('iframe'), 10000, 'the connect page');
    await executeServerCommand('frame-click', { urlIncludes: '/_static/connect.html', selector: 'role=button[name="Allow"]' });
    const connected = (await success).account;
    expect(connected.id).to.match(/^apn_/);
    expect(connected.name).to.be.a('string').and.not.equal('');

    // No reload: the form's select lists the new account by its name, never its bare id.
    await waitFor(() => accountOptions(form).length === 2, 10000, 'the new account in the form');
    await form.updateComplete;
    expect(accountOptions(form)).to.deep.include({ id: connected.id, label: connected.name as string });
    expect(accountOptions(form).some((option) => option.label === connected.id)).to.equal(false);
    await waitFor(() => listNames(list).length === 2, 10000, 'the new account in the list');
    // What the user chose stays chosen.
    expect(accountSelect(form)?.value).to.equal(existing.id);
    expect(form.configuredProps.slack).to.deep.equal({ authProvisionId: existing.id });
    expect(text(field(form, 'slack')?.querySelector('[part~="connect-button"]'))).to.contain('Connect another account');
    // One refetch after the connect, shared again: two list requests in all.
    expect(await listRequests(user)).to.equal(2);
    await expect(form).to.be.accessible();
  });

  it('drops an account disconnected in <pd-account-list>; a selected one is shown as disconnected and blocks the run', async () => {
    const user = uniqueUser('form-accounts');
    const chosen = await seed(user, 'Acme Workspace');
    const other = await seed(user, 'Acme Sales');
    const { form, list } = await mountPage(user);
    await formReady(form);
    await waitFor(() => accountOptions(form).length === 2 && listNames(list).length === 2, 5000, 'the accounts in the form and the list');
    await choose(form, chosen.id);
    const submits: PdSubmitEvent[] = [];
    form.addEventListener('pd-submit', (event) => submits.push(event));

    // An account the user did not choose: it leaves the select, nothing else changes.
    await disconnectInList(list, 'Acme Sales');
    await waitFor(() => !accountOptions(form).some((option) => option.id === other.id), 5000, 'Acme Sales to leave the form');
    await form.updateComplete;
    expect(accountOptions(form)).to.deep.equal([{ id: chosen.id, label: 'Acme Workspace' }]);
    expect(fieldError(form)).to.equal('');
    expect(accountSelect(form)?.getAttribute('aria-invalid')).to.equal('false');

    // The chosen account: the field says it was disconnected instead of keeping a dead id quietly.
    await disconnectInList(list, 'Acme Workspace');
    await waitFor(() => accountOptions(form)[0]?.label === 'Acme Workspace is no longer connected', 5000, 'the form to say the account is gone');
    await form.updateComplete;
    expect(accountOptions(form)).to.deep.equal([{ id: chosen.id, label: 'Acme Workspace is no longer connected' }]);
    expect(accountSelect(form)?.value).to.equal(chosen.id);
    expect(accountSelect(form)?.getAttribute('aria-invalid')).to.equal('true');
    expect(fieldError(form)).to.equal('This account was disconnected. Choose another or connect it again.');
    expect(announced(form)).to.equal('Acme Workspace is no longer connected');
    expect(text(field(form, 'slack')?.querySelector('[part~="connect-button"]'))).to.contain('Connect Slack');
    // The fields after it wait for an account again.
    expect(text(field(form, 'conversation'))).to.contain('Set “Slack account” first.');
    await expect(form).to.be.accessible();

    // A run with the dead account does not start: the summary names the field.
    (formRoot(form).querySelector('[part~="submit-button"]') as HTMLButtonElement).click();
    await form.updateComplete;
    expect(submits.length).to.equal(0);
    expect(text(formRoot(form).querySelector('[part="error-summary"]'))).to.contain('Slack account: This account was disconnected. Choose another or connect it again.');
    // One list request to start with, one refetch per disconnect, each shared by the form and the list.
    expect(await listRequests(user)).to.equal(3);
  });

  it('names a saved account the user no longer has as disconnected, and an account connected since the list loaded by its name', async () => {
    const user = uniqueUser('form-accounts');
    const kept = await seed(user, 'Acme Workspace');
    const deleted = await seed(user, 'Old Workspace');
    await deleteElsewhere(user, deleted.id);
    const { form, list } = await mountPage(user, { slack: { authProvisionId: deleted.id } });
    await formReady(form);
    // Never seen in a list, so named by its id: but plainly as disconnected, and invalid at once.
    await waitFor(() => accountOptions(form).some((option) => option.label === `${deleted.id} is no longer connected`), 5000, 'the saved account marked as disconnected');
    await form.updateComplete;
    expect(accountSelect(form)?.value).to.equal(deleted.id);
    expect(fieldError(form)).to.equal('This account was disconnected. Choose another or connect it again.');
    await waitFor(() => listNames(list).length === 1, 5000, 'the list');
    const requestsBefore = await listRequests(user);

    // Connected outside this page's flows (another tab): the host selects it from its own data.
    const later = await seed(user, 'Acme Marketing');
    form.configuredProps = { slack: { authProvisionId: later.id } };
    // The form's list predates the value: it looks again before calling anything gone.
    await waitFor(() => accountOptions(form).some((option) => option.id === later.id && option.label === 'Acme Marketing'), 5000, 'the new account by name');
    await form.updateComplete;
    expect(accountOptions(form).some((option) => option.label.endsWith('is no longer connected'))).to.equal(false);
    expect(accountOptions(form).map((option) => option.id)).to.have.members([kept.id, later.id]);
    expect(accountSelect(form)?.value).to.equal(later.id);
    expect(fieldError(form)).to.equal('');
    expect(await listRequests(user)).to.equal(requestsBefore + 1);
    // The list on the page shares that refetch.
    await waitFor(() => listNames(list).length === 2, 5000, 'the list to show the new account too');
    await expect(form).to.be.accessible();
  });

  it('drops "needs reconnect" from an account reconnected in <pd-account-list>', async () => {
    const user = uniqueUser('form-accounts');
    const account = await seed(user, 'Acme Workspace', { healthy: false, error: 'token revoked' });
    const { form, list } = await mountPage(user, { slack: { authProvisionId: account.id } });
    await formReady(form);
    await waitFor(() => accountOptions(form)[0]?.label === 'Acme Workspace (needs reconnect)', 5000, 'the unhealthy account');
    await waitFor(() => listPart(list, 'reconnect-button') !== null, 5000, 'the reconnect button');
    const success = oneEvent(list, 'pd-connect-success') as Promise<PdConnectSuccessEvent>;
    listPart(list, 'reconnect-button')?.click();
    await executeServerCommand('frame-click', { urlIncludes: '/_static/connect.html', selector: 'role=button[name="Allow"]' });
    expect((await success).account.id).to.equal(account.id);
    await waitFor(() => accountOptions(form)[0]?.label === 'Acme Workspace', 5000, 'the healthy account in the form');
    expect(accountSelect(form)?.value).to.equal(account.id);
    expect(fieldError(form)).to.equal('');
  });
  it('a list keeps showing 20 accounts with "Show more" while the form loads all of them from the shared query', async () => {
    const user = uniqueUser();
    for (let index = 0; index < 25; index += 1) await seed(user, `Workspace ${String(index).padStart(2, '0')}`);
    const { form, list } = await mountPage(user);
    await formReady(form);
    await waitFor(() => accountOptions(form).length === 25, 8000, 'the form to list all 25 accounts');
    await waitFor(() => listNames(list).length > 0, 5000, 'the list');
    expect(listNames(list).length).to.equal(20);
    const requests = await listRequests(user);
    // One page of up to 100 accounts, shared by the form and the list.
    expect(requests).to.equal(1);
    listPart(list, 'load-more')?.click();
    await waitFor(() => listNames(list).length === 25, 5000, 'the list to show the cached page');
    expect(listPart(list, 'load-more') === null).to.equal(true);
    // The page was in the shared cache already: no new request.
    expect(await listRequests(user)).to.equal(requests);
  });

  it('keeps a disconnected account flagged while the shared list refreshes, and after a refresh fails', async function () {
    this.timeout(20000);
    const user = uniqueUser('form-accounts');
    const chosen = await seed(user, 'Acme Workspace');
    await seed(user, 'Acme Sales');
    await seed(user, 'Acme Third');
    const { form, list } = await mountPage(user);
    await formReady(form);
    await waitFor(() => accountOptions(form).length === 3 && listNames(list).length === 3, 5000, 'the accounts in the form and the list');
    await choose(form, chosen.id);
    const submits: PdSubmitEvent[] = [];
    form.addEventListener('pd-submit', (event) => submits.push(event));
    const flag = () => ({
      error: fieldErrors(form).includes(GONE),
      label: accountOptions(form)[0]?.label,
      invalid: accountSelect(form)?.getAttribute('aria-invalid'),
      // The fields after it wait for an account.
      waiting: text(field(form, 'conversation')).includes('Set “Slack account” first.'),
    });
    const flagged = { error: true, label: 'Acme Workspace is no longer connected', invalid: 'true', waiting: true };
    const submitBlocked = async () => {
      (formRoot(form).querySelector('[part~="submit-button"]') as HTMLButtonElement).click();
      await form.updateComplete;
      return submits.length === 0 && text(formRoot(form).querySelector('[part="error-summary"]')).includes(`Slack account: ${GONE}`);
    };

    await disconnectInList(list, 'Acme Workspace');
    await waitFor(() => flag().error, 5000, 'the form to say the account is gone');
    await form.updateComplete;
    expect(flag()).to.deep.equal(flagged);

    // Another disconnect on the page: the shared list refreshes, slowly.
    await admin('/faults', 'POST', { rules: [{ method: 'GET', path: '/v1/connect/accounts', latencyMs: 1200, times: 1 }] });
    await disconnectInList(list, 'Acme Sales');
    await waitFor(() => accountSelect(form)?.getAttribute('aria-busy') === 'true', 2000, 'the refresh');
    await form.updateComplete;
    expect(flag()).to.deep.equal(flagged);
    expect(await submitBlocked()).to.equal(true);
    await waitFor(() => !accountOptions(form).some((option) => option.label === 'Acme Sales'), 5000, 'the refresh to end');
    await form.updateComplete;
    expect(flag()).to.deep.equal(flagged);

    // A refresh that fails: the last complete list still says the account is gone.
    await admin('/faults', 'POST', { rules: [{ method: 'GET', path: '/v1/connect/accounts', status: 400, times: 1 }] });
    await disconnectInList(list, 'Acme Third');
    await waitFor(() => fieldErrors(form).some((message) => message.startsWith('Could not load accounts')), 5000, 'the failed refresh');
    await form.updateComplete;
    expect(flag()).to.deep.equal(flagged);
    expect(await submitBlocked()).to.equal(true);
  });

  it('keeps the flag, and asks for nothing, when a host assigns equal values again', async () => {
    const user = uniqueUser('form-accounts');
    await seed(user, 'Acme Workspace');
    const deleted = await seed(user, 'Old Workspace');
    await deleteElsewhere(user, deleted.id);
    const { form } = await mountPage(user, { slack: { authProvisionId: deleted.id } });
    await formReady(form);
    await waitFor(() => fieldError(form) === GONE, 5000, 'the saved account marked as disconnected');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const requests = await listRequests(user);

    // A controlled host hands over its values, as a new object, on every render.
    for (let render = 0; render < 3; render += 1) {
      form.configuredProps = { slack: { authProvisionId: deleted.id } };
      await form.updateComplete;
      expect(fieldError(form)).to.equal(GONE);
      expect(accountOptions(form).some((option) => option.label === `${deleted.id} is no longer connected`)).to.equal(true);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await listRequests(user)).to.equal(requests);
  });

  it('does not call an account gone from a refresh that began before it was selected', async () => {
    const user = uniqueUser('form-accounts');
    await seed(user, 'Acme Workspace');
    const { form } = await mountPage(user);
    await formReady(form);
    await waitFor(() => accountOptions(form).length === 1, 5000, 'the account');
    // The refresh answers with the accounts as they are now, but late: meanwhile an account is
    // connected elsewhere and the host selects it.
    const token = await tokenFor(user);
    const answerNow: unknown = await (await fetch(`${env.emulatorUrl}/v1/connect/accounts?app=slack&limit=100`, { headers: { authorization: `Bearer ${token}` } })).json();
    await admin('/faults', 'POST', { rules: [{ method: 'GET', path: '/v1/connect/accounts', body: answerNow, latencyMs: 800, times: 1 }] });
    const refreshed = sessionOf(form).invalidateAccounts();
    await waitFor(() => accountSelect(form)?.getAttribute('aria-busy') === 'true', 2000, 'the refresh');
    const later = await seed(user, 'Acme Marketing');
    form.configuredProps = { slack: { authProvisionId: later.id } };

    let calledGone = false;
    await waitFor(() => {
      if (fieldErrors(form).includes(GONE) || accountOptions(form).some((option) => option.label.endsWith('is no longer connected'))) calledGone = true;
      return accountOptions(form).some((option) => option.id === later.id && option.label === 'Acme Marketing');
    }, 5000, 'the new account by name');
    await refreshed;
    expect(calledGone).to.equal(false);
    expect(accountSelect(form)?.value).to.equal(later.id);
    expect(fieldErrors(form)).to.deep.equal([]);
  });

  it('a removed form asks for nothing, and catches up once it is back', async () => {
    const user = uniqueUser('form-accounts');
    await seed(user, 'Acme Workspace');
    const { form, list } = await mountPage(user);
    await formReady(form);
    await waitFor(() => accountOptions(form).length === 1 && listNames(list).length === 1, 5000, 'the accounts');
    const requests = await listRequests(user);
    const parent = form.parentElement as HTMLElement;
    form.remove();
    // A host still sets values on it: an account its list predates.
    const later = await seed(user, 'Acme Marketing');
    form.configuredProps = { slack: { authProvisionId: later.id } };
    await form.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await listRequests(user)).to.equal(requests);

    parent.append(form);
    await waitFor(() => accountOptions(form).some((option) => option.id === later.id && option.label === 'Acme Marketing'), 5000, 'the new account by name');
    expect(await listRequests(user)).to.equal(requests + 1);
  });

  it('says the accounts did not load, not that there are none, while the list fails; Retry brings them', async () => {
    const user = uniqueUser('form-accounts');
    await seed(user, 'Acme Workspace');
    await admin('/faults', 'POST', { rules: [{ method: 'GET', path: '/v1/connect/accounts', status: 500 }] });
    const form = await slackForm(user);
    await formReady(form);
    await waitFor(() => fieldErrors(form).length > 0, 8000, 'the error');
    expect(text(accountSelect(form)?.options[0])).to.equal('Accounts did not load');
    expect(fieldErrors(form)[0]).to.match(/^Could not load accounts: .*500/);
    expect(accountSelect(form)?.getAttribute('aria-busy')).to.equal('false');

    await admin('/faults', 'DELETE');
    field(form, 'slack')?.querySelector<HTMLElement>('[part~="retry-button"]')?.click();
    await waitFor(() => accountOptions(form).length === 1, 5000, 'the accounts');
    expect(text(accountSelect(form)?.options[0])).to.equal('Choose an account…');
    expect(fieldErrors(form)).to.deep.equal([]);
  });

  it('shows a failed download of its account code until Retry, without trying again by itself', async () => {
    const user = uniqueUser('form-accounts');
    await seed(user, 'Acme Workspace');
    const load = AccountFields.loadQueryModule;
    let attempts = 0;
    // As when the network drops while the page fetches the chunk.
    AccountFields.loadQueryModule = () => {
      attempts += 1;
      return new Promise((_, reject) => setTimeout(() => reject(new TypeError('Failed to fetch dynamically imported module')), 10));
    };
    try {
      const form = await slackForm(user);
      await formReady(form);
      await waitFor(() => fieldErrors(form).length > 0, 5000, 'the error');
      await new Promise((resolve) => setTimeout(resolve, 500));
      await form.updateComplete;
      expect(attempts).to.equal(1);
      expect(fieldErrors(form)).to.deep.equal([
        'Could not load accounts: Part of the page’s code could not be downloaded. Check your connection and try again; if it keeps failing, reload the page. Retry',
      ]);

      AccountFields.loadQueryModule = () => {
        attempts += 1;
        return load();
      };
      field(form, 'slack')?.querySelector<HTMLElement>('[part~="retry-button"]')?.click();
      await waitFor(() => accountOptions(form).length === 1, 5000, 'the accounts');
      expect(attempts).to.equal(2);
      expect(fieldErrors(form)).to.deep.equal([]);
    } finally {
      AccountFields.loadQueryModule = load;
    }
  });

  it("a list's \"Show more\" is its own: neither busy nor failed while the form loads the next page", async function () {
    this.timeout(30000);
    const user = uniqueUser('form-accounts');
    await Promise.all(Array.from({ length: 130 }, (_, index) => seed(user, `Workspace ${String(index + 1).padStart(3, '0')}`)));
    // The first page answers at once; the second, which the form asks for, is slow and then fails.
    await admin('/faults', 'POST', {
      rules: [
        { method: 'GET', path: '/v1/connect/accounts', times: 1 },
        { method: 'GET', path: '/v1/connect/accounts', status: 400, latencyMs: 1500, times: 1 },
      ],
    });
    const { form, list } = await mountPage(user);
    const listErrors: PdErrorEvent[] = [];
    list.addEventListener('pd-error', (event) => listErrors.push(event));
    const more = () => listPart(list, 'load-more');
    await formReady(form);
    await waitFor(() => accountOptions(form).length === 100 && listNames(list).length === 20, 8000, 'the first page in the form and the list');
    expect(accountSelect(form)?.getAttribute('aria-busy')).to.equal('true');
    expect(more()?.getAttribute('aria-busy')).to.equal('false');
    expect(text(more())).to.equal('Show more accounts');
    // Accounts the list has loaded already show at once, whatever else is loading.
    more()?.click();
    await list.updateComplete;
    expect(listNames(list).length).to.equal(40);

    await waitFor(() => fieldErrors(form).some((message) => message.startsWith('Could not load accounts')), 5000, "the form's failed page");
    await list.updateComplete;
    expect(text(list.shadowRoot as unknown as Element).includes('Could not load')).to.equal(false);
    expect(listErrors.length).to.equal(0);
    expect(more()?.getAttribute('aria-busy')).to.equal('false');

    for (const count of [60, 80, 100]) {
      more()?.click();
      await waitFor(() => listNames(list).length === count, 2000, `${count} accounts`);
    }
    // Past the loaded accounts: the list loads the next page itself, and says so.
    await admin('/faults', 'POST', { rules: [{ method: 'GET', path: '/v1/connect/accounts', latencyMs: 500, times: 1 }] });
    more()?.click();
    await list.updateComplete;
    expect(more()?.getAttribute('aria-busy')).to.equal('true');
    await waitFor(() => listNames(list).length === 120, 5000, '120 accounts');
    await waitFor(() => accountOptions(form).length === 130, 5000, 'every account in the form');
    expect(new Set(accountOptions(form).map((option) => option.id)).size).to.equal(130);
    // 100 accounts a request: the API served the first page and the list's second page (the
    // form's failed one was answered by the fault rule, before the API saw whose it was).
    expect(await listRequests(user)).to.equal(2);
  });
});
