/** Why a Connect token could not be had. */
export type TokenErrorCode = 'missing_config' | 'endpoint_unreachable' | 'endpoint_status' | 'invalid_response' | 'expired' | 'callback_failed';

export class TokenError extends Error {
  override readonly name = 'TokenError';
  constructor(readonly code: TokenErrorCode, message: string, readonly status?: number, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** An API call that failed; `status` is the HTTP status when there was one. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(message: string, readonly status?: number, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A readable one-line message for any error an element shows. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
