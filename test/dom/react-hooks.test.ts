// @vitest-environment jsdom
import { createElement as h, useCallback } from 'react';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.node.js';
import { accounts, disconnect } from '../../src/headless/index.js';
import { type ConnectSession, useAccounts, useApp, useConnectSession } from '../../src/react/index.js';
import type { Account, ConnectTokenResponse } from '../../src/session/types.js';

/**
 * The React hooks of `pd-connect-elements/react`, rendered with react-dom in jsdom against the
 * Connect emulator over HTTP: the token comes from the emulator's server API, as a host's
 * token endpoint would mint it.
 */
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(async () => {
  await emulator?.close();
});

async function adminCall<T>(path: string, method = 'GET', body?: unknown): Promise<T> {
  const response = await fetch(`${emulator.url}/_emulator${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, ...(body ? { body: JSON.stringify(body) } : {}) });
  return (await response.json()) as T;
}

/** A token for the user, minted with the project's credentials like a host's server does. */
async function mintToken(externalUserId: string): Promise<ConnectTokenResponse> {
  const { clientId, clientSecret, projectId } = emulator.emulator;
  const auth = await fetch(`${emulator.url}/v1/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
  });
  const { access_token } = (await auth.json()) as { access_token: string };
  const answer = await fetch(`${emulator.url}/v1/connect/${projectId}/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${access_token}`, 'x-pd-environment': 'development' },
    body: JSON.stringify({ external_user_id: externalUserId }),
  });
  return (await answer.json()) as ConnectTokenResponse;
}

async function accountGets(user: string): Promise<number> {
  const log = await adminCall<{ data: { method: string; path: string; externalUserId?: string }[] }>('/requests?path=/v1/connect/accounts');
  return log.data.filter((entry) => entry.externalUserId === user && entry.method === 'GET').length;
}

async function until(check: () => boolean, what: string): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > 5000) throw new Error(`Timed out waiting for ${what}: ${document.body.textContent}`);
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
  }
}

let counter = 0;
const uniqueUser = () => `react-${Date.now().toString(36)}-${counter++}`;

let shownSession: ConnectSession | undefined;

function Accounts({ user, failToken = false }: { user: string; failToken?: boolean }) {
  const tokenCallback = useCallback(async () => {
    if (failToken) throw new Error('signed out');
    return mintToken(user);
  }, [user, failToken]);
  const session = useConnectSession({ externalUserId: user, tokenCallback, baseUrl: emulator.url });
  shownSession = session;
  const { data, status, error } = useAccounts(session);
  const slack = useApp(session, 'slack');
  return h(
    'section',
    null,
    h('h2', null, slack.data?.name ?? '…'),
    h('p', { id: 'status' }, status),
    error ? h('p', { role: 'alert' }, error.message) : null,
    h('ul', null, (data ?? []).map((account: Account) => h('li', { key: account.id }, account.name))),
  );
}

function mount(element: ReturnType<typeof h>): { root: Root; container: HTMLElement } {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() => root.render(element));
  return { root, container };
}

const items = (container: HTMLElement) => [...container.querySelectorAll('li')].map((item) => item.textContent).sort();

test('useAccounts and useApp render the shared data; a headless store of the same user shares the request and a disconnect updates both', async () => {
  const user = uniqueUser();
  const seeded = await adminCall<{ id: string }>('/accounts', 'POST', { external_user_id: user, app: 'slack', name: 'Acme Workspace', environment: 'development' });
  await adminCall('/accounts', 'POST', { external_user_id: user, app: 'slack', name: 'Acme Sales', environment: 'development' });
  const { root, container } = mount(h(Accounts, { user }));
  await until(() => items(container).length === 2 && container.querySelector('h2')?.textContent === 'Slack', 'the accounts and the app');
  expect(items(container)).toEqual(['Acme Sales', 'Acme Workspace']);
  expect(container.querySelector('#status')?.textContent).toBe('success');

  // Plain headless code on the same page: the same session object, no second request.
  const session = shownSession as ConnectSession;
  const seen: string[][] = [];
  const stop = accounts(session).subscribe((snapshot) => seen.push((snapshot.data ?? []).map((account) => account.name ?? '')));
  expect(seen.at(-1)?.sort()).toEqual(['Acme Sales', 'Acme Workspace']);
  expect(await accountGets(user)).toBe(1);

  // A disconnect through the headless API re-renders the component.
  const account = { id: seeded.id, name: 'Acme Workspace' } as Account;
  await act(async () => {
    expect(await disconnect(session, account)).toBe('disconnected');
  });
  await until(() => items(container).join() === 'Acme Sales', 'the component to drop the account');
  expect(seen.at(-1)).toEqual(['Acme Sales']);
  stop();
  act(() => root.unmount());
  container.remove();
});

test('a failing token callback is an error in the hook\'s snapshot', async () => {
  const user = uniqueUser();
  const { root, container } = mount(h(Accounts, { user, failToken: true }));
  await until(() => container.querySelector('#status')?.textContent === 'error', 'the error');
  expect(container.querySelector('[role="alert"]')?.textContent).toContain('signed out');
  expect(items(container)).toEqual([]);
  act(() => root.unmount());
  container.remove();
});
