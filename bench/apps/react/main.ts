/**
 * connect-react's ComponentFormContainer, configured from the query string:
 * `?component=<key>&api=<Connect API base URL>&user=<external user id>`.
 * Tokens come from the page's own token endpoint, `POST /api/connect-token`.
 */
import { createElement as h, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { ComponentFormContainer, FrontendClientProvider } from '@pipedream/connect-react';
import { createFrontendClient } from '@pipedream/sdk/browser';

const params = new URLSearchParams(location.search);
const externalUserId = params.get('user') ?? 'bench-user';
const client = createFrontendClient({
  baseUrl: params.get('api') ?? undefined,
  frontendHost: params.get('frontend') ?? undefined,
  projectEnvironment: 'development',
  externalUserId,
  tokenCallback: async () => {
    const response = await fetch('/api/connect-token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ external_user_id: externalUserId }),
    });
    const body = (await response.json()) as { token: string; expires_at: string; connect_link_url: string };
    return { token: body.token, expiresAt: new Date(body.expires_at), connectLinkUrl: body.connect_link_url };
  },
});

const componentKey = params.get('component') ?? '';

/**
 * For the mount cycles (bench/probe.js `mountCycles`): another form of the same component under
 * the same provider, rendered into a container of its own (a portal), which finds the definition
 * in the provider's query cache. `flushSync` commits each change at once.
 */
let setExtra: (container: HTMLElement | null) => void = () => undefined;
function App() {
  const [extra, set] = useState<HTMLElement | null>(null);
  setExtra = set;
  return h(
    FrontendClientProvider,
    { client },
    h(ComponentFormContainer, { componentKey, externalUserId }),
    extra ? createPortal(h(ComponentFormContainer, { componentKey, externalUserId }), extra) : null,
  );
}
(window as unknown as { __benchMountForm(): unknown }).__benchMountForm = () => {
  const container = document.createElement('div');
  document.body.append(container);
  flushSync(() => setExtra(container));
  return {
    scope: () => container,
    shown: () => container.querySelector('form') !== null,
    unmount: () => {
      flushSync(() => setExtra(null));
      container.remove();
    },
  };
};

createRoot(document.getElementById('root')!).render(h(App));
