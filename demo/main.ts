import { createFrontendClient } from '@pipedream/sdk/browser';

const config = (await (await fetch('/api/config')).json()) as { emulatorUrl: string };
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
byId('emulator-url').textContent = config.emulatorUrl;

async function fetchToken() {
  const response = await fetch('/api/connect-token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (!response.ok) throw new Error(`Token endpoint answered ${response.status}`);
  const body = (await response.json()) as { token: string; expires_at: string; connect_link_url: string };
  return { token: body.token, expiresAt: new Date(body.expires_at), connectLinkUrl: body.connect_link_url };
}

const client = createFrontendClient({ externalUserId: 'demo-user', baseUrl: config.emulatorUrl, tokenCallback: fetchToken });

function item(name: string, meta: string, ...actions: HTMLElement[]): HTMLLIElement {
  const li = document.createElement('li');
  const text = document.createElement('div');
  text.className = 'grow';
  const title = document.createElement('div');
  title.className = 'name';
  title.textContent = name;
  const sub = document.createElement('div');
  sub.className = 'meta';
  sub.textContent = meta;
  text.append(title, sub);
  li.append(text, ...actions);
  return li;
}

function button(label: string, onClick: () => void, secondary = false): HTMLButtonElement {
  const el = document.createElement('button');
  el.type = 'button';
  el.textContent = label;
  if (secondary) el.className = 'secondary';
  el.addEventListener('click', onClick);
  return el;
}

/** Opens the emulator's connect page and accepts messages only from its origin and window. */
async function connect(app: string, accountId?: string) {
  const { token } = await fetchToken();
  const iframe = document.createElement('iframe');
  iframe.className = 'connect';
  iframe.title = 'Connect an account';
  const url = new URL('/_static/connect.html', config.emulatorUrl);
  url.searchParams.set('token', token);
  url.searchParams.set('app', app);
  if (accountId) url.searchParams.set('accountId', accountId);
  iframe.src = url.href;
  const opener = document.activeElement as HTMLElement | null;
  const onMessage = (event: MessageEvent) => {
    if (event.origin !== url.origin || event.source !== iframe.contentWindow) return;
    if (event.data?.type === 'success') void loadAccounts();
    if (event.data?.type === 'close') {
      window.removeEventListener('message', onMessage);
      iframe.remove();
      opener?.focus();
    }
  };
  window.addEventListener('message', onMessage);
  document.body.append(iframe);
  iframe.focus();
}

let searchTimer: ReturnType<typeof setTimeout> | undefined;
async function loadApps(q: string) {
  const status = byId('app-status');
  status.textContent = 'Loading…';
  try {
    const page = await client.apps.list({ q: q || undefined, limit: 20 });
    const list = byId('apps');
    list.replaceChildren(...page.data.map((app) => item(app.name, `${app.authType ?? 'none'} · ${app.categories.join(', ')}`, button('Connect', () => void connect(app.nameSlug)))));
    status.textContent = `${page.response.pageInfo.totalCount ?? page.data.length} apps${q ? ` match “${q}”` : ''}`;
  } catch (error) {
    status.textContent = `Could not load apps: ${(error as Error).message}`;
  }
}

async function loadAccounts() {
  const status = byId('accounts-status');
  try {
    const page = await client.accounts.list({ limit: 50 });
    const list = byId('accounts');
    list.replaceChildren(...page.data.map((account) => {
      const health = account.dead ? 'dead' : account.healthy ? 'healthy' : 'needs reconnect';
      const badge = document.createElement('span');
      badge.className = `badge${health === 'healthy' ? '' : ' bad'}`;
      badge.textContent = health;
      const actions: HTMLElement[] = [badge];
      if (health !== 'healthy') actions.push(button('Reconnect', () => void connect(account.app?.nameSlug ?? '', account.id), true));
      actions.push(button('Disconnect', async () => {
        if (!confirm(`Disconnect ${account.name}?`)) return;
        await client.accounts.delete(account.id);
        await loadAccounts();
      }, true));
      return item(account.name ?? account.id, `${account.app?.name ?? ''} · connected ${account.createdAt?.toLocaleDateString() ?? ''}`, ...actions);
    }));
    status.textContent = page.data.length ? `${page.data.length} connected` : 'No accounts yet: connect one from the app list.';
  } catch (error) {
    status.textContent = `Could not load accounts: ${(error as Error).message}`;
  }
}

byId<HTMLInputElement>('app-search').addEventListener('input', (event) => {
  clearTimeout(searchTimer);
  const q = (event.target as HTMLInputElement).value.trim();
  searchTimer = setTimeout(() => void loadApps(q), 250);
});

byId('run').addEventListener('click', async () => {
  const output = byId('run-result');
  let value: unknown;
  try {
    value = JSON.parse(byId<HTMLTextAreaElement>('run-input').value);
  } catch {
    output.textContent = 'The input is not valid JSON.';
    return;
  }
  output.textContent = 'Running…';
  try {
    const result = await client.actions.run({ id: 'pipedream_utils-inspect-value', externalUserId: 'demo-user', configuredProps: { value } });
    output.textContent = JSON.stringify({ summary: result.exports?.$summary, ret: result.ret, os: result.os }, null, 2);
  } catch (error) {
    output.textContent = `Run failed: ${(error as Error).message}`;
  }
});

void loadApps('');
void loadAccounts();
