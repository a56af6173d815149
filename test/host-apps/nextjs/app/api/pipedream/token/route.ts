import { createTokenHandler } from 'pd-connect-elements/server';

// Credentials come from PIPEDREAM_CLIENT_ID, PIPEDREAM_CLIENT_SECRET, PIPEDREAM_PROJECT_ID and
// PIPEDREAM_ENVIRONMENT; PIPEDREAM_BASE_URL points at a Connect emulator in tests (unset: Pipedream).
export const POST = createTokenHandler({
  baseUrl: process.env.PIPEDREAM_BASE_URL,
  // Your session decides who is signed in; this app has one user.
  getExternalUserId: () => 'host-app-user',
});
