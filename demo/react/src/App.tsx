import { useMemo, useState } from 'react';
import type { Account } from 'pd-connect-elements';
import { PdActionForm, PdConnectButton, PdConnectProvider } from 'pd-connect-elements/react';

/** Your app's id for the signed-in user; the token endpoint derives the same user from its own session. */
const EXTERNAL_USER_ID = 'example-user';

export function App() {
  const [account, setAccount] = useState<Account>();
  const [summary, setSummary] = useState<string>();
  // One object per account, so a re-render does not reset what the user typed into the form.
  const configuredProps = useMemo(() => (account ? { openai: { authProvisionId: account.id } } : {}), [account]);

  return (
    <PdConnectProvider
      externalUserId={EXTERNAL_USER_ID}
      tokenEndpoint="/api/connect-token"
      environment="development"
      theme="system"
      // Unset, the elements talk to Pipedream; the example build points them at a Connect emulator.
      baseUrl={import.meta.env.VITE_PD_BASE_URL}
      frontendHost={import.meta.env.VITE_PD_FRONTEND_HOST}
    >
      <main>
        <h1>pd-connect-elements in React</h1>
        <section aria-labelledby="connect-title">
          <h2 id="connect-title">1. Connect your OpenAI account</h2>
          <PdConnectButton app="openai" onPdConnectSuccess={(event) => setAccount(event.account)} />
          <p className={account ? 'status done' : 'status'} role="status">
            {account ? `Connected: ${account.name}` : 'Not connected yet.'}
          </p>
        </section>
        <section aria-labelledby="accounts-title">
          <h2 id="accounts-title">2. Your accounts</h2>
          {/* React 19 renders custom elements as they are; pd-connect-elements/jsx types their attributes and events. */}
          <pd-account-list
            app="openai"
            onpd-disconnect={(event) => {
              if (event.account.id === account?.id) setAccount(undefined);
            }}
          />
        </section>
        {account && (
          <section aria-labelledby="run-title">
            <h2 id="run-title">3. Ask it something</h2>
            <PdActionForm
              componentKey="openai-chat"
              configuredProps={configuredProps}
              onPdRunSuccess={(event) => setSummary(String(event.result.exports?.$summary ?? 'Done'))}
            />
            {summary && (
              <p className="status done" role="status">
                Result: {summary}
              </p>
            )}
          </section>
        )}
      </main>
    </PdConnectProvider>
  );
}
