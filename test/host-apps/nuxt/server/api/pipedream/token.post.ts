import { createTokenHandler } from 'pd-connect-elements/server';

// Credentials and the Connect API URL from runtimeConfig.pipedream (NUXT_PIPEDREAM_* at run time).
const { pipedream } = useRuntimeConfig();
const token = createTokenHandler({
  ...pipedream,
  // Your session decides who is signed in; this app has one user.
  getExternalUserId: () => 'host-app-user',
});

export default defineEventHandler((event) => token(toWebRequest(event)));
