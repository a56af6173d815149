// Imported on the server: safe, but a server component's imports never reach the browser, so
// <RegisterElements> (a client component) imports the package again to define the elements there.
import 'pd-connect-elements';
import { RegisterElements } from './register-elements';

export const dynamic = 'force-dynamic';

/** A server component that renders the <pd-*> tags itself, with React 19's custom-element support. */
export default function Page() {
  const baseUrl = process.env.PIPEDREAM_BASE_URL;
  return (
    <main>
      <h1>Integrations</h1>
      <RegisterElements />
      <pd-connect-provider
        external-user-id="host-app-user"
        token-endpoint="/api/pipedream/token"
        environment={process.env.PIPEDREAM_ENVIRONMENT === 'development' ? 'development' : 'production'}
        base-url={baseUrl}
        frontend-host={baseUrl ? `${baseUrl}/_static/connect.html` : undefined}
      >
        <pd-connect-button app="slack" />
        <pd-account-list app="slack" disconnect-endpoint="/api/pipedream/disconnect" />
        <pd-action-form component-key="pipedream_utils-inspect-value" />
      </pd-connect-provider>
    </main>
  );
}
