/**
 * <pd-action-form> imported from the package, configured from the query string:
 * `?component=<key>&api=<Connect API base URL>&user=<external user id>`.
 * Tokens come from the page's own token endpoint, `POST /api/connect-token`.
 */
import 'pd-connect-elements/pd-connect-provider.js';
import 'pd-connect-elements/pd-action-form.js';

const params = new URLSearchParams(location.search);
const provider = document.createElement('pd-connect-provider');
provider.setAttribute('external-user-id', params.get('user') ?? 'bench-user');
provider.setAttribute('token-endpoint', '/api/connect-token');
provider.setAttribute('environment', 'development');
if (params.get('api')) provider.setAttribute('base-url', params.get('api')!);
if (params.get('frontend')) provider.setAttribute('frontend-host', params.get('frontend')!);
const form = document.createElement('pd-action-form');
form.setAttribute('component-key', params.get('component') ?? '');
provider.append(form);
document.body.append(provider);

/**
 * For the mount cycles (bench/probe.js `mountCycles`): another form of the same component in the
 * same provider, which finds the definition already loaded.
 */
(window as unknown as { __benchMountForm(): unknown }).__benchMountForm = () => {
  const extra = document.createElement('pd-action-form');
  extra.setAttribute('component-key', params.get('component') ?? '');
  provider.append(extra);
  return { scope: () => extra.shadowRoot, shown: () => extra.matches(':state(ready)'), unmount: () => extra.remove() };
};
