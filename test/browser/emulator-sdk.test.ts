import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { createFrontendClient } from '@pipedream/sdk/browser';

interface Env { emulatorUrl: string; projectId: string }
const env: Env = await (await fetch('/api/env')).json();

let userCount = 0;
const uniqueUser = () => `browser-user-${Date.now()}-${userCount++}`;

async function mintToken(externalUserId: string, extra: Record<string, unknown> = {}) {
  const response = await fetch('/api/connect-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ external_user_id: externalUserId, ...extra }),
  });
  return (await response.json()) as { token: string; expires_at: string; connect_link_url: string };
}

function frontend(externalUserId: string) {
  return createFrontendClient({
    externalUserId,
    baseUrl: env.emulatorUrl,
    tokenCallback: async () => {
      const token = await mintToken(externalUserId);
      return { token: token.token, expiresAt: new Date(token.expires_at), connectLinkUrl: token.connect_link_url };
    },
  });
}

const admin = (path: string, init?: RequestInit) => fetch(`${env.emulatorUrl}/_emulator${path}`, init);

/** Opens the connect page in an iframe and collects the protocol messages it posts. */
async function openConnectPage(params: Record<string, string>) {
  const url = new URL('/_static/connect.html', env.emulatorUrl);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  const iframe = document.createElement('iframe');
  // A unique name lets the test drive exactly this frame, never a lingering earlier one.
  iframe.name = `connect-${Math.random().toString(36).slice(2)}`;
  activeFrameName = iframe.name;
  iframe.style.cssText = 'position:fixed;inset:0;width:100%;height:100%;border:0';
  const messages: { type: string; [key: string]: unknown }[] = [];
  const listener = (event: MessageEvent) => {
    if (event.origin === url.origin && event.source === iframe.contentWindow) messages.push(event.data);
  };
  window.addEventListener('message', listener);
  iframe.src = url.href;
  document.body.append(iframe);
  const waitFor = async (type: string, timeout = 5000) => {
    const started = Date.now();
    while (Date.now() - started < timeout) {
      const found = messages.find((message) => message.type === type);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`no "${type}" message; got ${JSON.stringify(messages)}`);
  };
  const cleanup = () => { window.removeEventListener('message', listener); iframe.remove(); };
  return { iframe, messages, waitFor, cleanup };
}

let activeFrameName = '';
const inFrame = (command: string, selector: string, value?: string) =>
  executeServerCommand(command, { urlIncludes: '/_static/connect.html', name: activeFrameName, selector, value });

describe('the official browser SDK against the emulator, in Chromium', () => {
  afterEach(async () => { await admin('/faults', { method: 'DELETE' }); });

  it('lists and searches apps over CORS with the SDK headers', async () => {
    const client = frontend(uniqueUser());
    const page = await client.apps.list({ q: 'slack', limit: 5 });
    expect(page.data.map((app) => app.nameSlug)).to.include('slack');
    const retrieved = await client.apps.retrieve('github');
    expect(retrieved.data.name).to.equal('GitHub');
  });

  it('connects an OAuth account through /_static/connect.html', async () => {
    const user = uniqueUser();
    const { token } = await mintToken(user);
    const page = await openConnectPage({ token, app: 'slack' });
    try {
      await inFrame('frame-click', 'role=button[name="Allow"]');
      const success = await page.waitFor('success');
      expect(success.authProvisionId).to.match(/^apn_/);
      await page.waitFor('close');
      const client = frontend(user);
      const account = await client.accounts.retrieve(success.authProvisionId as string);
      expect(account.app?.nameSlug).to.equal('slack');
      expect(account.healthy).to.equal(true);
    } finally {
      page.cleanup();
    }
  });

  it('connects a key-based account with the generated credentials form', async () => {
    const user = uniqueUser();
    const { token } = await mintToken(user);
    const page = await openConnectPage({ token, app: 'openai' });
    try {
      await inFrame('frame-fill', 'input[name="api_key"]', 'sk-browser-test-4242');
      await inFrame('frame-click', 'role=button[name="Connect"]');
      const success = await page.waitFor('success');
      const accounts = await frontend(user).accounts.list({});
      expect(accounts.data.map((account) => account.id)).to.deep.equal([success.authProvisionId]);
      expect(accounts.data[0]?.name).to.contain('4242');
    } finally {
      page.cleanup();
    }
  });

  it('reports a used token as an error, and a cancel as a close without success', async () => {
    const user = uniqueUser();
    const { token } = await mintToken(user);
    const first = await openConnectPage({ token, app: 'slack' });
    await inFrame('frame-click', 'role=button[name="Allow"]');
    await first.waitFor('success');
    first.cleanup();

    const reused = await openConnectPage({ token, app: 'slack' });
    try {
      const error = await reused.waitFor('error');
      expect(String(error.error)).to.match(/used|expired|invalid/i);
    } finally {
      reused.cleanup();
    }

    const fresh = await mintToken(user);
    const cancelled = await openConnectPage({ token: fresh.token, app: 'github' });
    try {
      await inFrame('frame-click', '#close');
      await cancelled.waitFor('close');
      expect(cancelled.messages.map((message) => message.type)).to.deep.equal(['close']);
    } finally {
      cancelled.cleanup();
    }
  });

  it('Connect Link: a standalone page that redirects to the success URI', async () => {
    const user = uniqueUser();
    const done = `${location.origin}/api/env?connected=${user}`;
    const { token, connect_link_url } = await mintToken(user, { success_redirect_uri: done });
    expect(connect_link_url).to.contain(token);
    const page = await openConnectPage({ token, app: 'notion', connectLink: 'true' });
    try {
      await inFrame('frame-click', 'role=button[name="Allow"]');
      let urls: string[] = [];
      for (let i = 0; i < 100 && !urls.some((url) => url.startsWith(done)); i++) {
        urls = (await executeServerCommand('frame-urls', {})) as string[];
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(urls.some((url) => url.startsWith(done))).to.equal(true);
      // No protocol messages in Connect Link mode: the redirect is the answer.
      expect(page.messages).to.deep.equal([]);
      const accounts = await frontend(user).accounts.list({});
      expect(accounts.data.map((account) => account.app?.nameSlug)).to.deep.equal(['notion']);
    } finally {
      page.cleanup();
    }
  });

  it('reconnects an unhealthy account in place', async () => {
    const user = uniqueUser();
    const seeded = await (await admin('/accounts', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ external_user_id: user, app: 'github', healthy: false, error: 'token revoked', environment: 'development' }),
    })).json() as { id: string };
    const { token } = await mintToken(user);
    const page = await openConnectPage({ token, app: 'github', accountId: seeded.id });
    try {
      await inFrame('frame-click', 'role=button[name="Allow"]');
      const success = await page.waitFor('success');
      expect(success.authProvisionId).to.equal(seeded.id);
      const account = await frontend(user).accounts.retrieve(seeded.id);
      expect(account.healthy).to.equal(true);
      expect(account.error ?? null).to.equal(null);
    } finally {
      page.cleanup();
    }
  });

  it('shows the injected connect-page error', async () => {
    await admin('/faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ connect_page: 'error' }) });
    const { token } = await mintToken(uniqueUser());
    const page = await openConnectPage({ token, app: 'slack' });
    try {
      const error = await page.waitFor('error');
      expect(String(error.error).length).to.be.greaterThan(0);
    } finally {
      page.cleanup();
    }
  });

  it('configures props, reloads props, runs an action and deploys a trigger', async () => {
    const user = uniqueUser();
    const client = frontend(user);
    const seeded = await (await admin('/accounts', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ external_user_id: user, app: 'slack', name: 'Acme Workspace', environment: 'development' }),
    })).json() as { id: string };
    const slack = { authProvisionId: seeded.id };

    const component = await client.components.retrieve('slack-send-message');
    expect(component.data.configurableProps.map((prop) => prop.name)).to.include('conversation');

    const options = await client.components.configureProp({
      id: 'slack-send-message', externalUserId: user, propName: 'conversation', configuredProps: { slack },
    });
    expect(options.options?.length).to.be.greaterThan(0);

    const reloaded = await client.components.reloadProps({
      id: 'google_sheets-add-single-row', externalUserId: user, configuredProps: {},
    });
    expect(reloaded.dynamicProps?.id).to.be.a('string');

    const run = await client.actions.run({
      id: 'slack-send-message', externalUserId: user,
      configuredProps: { slack, conversation: { __lv: { label: '#general', value: 'C0GENERAL' } }, text: 'Hello from Chromium' },
    });
    expect(JSON.stringify(run.exports)).to.contain('Hello from Chromium');

    const sink = `${location.origin}/api/webhook-sink/${user}`;
    const deployed = await client.triggers.deploy({
      id: 'slack-new-message-in-channels', externalUserId: user, webhookUrl: sink,
      configuredProps: { slack, conversations: ['C0GENERAL'] },
    });
    expect(deployed.data.id).to.match(/^dc_/);
    let events: { body: unknown }[] = [];
    for (let i = 0; i < 100 && !events.length; i++) {
      events = ((await (await fetch(sink)).json()) as { data: { body: unknown }[] }).data;
      if (!events.length) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(events.length).to.be.greaterThan(0);
    const listed = await client.deployedTriggers.list({ externalUserId: user });
    expect(listed.data.map((trigger) => trigger.id)).to.include(deployed.data.id);
    await client.deployedTriggers.delete(deployed.data.id, { externalUserId: user });
    const after = await client.deployedTriggers.list({ externalUserId: user });
    expect(after.data.length).to.equal(0);
  });
});
