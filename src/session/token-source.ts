import { TokenError } from './errors.js';
import { postJson, takeEarlyToken } from './early-start.js';
import { signalNetworkBack } from './network-back.js';
import type { ConnectTokenResponse, TokenCallback } from './types.js';

export interface ConnectToken {
  token: string;
  expiresAt: Date;
  connectLinkUrl?: string;
}

/**
 * Refresh this long before `expires_at`, so no request goes out with a token about to lapse;
 * short-lived tokens get a quarter of their lifetime instead, so they are still reused.
 */
const REFRESH_MARGIN_MS = 60_000;
const marginFor = (token: ConnectToken, issuedAt: number) =>
  Math.min(REFRESH_MARGIN_MS, Math.max(0, (token.expiresAt.getTime() - issuedAt) / 4));
/** A token endpoint that gives no expiry is trusted for this long. */
const UNKNOWN_EXPIRY_MS = 5 * 60_000;

/** Checks and normalises whatever a token endpoint or callback answered. */
export function normalizeToken(raw: unknown, now = Date.now()): ConnectToken {
  if (typeof raw === 'string') {
    if (!raw.trim()) throw new TokenError('invalid_response', 'The token is an empty string');
    return { token: raw, expiresAt: new Date(now + UNKNOWN_EXPIRY_MS) };
  }
  if (!raw || typeof raw !== 'object') throw new TokenError('invalid_response', 'The token answer is not a JSON object');
  const body = raw as ConnectTokenResponse;
  if (typeof body.token !== 'string' || !body.token) throw new TokenError('invalid_response', 'The token answer has no "token" string');
  const rawExpiry = body.expires_at ?? body.expiresAt;
  let expiresAt = new Date(now + UNKNOWN_EXPIRY_MS);
  if (rawExpiry !== undefined) {
    expiresAt = rawExpiry instanceof Date ? rawExpiry : new Date(rawExpiry);
    if (Number.isNaN(expiresAt.getTime())) throw new TokenError('invalid_response', `The token answer has an unreadable expires_at: ${String(rawExpiry)}`);
    if (expiresAt.getTime() <= now) throw new TokenError('expired', 'The token answer is already expired');
  }
  const connectLinkUrl = body.connect_link_url ?? body.connectLinkUrl;
  return { token: body.token, expiresAt, ...(connectLinkUrl ? { connectLinkUrl } : {}) };
}

/** `work`, or the abort reason once `signal` aborts first. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(signal.reason);
    if (signal.aborted) return stop();
    signal.addEventListener('abort', stop, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

/** How long a token endpoint or callback may take before the element gives up and offers Retry. */
export const DEFAULT_TOKEN_TIMEOUT_MS = 15_000;

const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** Fetches a token from a host's endpoint: POST `{"external_user_id": …}`, JSON answer, within `timeoutMs`. */
export function endpointFetcher(endpoint: string, externalUserId: string, timeoutMs = DEFAULT_TOKEN_TIMEOUT_MS): () => Promise<ConnectToken> {
  return async () => {
    // One deadline for the whole answer: a server that sends headers and then stalls counts too.
    const signal = AbortSignal.timeout(timeoutMs);
    const timedOut = (cause: unknown) =>
      new TokenError('endpoint_unreachable', `The token endpoint ${endpoint} did not answer within ${seconds(timeoutMs)} s`, undefined, {
        cause,
        explanation: { key: 'problem.tokenTimeout', params: { seconds: seconds(timeoutMs) } },
      });
    let response: Response;
    try {
      // The CDN files may have asked already, while the rest of the library was on its way.
      const answer = takeEarlyToken(endpoint, externalUserId) ?? postJson(endpoint, { external_user_id: externalUserId }, signal);
      response = await untilAborted(answer, signal);
    } catch (error) {
      if (signal.aborted) throw timedOut(error);
      throw new TokenError('endpoint_unreachable', `The token endpoint ${endpoint} could not be reached`, undefined, {
        cause: error,
        explanation: { key: 'problem.tokenUnreachable', params: { endpoint } },
      });
    }
    if (!response.ok) {
      throw new TokenError('endpoint_status', `The token endpoint ${endpoint} answered HTTP ${response.status}`, response.status, {
        explanation: { key: 'problem.tokenStatus', params: { endpoint, status: response.status } },
      });
    }
    let body: unknown;
    try {
      body = await untilAborted(response.json(), signal);
    } catch (error) {
      if (signal.aborted) throw timedOut(error);
      throw new TokenError('invalid_response', 'The token endpoint did not answer JSON', response.status, { cause: error });
    }
    return normalizeToken(body);
  };
}

export function callbackFetcher(callback: TokenCallback, externalUserId: string, timeoutMs = DEFAULT_TOKEN_TIMEOUT_MS): () => Promise<ConnectToken> {
  return async () => {
    let answer: unknown;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new TokenError('callback_failed', `The token callback did not settle within ${seconds(timeoutMs)} s`, undefined, {
              explanation: { key: 'problem.tokenCallbackTimeout', params: { seconds: seconds(timeoutMs) } },
            }),
          ),
        timeoutMs,
      );
    });
    try {
      answer = await Promise.race([Promise.resolve().then(() => callback({ externalUserId })), deadline]);
    } catch (error) {
      if (error instanceof TokenError) throw error;
      const detail = error instanceof Error ? error.message : String(error);
      throw new TokenError('callback_failed', `The token callback failed: ${detail}`, undefined, {
        cause: error,
        explanation: { key: 'problem.tokenCallbackFailed', params: { detail } },
      });
    } finally {
      clearTimeout(timer);
    }
    return normalizeToken(answer);
  };
}

export function staticFetcher(token: ConnectTokenResponse | string): () => Promise<ConnectToken> {
  return async () => normalizeToken(token);
}

/**
 * Hands out Connect tokens: one cached token for API calls (refreshed a minute before expiry,
 * one request in flight, failures not cached), and fresh single-use tokens for connect flows.
 */
export class TokenSource {
  private current?: ConnectToken & { refreshAt: number };
  private inFlight?: Promise<ConnectToken>;
  private prefetched?: Promise<ConnectToken>;
  /** The last token request failed. */
  private failing = false;
  /** Token requests made so far (tests and diagnostics). */
  requests = 0;
  /** The API token handed out last: the one a 401 refers to. */
  lastIssued?: string;

  constructor(private readonly fetchToken: () => Promise<ConnectToken>, private readonly now: () => number = Date.now) {}

  /** A valid token for API calls. */
  async get(): Promise<string> {
    if (this.current && this.current.refreshAt > this.now()) return (this.lastIssued = this.current.token);
    const issuedAt = this.now();
    this.inFlight ??= this.request().then(
      (token) => {
        this.current = { ...token, refreshAt: token.expiresAt.getTime() - marginFor(token, issuedAt) };
        this.inFlight = undefined;
        return token;
      },
      (error: unknown) => {
        this.inFlight = undefined;
        throw error;
      },
    );
    return (this.lastIssued = (await this.inFlight).token);
  }

  /** Forgets a token the API refused, so the next call fetches a new one. */
  invalidate(token?: string): void {
    if (!token || this.current?.token === token) this.current = undefined;
  }

  /** Starts fetching the next connect token ahead of a click (hover, focus). */
  prefetchForConnect(): void {
    if (this.prefetched) return;
    const pending = this.request();
    pending.catch(() => {
      if (this.prefetched === pending) this.prefetched = undefined;
    });
    this.prefetched = pending;
  }

  /** A token nobody else has used: connecting consumes it. */
  async forConnect(): Promise<ConnectToken> {
    const pending = this.prefetched;
    this.prefetched = undefined;
    if (pending) {
      try {
        const token = await pending;
        if (token.expiresAt.getTime() - REFRESH_MARGIN_MS / 4 > this.now()) return token;
      } catch {
        // A failed prefetch is not cached: ask again below.
      }
    }
    const token = await this.request();
    // The API token may be the same one (static tokens): it is spent once the flow connects.
    if (this.current?.token === token.token) this.current = undefined;
    return token;
  }

  private request(): Promise<ConnectToken> {
    this.requests++;
    const pending = this.fetchToken();
    pending.then(
      () => {
        // The first token after a failed one: elements that failed for want of it load again.
        if (!this.failing) return;
        this.failing = false;
        signalNetworkBack();
      },
      () => {
        this.failing = true;
      },
    );
    return pending;
  }
}
