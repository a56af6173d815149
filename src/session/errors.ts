import type { StringKey, Translate } from '../i18n/index.js';

/**
 * Why a Connect token could not be had:
 * - `missing_config`: no token source is set.
 * - `endpoint_unreachable`: the token endpoint could not be reached or did not answer in time.
 * - `endpoint_status`: the token endpoint answered an HTTP error.
 * - `invalid_response`: the answer is not a token.
 * - `expired`: the answered token has already expired.
 * - `callback_failed`: the token callback threw, rejected or did not settle in time.
 * - `wrong_user`: the token belongs to another user than the element asked for, or the API
 *   refused it for this user's data (HTTP 403).
 */
export type TokenErrorCode = 'missing_config' | 'endpoint_unreachable' | 'endpoint_status' | 'invalid_response' | 'expired' | 'callback_failed' | 'wrong_user';

/** A message key with its parameters: how an error is shown in the user's language. */
export interface Explanation {
  key: StringKey;
  params?: Record<string, string | number>;
}

export class TokenError extends Error {
  override readonly name = 'TokenError';
  constructor(
    readonly code: TokenErrorCode,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown; explanation?: Explanation },
  ) {
    super(message, options);
    this.explanation = options?.explanation;
  }
  readonly explanation?: Explanation;
}

/**
 * What went wrong with an API call:
 * - `unreachable`: no answer (offline, DNS, CORS, the connection dropped);
 * - `timeout`: no answer in time;
 * - `status`: an HTTP error status;
 * - `unreadable`: an answer that is not what the API sends (empty, not JSON, wrong shape).
 */
export type ApiErrorReason = 'unreachable' | 'timeout' | 'status' | 'unreadable';

/** An API call that failed; `status` is the HTTP status when there was one. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly reason: ApiErrorReason;
  /**
   * Set on a write (run, deploy, delete) whose outcome cannot be known: it may have happened on
   * the server although no good answer came back (a timeout, a dropped connection, a 5xx).
   */
  readonly outcomeUnknown: boolean;
  constructor(message: string, readonly status?: number, options?: { cause?: unknown; reason?: ApiErrorReason; outcomeUnknown?: boolean }) {
    super(message, options);
    this.reason = options?.reason ?? (status === undefined ? 'unreachable' : 'status');
    this.outcomeUnknown = options?.outcomeUnknown ?? false;
  }
}

/**
 * Whether a failed write may still have happened: nothing (or nothing readable) came back, the
 * server timed out (408), or it failed after accepting the request (5xx). Other 4xx are refusals.
 */
export function outcomeUnknownFor(reason: ApiErrorReason, status?: number): boolean {
  if (reason !== 'status') return true;
  return status === 408 || (status !== undefined && status >= 500);
}

/**
 * Whether a failed write may have happened: an `ApiError` that says so, or any error with
 * `outcomeUnknown: true` — which a host's `runCallback`, `deployCallback` or `disconnectCallback`
 * may throw to have the element say "unknown" rather than "failed".
 */
export function isOutcomeUnknown(error: unknown): boolean {
  return (error as { outcomeUnknown?: unknown } | null)?.outcomeUnknown === true;
}

const API_KEYS: Record<ApiErrorReason, StringKey> = {
  unreachable: 'problem.unreachable',
  timeout: 'problem.timeout',
  status: 'problem.status',
  unreadable: 'problem.unreadable',
};

/**
 * A lazy chunk of the elements' code that did not download, as Chromium, Firefox and Safari word
 * it (directly, or as the cause of an error of ours).
 */
function isCodeLoadError(error: unknown): boolean {
  const test = (candidate: unknown) =>
    candidate instanceof TypeError && /dynamically imported module|importing a module script failed/i.test(candidate.message);
  return test(error) || (error instanceof Error && test(error.cause));
}

/**
 * A readable one-line message for any error an element shows; with `t`, in the user's language
 * where the error is one of ours (the API's own error text stays as the API wrote it).
 */
export function describeError(error: unknown, t?: Translate): string {
  // A browser may keep a chunk that failed with an HTTP error failed until the page reloads: say so.
  if (t && isCodeLoadError(error)) return t('problem.code');
  if (t && error instanceof TokenError && error.explanation) return t(error.explanation.key, error.explanation.params);
  if (t && error instanceof ApiError && error.reason !== 'status') return t(API_KEYS[error.reason]);
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The `pd-error` code for a failed load: token problems are named as such, anything else as `fallback`. */
export function errorCode(error: unknown, fallback: string): string {
  return error instanceof TokenError ? 'token_failed' : fallback;
}
