/**
 * connect-react's ComponentFormContainer, configured from the query string:
 * `?component=<key>&api=<Connect API base URL>&user=<external user id>`.
 * Tokens come from the page's own token endpoint, `POST /api/connect-token`.
 */
import { createElement as h } from 'react';
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

createRoot(document.getElementById('root')!).render(
  h(FrontendClientProvider, { client }, h(ComponentFormContainer, { componentKey: params.get('component') ?? '', externalUserId })),
);
