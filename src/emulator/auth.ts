import { HttpError, forbidden, notFound, unauthorized } from './http.js';
import type { EmulatorState, StoredToken } from './state.js';

export const ENVIRONMENTS = ['development', 'production'] as const;

/** Who is calling: a Connect token (one external user) or a server OAuth access token. */
export type Caller =
  | { kind: 'connect'; projectId: string; environment: string; externalUserId: string; scope: string; token: StoredToken }
  | { kind: 'server'; projectId: string; environment: string; scope: string };

/**
 * Resolves the bearer token of a request. Connect tokens carry their project, environment and
 * user; server tokens take the environment from `x-pd-environment` and the project from the path.
 */
export function authenticate(
  request: Request,
  state: EmulatorState,
  options: { projectId: string; pathProjectId: string | undefined; now: number },
): Caller {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthorized('Missing or malformed Authorization header: expected "Bearer <token>"');
  const bearer = match[1] as string;

  if (bearer.startsWith('ctok_')) {
    const token = state.tokens.get(bearer);
    if (!token) throw unauthorized('Invalid connect token', 'invalid_token');
    if (token.usedAt !== undefined) throw unauthorized('Connect token has already been used', 'token_used');
    if (token.expiresAt <= options.now) throw unauthorized('Connect token has expired', 'token_expired');
    if (options.pathProjectId !== undefined && options.pathProjectId !== token.projectId) {
      throw notFound(`Project ${options.pathProjectId} not found`);
    }
    return {
      kind: 'connect',
      projectId: token.projectId,
      environment: token.environment,
      externalUserId: token.externalUserId,
      scope: token.scope,
      token,
    };
  }

  const access = state.accessTokens.get(bearer);
  if (!access) throw unauthorized('Invalid access token', 'invalid_token');
  if (access.expiresAt <= options.now) throw unauthorized('Access token has expired', 'token_expired');
  if (options.pathProjectId === undefined) {
    throw new HttpError(400, 'This request needs a project id in the path: /v1/connect/{project_id}/…', 'project_required');
  }
  if (options.pathProjectId !== options.projectId) throw notFound(`Project ${options.pathProjectId} not found`);
  const environment = request.headers.get('x-pd-environment') ?? 'production';
  if (!(ENVIRONMENTS as readonly string[]).includes(environment)) {
    throw new HttpError(400, 'x-pd-environment must be "development" or "production"', 'bad_request');
  }
  return { kind: 'server', projectId: options.projectId, environment, scope: access.scope };
}

/**
 * Scope check with Pipedream's wildcard form: `*`, `connect:*`, `connect:actions:*`, or an exact
 * scope such as `connect:accounts:read`.
 */
export function hasScope(granted: string, required: string): boolean {
  return granted
    .split(/\s+/)
    .filter(Boolean)
    .some((scope) => scope === required || (scope.endsWith('*') && required.startsWith(scope.slice(0, -1))));
}

export function requireScope(caller: Caller, ...anyOf: string[]): void {
  if (!anyOf.some((scope) => hasScope(caller.scope, scope))) {
    throw forbidden(`Token scope does not allow this request (needs ${anyOf.join(' or ')})`, 'insufficient_scope');
  }
}

export function requireServer(caller: Caller): asserts caller is Extract<Caller, { kind: 'server' }> {
  if (caller.kind !== 'server') throw forbidden('This endpoint needs server authentication (an OAuth access token), not a Connect token');
}

/** The external user a request acts for; a Connect token may only act for its own user. */
export function actingUser(caller: Caller, requested: string | undefined | null, required = true): string | undefined {
  if (caller.kind === 'connect') {
    if (requested && requested !== caller.externalUserId) {
      throw forbidden('external_user_id does not match the Connect token');
    }
    return caller.externalUserId;
  }
  if (!requested && required) throw new HttpError(400, 'external_user_id is required', 'bad_request');
  return requested ?? undefined;
}
