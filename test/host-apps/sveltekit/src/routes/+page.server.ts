import { env } from '$env/dynamic/private';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
  // Your signed-in user, from your session; the token endpoint derives the same user.
  userId: 'host-app-user',
  environment: env.PIPEDREAM_ENVIRONMENT === 'development' ? ('development' as const) : ('production' as const),
  // PIPEDREAM_BASE_URL points at a Connect emulator in tests; unset, the elements talk to Pipedream.
  baseUrl: env.PIPEDREAM_BASE_URL,
  frontendHost: env.PIPEDREAM_BASE_URL ? `${env.PIPEDREAM_BASE_URL}/_static/connect.html` : undefined,
});
