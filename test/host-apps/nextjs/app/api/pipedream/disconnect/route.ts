import { createDisconnectHandler } from 'pd-connect-elements/server';

// Deletes only the signed-in user's accounts, for <pd-account-list disconnect-endpoint>.
export const POST = createDisconnectHandler({
  baseUrl: process.env.PIPEDREAM_BASE_URL,
  getExternalUserId: () => 'host-app-user',
});
