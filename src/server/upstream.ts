import { PipedreamClient } from '@pipedream/sdk/server';
import type { ResolvedConnection } from './config.js';

/** The OAuth token request itself failed: the only failure that can mean wrong client credentials. */
export class AccessTokenError extends Error {
  constructor(cause: unknown) {
    super('Could not get a Pipedream access token', { cause });
  }
}

/** The HTTP status of an SDK error, if it has one. */
export function statusOf(error: unknown): number | undefined {
  const code = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

/**
 * The server client plus its OAuth access token. The SDK's own token provider keeps a token
 * until it expires, even one Pipedream no longer accepts (revoked, or an emulator that
 * restarted), and offers no way to drop it; this one is dropped on a 401 and fetched again.
 */
export class Upstream {
  readonly client: PipedreamClient;
  readonly #connection: ResolvedConnection;
  #token: string | undefined;
  #expiresAt = 0;
  #pending: Promise<string> | undefined;

  constructor(connection: ResolvedConnection) {
    this.#connection = connection;
    this.client = new PipedreamClient({
      projectId: connection.projectId,
      projectEnvironment: connection.environment,
      ...(connection.baseUrl ? { baseUrl: connection.baseUrl } : {}),
      tokenProvider: { getToken: () => this.accessToken() },
    });
  }

  /** The cached access token, or a new one (one request at a time, however many callers wait). */
  accessToken(): Promise<string> {
    if (this.#token && Date.now() < this.#expiresAt) return Promise.resolve(this.#token);
    this.#pending ??= this.#fetchToken().finally(() => {
      this.#pending = undefined;
    });
    return this.#pending;
  }

  async #fetchToken(): Promise<string> {
    const { clientId, clientSecret } = this.#connection;
    let answer: { accessToken: string; expiresIn: number };
    try {
      // The token endpoint needs no bearer token, so this never calls back into accessToken().
      answer = await this.client.oauthTokens.create({ clientId, clientSecret });
    } catch (error) {
      throw new AccessTokenError(error);
    }
    const lifetime = answer.expiresIn * 1000;
    // Renewed a little early, so a token never expires on its way to Pipedream.
    this.#expiresAt = Date.now() + lifetime - Math.min(120_000, lifetime / 2);
    this.#token = answer.accessToken;
    return answer.accessToken;
  }

  /**
   * Runs one API call; on a 401 it fetches a new access token once and calls again. A 401 means
   * Pipedream refused the call before acting on it, so the retry is safe for writes too.
   */
  async call<T>(request: (client: PipedreamClient) => Promise<T>): Promise<T> {
    const token = await this.accessToken();
    try {
      return await request(this.client);
    } catch (error) {
      if (statusOf(error) !== 401) throw error;
      // Only the token that failed is dropped: a concurrent call may already have replaced it.
      if (this.#token === token) this.#token = undefined;
      return request(this.client);
    }
  }
}

const upstreams = new Map<string, Upstream>();
const MAX_UPSTREAMS = 16;

/**
 * The shared client for a connection, so handlers created per request (as SvelteKit, Workers and
 * per-request session lookups need) still reuse one access token.
 */
export function upstreamFor(connection: ResolvedConnection): Upstream {
  const key = JSON.stringify([connection.clientId, connection.clientSecret, connection.projectId, connection.environment, connection.baseUrl ?? '']);
  let upstream = upstreams.get(key);
  if (!upstream) {
    upstream = new Upstream(connection);
    // A host with many configurations keeps only the recent ones.
    if (upstreams.size >= MAX_UPSTREAMS) upstreams.delete(upstreams.keys().next().value as string);
    upstreams.set(key, upstream);
  }
  return upstream;
}
