import { PdAccountList, PdActionForm, PdConnectButton, PdConnectProvider } from 'pd-connect-elements/react';

export const dynamic = 'force-dynamic';

/** A server component that renders the React wrappers itself (no client component of its own). */
export default function Page() {
  const baseUrl = process.env.PIPEDREAM_BASE_URL;
  return (
    <main>
      <h1>Integrations</h1>
      <PdConnectProvider
        externalUserId="host-app-user"
        tokenEndpoint="/api/pipedream/token"
        environment={process.env.PIPEDREAM_ENVIRONMENT === 'development' ? 'development' : 'production'}
        baseUrl={baseUrl}
        frontendHost={baseUrl ? `${baseUrl}/_static/connect.html` : undefined}
      >
        <PdConnectButton app="slack" />
        <PdAccountList app="slack" disconnectEndpoint="/api/pipedream/disconnect" />
        <PdActionForm componentKey="pipedream_utils-inspect-value" />
      </PdConnectProvider>
    </main>
  );
}
