import { type ConnectConfig, isHttpUrl, mergeConfig, pageConfig } from '../session/config.js';
import { TokenError } from '../session/errors.js';
import { type ConnectSession, getSession, missingConfig, sessionConfig } from '../session/session.js';

export type { ConnectSession };

/**
 * The session for a config: the very object every `pd-*` element with the same user, token
 * source, environment and base URL uses, so they share one token, one cache and one request for
 * the same data. Fields left out come from `configure()`'s page-wide defaults, as for elements.
 * Throws a `TokenError` (`missing_config`) without a user or a token source, and a `TypeError`
 * for a `baseUrl` that is not an http(s) URL.
 */
export function connectSession(config: ConnectConfig = {}): ConnectSession {
  const resolved = mergeConfig(config, pageConfig());
  if (missingConfig(resolved)) {
    throw new TokenError('missing_config', resolved.externalUserId ? 'No token source: set tokenEndpoint, tokenCallback or token' : 'No externalUserId');
  }
  if (resolved.baseUrl && !isHttpUrl(resolved.baseUrl)) throw new TypeError(`baseUrl is not an http(s) URL: ${resolved.baseUrl}`);
  return getSession(sessionConfig(resolved));
}
