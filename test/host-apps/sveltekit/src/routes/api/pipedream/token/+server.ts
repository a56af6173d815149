import { env } from '$env/dynamic/private';
import { createTokenHandler } from 'pd-connect-elements/server';
import type { RequestHandler } from './$types';

// Created per request, so it reads $env/dynamic/private (and your session in locals) at run time.
export const POST: RequestHandler = ({ request }) =>
  createTokenHandler({
    clientId: env.PIPEDREAM_CLIENT_ID,
    clientSecret: env.PIPEDREAM_CLIENT_SECRET,
    projectId: env.PIPEDREAM_PROJECT_ID,
    environment: env.PIPEDREAM_ENVIRONMENT,
    // A Connect emulator in tests; unset, Pipedream.
    baseUrl: env.PIPEDREAM_BASE_URL,
    // Your session decides who is signed in (e.g. locals.user.id); this app has one user.
    getExternalUserId: () => 'host-app-user',
  })(request);
