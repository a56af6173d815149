/** CORS for the API: preflights, the headers on every answer, and Connect tokens' allowed origins. */
import { HttpError } from './http.js';
import type { StoredToken } from './state.js';

/** Request headers the SDK sends; any other `x-fern-*` header a preflight asks for is allowed too. */
const SDK_HEADERS = [
  'authorization', 'content-type', 'x-pd-environment', 'x-fern-language', 'x-fern-sdk-name',
  'x-fern-sdk-version', 'x-fern-runtime', 'x-fern-runtime-version',
];

/** Answers an `OPTIONS` preflight for the API. */
export function preflight(request: Request): Response {
  const origin = request.headers.get('origin');
  const requested = (request.headers.get('access-control-request-headers') ?? '')
    .split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
  const allowed = [...new Set([...SDK_HEADERS, ...requested.filter((h) => h.startsWith('x-fern-'))])];
  return new Response(null, {
    status: 204,
    headers: {
      ...(origin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {}),
      'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
      'access-control-allow-headers': allowed.join(', '),
      'access-control-max-age': '600',
    },
  });
}

/** The answer, readable by `origin` (when the request came from one), with the rate-limit headers exposed. */
export function withCors(response: Response, origin: string | null): Response {
  if (!origin) return response;
  const headers = new Headers(response.headers);
  headers.set('access-control-allow-origin', origin);
  headers.set('access-control-expose-headers', 'retry-after, x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset');
  headers.append('vary', 'Origin');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** Browser requests with a Connect token must come from one of the token's allowed origins. */
export function checkOrigin(token: StoredToken, origin: string | null, ownOrigin: string): void {
  if (!origin || origin === ownOrigin) return;
  if (!token.allowedOrigins.includes(origin)) {
    throw new HttpError(403, `Origin ${origin} is not in the Connect token's allowed_origins`, 'origin_not_allowed');
  }
}
