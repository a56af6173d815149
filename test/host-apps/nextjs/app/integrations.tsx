'use client';

import { useState } from 'react';
import { PdAccountList, PdActionForm, PdConnectButton, PdConnectProvider } from 'pd-connect-elements/react';

export interface IntegrationsProps {
  userId: string;
  environment: 'development' | 'production';
  baseUrl?: string;
  frontendHost?: string;
}

/** The elements, through the React wrappers: a client component, rendered on the server and hydrated. */
export function Integrations({ userId, environment, baseUrl, frontendHost }: IntegrationsProps) {
  const [status, setStatus] = useState('Not connected yet.');
  const [result, setResult] = useState<string>();
  return (
    <PdConnectProvider
      externalUserId={userId}
      tokenEndpoint="/api/pipedream/token"
      environment={environment}
      baseUrl={baseUrl}
      frontendHost={frontendHost}
    >
      <section>
        <h2>Connect Slack</h2>
        <PdConnectButton app="slack" onPdConnectSuccess={(event) => setStatus(`Connected: ${event.account.name}`)} />
        <p role="status">{status}</p>
      </section>
      <section>
        <h2>Your accounts</h2>
        <PdAccountList
          app="slack"
          disconnectEndpoint="/api/pipedream/disconnect"
          onPdDisconnect={(event) => setStatus(`Disconnected: ${event.account.name}`)}
        />
      </section>
      <section>
        <h2>Inspect a value</h2>
        <PdActionForm
          componentKey="pipedream_utils-inspect-value"
          onPdRunSuccess={(event) => setResult(String(event.result.exports?.$summary ?? ''))}
        />
        {result ? <p role="status">Result: {result}</p> : null}
      </section>
    </PdConnectProvider>
  );
}
