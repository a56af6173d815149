import { Integrations } from './integrations';

// Rendered per request: the Connect API URL comes from the server's environment at run time.
export const dynamic = 'force-dynamic';

/** A server component: it renders the elements through the client component in ./integrations. */
export default function Page() {
  // Your signed-in user, from your session; the token route derives the same user on the server.
  const userId = 'host-app-user';
  // PIPEDREAM_BASE_URL points at a Connect emulator in tests; unset, the elements talk to Pipedream.
  const baseUrl = process.env.PIPEDREAM_BASE_URL;
  return (
    <main>
      <h1>Integrations</h1>
      <Integrations
        userId={userId}
        environment={process.env.PIPEDREAM_ENVIRONMENT === 'development' ? 'development' : 'production'}
        baseUrl={baseUrl}
        frontendHost={baseUrl ? `${baseUrl}/_static/connect.html` : undefined}
      />
    </main>
  );
}
