import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/elements/account-list/pd-account-list.js';
import type { PdAccountList } from '../../src/elements/account-list/pd-account-list.js';
import type { PdConnectSuccessEvent, PdDisconnectEvent } from '../../src/events/index.js';
import {
  type ListSnapshot,
  type Snapshot,
  TokenError,
  accounts,
  app,
  component,
  connect,
  connectSession,
  deploy,
  disconnect,
  isOutcomeUnknown,
  remoteOptions,
  run,
} from '../../src/headless/index.js';
import { derived, get } from 'svelte/store';
import { configure } from '../../src/session/config.js';
import type { Account } from '../../src/session/types.js';
import { admin, env, requestsFor, requestsSince, seedAccount, setTokenMode, takeUnhandledRejections, uniqueUser, waitFor } from '../support/browser-env.js';

const seed = (user: string, name: string, app = 'slack') => seedAccount(user, app, { name, environment: 'development' });
const sessionFor = (user: string) => connectSession({ externalUserId: user, tokenEndpoint: '/api/connect-token', baseUrl: env.emulatorUrl });
const accountsGets = async (user: string) => (await requestsFor(user, '/v1/connect/accounts')).filter((entry) => entry.method === 'GET' && entry.path.endsWith('/accounts'));

function list(user: string) {
  return fixture<PdAccountList>(html`<pd-account-list external-user-id=${user} token-endpoint="/api/connect-token" base-url=${env.emulatorUrl} frontend-host=${env.emulatorUrl}></pd-account-list>`);
}
const listNames = (el: PdAccountList) =>
  [...(el.shadowRoot?.querySelectorAll('[part~="item"] [part~="name"]') ?? [])].map((node) => node.textContent?.trim() ?? '');
const part = (el: PdAccountList, name: string, scope: ParentNode = el.shadowRoot as ShadowRoot) => scope.querySelector<HTMLElement>(`[part~="${name}"]`);
const row = (el: PdAccountList, name: string) =>
  [...(el.shadowRoot?.querySelectorAll<HTMLElement>('[part~="item"]') ?? [])].find((item) => part(el, 'name', item)?.textContent?.trim() === name) as HTMLElement;

/** Records every snapshot a store sends; `stop()` unsubscribes. */
function record<S>(store: { subscribe(listener: (snapshot: S) => void): () => void }) {
  const seen: S[] = [];
  const stop = store.subscribe((snapshot) => seen.push(snapshot));
  return { seen, stop, get last(): S { return seen[seen.length - 1] as S; } };
}
const names = (snapshot: ListSnapshot<Account> | undefined) => (snapshot?.data ?? []).map((account) => account.name).sort();

describe('headless API', () => {
  afterEach(async () => {
    await admin('/faults', 'DELETE');
    configure({ externalUserId: undefined, tokenEndpoint: undefined, baseUrl: undefined });
    expect(takeUnhandledRejections().map(String)).to.deep.equal([]);
  });

  it('gives the elements\' session for the same settings, configure() defaults included, and says what is missing', () => {
    const user = uniqueUser();
    const explicit = sessionFor(user);
    expect(sessionFor(user) === explicit).to.equal(true);
    configure({ externalUserId: user, tokenEndpoint: '/api/connect-token', baseUrl: env.emulatorUrl });
    expect(connectSession() === explicit).to.equal(true);
    configure({ externalUserId: undefined, tokenEndpoint: undefined });
    let missing: unknown;
    try {
      connectSession({ externalUserId: user });
    } catch (error) {
      missing = error;
    }
    expect(missing instanceof TokenError && missing.code === 'missing_config').to.equal(true);
    expect(() => connectSession({ externalUserId: user, tokenEndpoint: '/t', baseUrl: 'ftp://x' })).to.throw(TypeError, /baseUrl/);
  });

  it('a store is a Svelte store: the listener hears the current snapshot at once, then each change', async () => {
    const user = uniqueUser();
    await seed(user, 'Acme Workspace');
    const store = accounts(sessionFor(user));
    const recorded = record<ListSnapshot<Account>>(store);
    expect(recorded.seen.length).to.equal(1);
    expect(recorded.last.status).to.equal('loading');
    await waitFor(() => recorded.last.status === 'success', 5000, 'the accounts');
    expect(names(recorded.last)).to.deep.equal(['Acme Workspace']);
    expect(recorded.last.error).to.equal(undefined);
    expect(recorded.last.hasMore).to.equal(false);
    // An unchanged store gives the same snapshot object (what useSyncExternalStore needs).
    expect(store.get() === store.get()).to.equal(true);
    // Svelte's own store functions take it as it is.
    expect(names(get(store))).to.deep.equal(['Acme Workspace']);
    const count = derived(store, (snapshot) => snapshot.data?.length ?? 0);
    expect(get(count)).to.equal(1);
    recorded.stop();
  });

  it('a headless accounts store and a <pd-account-list> on one page share one request', async () => {
    const user = uniqueUser();
    await seed(user, 'Acme Workspace');
    await seed(user, 'Acme Sales');
    const recorded = record<ListSnapshot<Account>>(accounts(sessionFor(user)));
    const el = await list(user);
    await waitFor(() => recorded.last.status === 'success' && listNames(el).length === 2, 5000, 'both to show the accounts');
    expect(names(recorded.last)).to.deep.equal(['Acme Sales', 'Acme Workspace']);
    expect(listNames(el).sort()).to.deep.equal(['Acme Sales', 'Acme Workspace']);
    expect((await accountsGets(user)).length).to.equal(1);
    recorded.stop();
  });

  it('a disconnect through the headless API updates the list, one through the list updates the store', async () => {
    const user = uniqueUser();
    const workspace = await seed(user, 'Acme Workspace');
    await seed(user, 'Acme Sales');
    await seed(user, 'Old Workspace');
    const session = sessionFor(user);
    const recorded = record<ListSnapshot<Account>>(accounts(session));
    const el = await list(user);
    await waitFor(() => recorded.last.status === 'success' && listNames(el).length === 3, 5000, 'the accounts');

    // Headless → list, with the elements' events from the target.
    const target = document.createElement('div');
    document.body.append(target);
    const events: string[] = [];
    for (const type of ['pd-disconnect-request', 'pd-disconnect']) target.addEventListener(type, () => events.push(type));
    const account = recorded.last.data?.find((item) => item.id === workspace.id) as Account;
    expect(await disconnect(session, account, { target })).to.equal('disconnected');
    expect(events).to.deep.equal(['pd-disconnect-request', 'pd-disconnect']);
    await waitFor(() => !listNames(el).includes('Acme Workspace'), 5000, 'the list to drop the account');
    await waitFor(() => !names(recorded.last).includes('Acme Workspace'), 5000, 'the store to drop the account');

    // A cancelled request keeps the account: nothing is deleted.
    target.addEventListener('pd-disconnect-request', (event) => event.preventDefault(), { once: true });
    const sales = recorded.last.data?.find((item) => item.name === 'Acme Sales') as Account;
    expect(await disconnect(session, sales, { target })).to.equal('kept');

    // List → headless.
    const done = oneEvent(el, 'pd-disconnect') as Promise<PdDisconnectEvent>;
    part(el, 'disconnect-button', row(el, 'Old Workspace'))?.click();
    await el.updateComplete;
    part(el, 'confirm-button', part(el, 'confirm', row(el, 'Old Workspace')) as HTMLElement)?.click();
    await done;
    await waitFor(() => names(recorded.last).join() === 'Acme Sales', 5000, 'the store to drop the account');
    expect((await requestsFor(user, '/v1/connect/accounts')).filter((entry) => entry.method === 'DELETE').length).to.equal(2);
    target.remove();
    recorded.stop();
  });

  it('connects an account through the headless API: the store and the list show it', async () => {
    const user = uniqueUser();
    const session = sessionFor(user);
    const recorded = record<ListSnapshot<Account>>(accounts(session));
    const el = await list(user);
    await waitFor(() => recorded.last.status === 'success', 5000, 'the empty accounts');
    expect(recorded.last.data).to.deep.equal([]);
    const button = document.createElement('button');
    button.textContent = 'Connect Slack';
    document.body.append(button);
    const success = oneEvent(button, 'pd-connect-success') as Promise<PdConnectSuccessEvent>;
    const flow = connect(session, { app: 'slack', appName: 'Slack', target: button, config: { frontendHost: env.emulatorUrl } });
    await executeServerCommand('frame-click', { urlIncludes: '/_static/connect.html', selector: 'role=button[name="Allow"]' });
    const outcome = await flow;
    expect(outcome?.status).to.equal('connected');
    const { account } = await success;
    expect(account.app?.nameSlug).to.equal('slack');
    await waitFor(() => recorded.last.data?.some((item) => item.id === account.id), 5000, 'the store to show the new account');
    await waitFor(() => listNames(el).length === 1, 5000, 'the list to show the new account');
    // Focus came back to the control that opened the flow.
    expect(document.activeElement === button).to.equal(true);
    button.remove();
    recorded.stop();
  });

  it('connect() sends the scope profile (option over config map) and refuses a map of the wrong kind before opening anything', async () => {
    const user = uniqueUser();
    const session = sessionFor(user);
    const flow = connect(session, {
      app: 'github',
      oauthScopeProfile: 'read_only',
      config: { frontendHost: env.emulatorUrl, oauthScopeProfiles: { github: 'admin' }, appOverrides: { github: 'ao_headless' } },
    });
    const frame = await waitFor(() => document.querySelector<HTMLIFrameElement>('[data-pd-connect-overlay] iframe'), 5000, 'the connect page');
    const params = new URL(frame.src).searchParams;
    expect([params.get('oauthScopeProfile'), params.get('appOverrideId')]).to.deep.equal(['read_only', 'ao_headless']);
    await executeServerCommand('frame-click', { urlIncludes: '/_static/connect.html', selector: 'role=button[name="Allow"]' });
    const outcome = await flow;
    expect(outcome?.status === 'connected' && outcome.account.authorizedScopes).to.deep.equal(['read:user', 'read:org']);

    const refused = await connect(session, { app: 'github', config: { oauthScopeProfiles: ['read_only'] as unknown as Record<string, string> } });
    expect(refused?.status === 'error' && [refused.code, refused.message]).to.deep.equal(['config_invalid', 'oauthScopeProfiles must be an object of app slugs, such as { "slack": … }, not ["read_only"].']);
    expect(document.querySelector('[data-pd-connect-overlay]')).to.equal(null);
  });

  it('runs an action once; a failure without an answer is said as unknown and not retried', async () => {
    const user = uniqueUser();
    const session = sessionFor(user);
    const result = await run(session, { componentKey: 'pipedream_utils-inspect-value', configuredProps: { value: 42 } });
    expect((result.ret as { value?: unknown } | undefined)?.value).to.equal(42);
    expect(String(result.exports?.$summary)).to.contain('42');
    const since = Date.now();
    await admin('/faults', 'POST', { rules: [{ method: 'POST', path: '/v1/connect/actions/run', status: 503, times: 3 }] });
    let failure: unknown;
    try {
      await run(session, { componentKey: 'pipedream_utils-inspect-value', configuredProps: { value: 1 } });
    } catch (error) {
      failure = error;
    }
    expect(isOutcomeUnknown(failure)).to.equal(true);
    // Sent once, although the fault would have answered three tries.
    expect((await requestsSince(since, '/v1/connect/actions/run', 'POST')).length).to.equal(1);
  });

  it('deploys a trigger once; its lists refresh', async () => {
    const user = uniqueUser();
    const session = sessionFor(user);
    const trigger = await deploy(session, { componentKey: 'http-new-requests', configuredProps: {}, webhookUrl: 'https://example.com/hook' });
    expect(typeof trigger.id).to.equal('string');
    expect((await requestsFor(user, '/triggers/deploy')).length).to.equal(1);
    // A refused write is a plain failure (the outcome is known: nothing happened).
    let refusal: unknown;
    try {
      await deploy(session, { componentKey: 'no-such-trigger', configuredProps: {} });
    } catch (error) {
      refusal = error;
    }
    expect(refusal instanceof Error).to.equal(true);
    expect(isOutcomeUnknown(refusal)).to.equal(false);
  });

  it('a failing token endpoint shows in the snapshot as an error, and a refetch recovers', async () => {
    const user = uniqueUser();
    await seed(user, 'Acme Workspace');
    await setTokenMode(user, 'status-500');
    const store = accounts(sessionFor(user));
    const recorded = record<ListSnapshot<Account>>(store);
    await waitFor(() => recorded.last.status === 'error', 5000, 'the error');
    expect(recorded.last.error instanceof TokenError).to.equal(true);
    expect((recorded.last.error as TokenError).code).to.equal('endpoint_status');
    expect(recorded.last.data).to.equal(undefined);
    await setTokenMode(user, 'ok');
    const after = await store.refetch();
    expect(after.status).to.equal('success');
    expect(names(after)).to.deep.equal(['Acme Workspace']);
    recorded.stop();
  });

  it('once the last listener unsubscribes, the store stops asking', async () => {
    const user = uniqueUser();
    await seed(user, 'Acme Workspace');
    const session = sessionFor(user);
    const store = accounts(session, { app: 'slack' });
    const first = record<ListSnapshot<Account>>(store);
    const second = record<ListSnapshot<Account>>(store);
    await waitFor(() => first.last.status === 'success', 5000, 'the accounts');
    // Subscribed: a change elsewhere (invalidation) refetches.
    await session.invalidateAccounts();
    expect((await accountsGets(user)).length).to.equal(2);
    first.stop();
    await session.invalidateAccounts();
    expect((await accountsGets(user)).length).to.equal(3);
    second.stop();
    await session.invalidateAccounts();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await accountsGets(user)).length).to.equal(3);
    // A load in flight is abandoned too: the answer of a slow request reaches nobody.
    await admin('/faults', 'POST', { rules: [{ method: 'GET', path: '/v1/connect/apps/github', latencyMs: 600, times: 1 }] });
    const github = app(session, 'github');
    const heard: Snapshot<unknown>[] = [];
    const stop = github.subscribe((snapshot) => heard.push(snapshot));
    expect(heard.length === 1 && heard[0]?.status === 'loading').to.equal(true);
    stop();
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(heard.length).to.equal(1);
  });

  it('an app, a component and a prop\'s remote options, as stores', async () => {
    const user = uniqueUser();
    const account = await seed(user, 'Acme Workspace');
    const session = sessionFor(user);
    const slack = record(app(session, 'slack'));
    const send = record(component(session, 'slack-send-message'));
    const channels = record(
      remoteOptions(session, { componentKey: 'slack-send-message', propName: 'conversation', configuredProps: { slack: { authProvisionId: account.id } } }),
    );
    await waitFor(() => [slack, send, channels].every((store) => store.last.status !== 'loading'), 5000, 'the stores');
    expect(slack.last.data?.name).to.equal('Slack');
    expect(send.last.data?.key).to.equal('slack-send-message');
    const options = channels.last.data as { options?: unknown[]; stringOptions?: unknown[] } | undefined;
    expect(channels.last.status).to.equal('success');
    expect((options?.options?.length ?? 0) + (options?.stringOptions?.length ?? 0)).to.be.greaterThan(0);
    // A missing component is an error in the snapshot, not an exception.
    const missing = record(component(session, 'no-such-component'));
    await waitFor(() => missing.last.status === 'error', 5000, 'the missing component');
    expect(missing.last.error?.message).to.be.a('string');
    for (const store of [slack, send, channels, missing]) store.stop();
  });
});
