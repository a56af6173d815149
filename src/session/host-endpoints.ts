import { ApiError, type ApiErrorReason, outcomeUnknownFor } from './errors.js';
import { postJson } from './early-start.js';

/** How long a host's run or deploy endpoint may take: it runs the user's code. */
export const HOST_EXECUTE_TIMEOUT_MS = 300_000;
/** How long a host's disconnect endpoint may take. */
export const HOST_WRITE_TIMEOUT_MS = 30_000;

/**
 * POSTs one write to the host's own endpoint (`run-endpoint`, `deploy-endpoint`,
 * `disconnect-endpoint`): sent once, never retried, within `timeoutMs`. Resolves to the parsed JSON
 * answer (undefined when there is none). A failure is an `ApiError` whose `outcomeUnknown` says
 * whether the write may have happened anyway (no answer, a timeout, a 5xx, an unreadable 2xx).
 */
export async function postToHost(what: string, endpoint: string, body: unknown, timeoutMs: number): Promise<unknown> {
  const signal = AbortSignal.timeout(timeoutMs);
  const fail = (reason: ApiErrorReason, message: string, status?: number, cause?: unknown) =>
    new ApiError(message, status, { reason, outcomeUnknown: outcomeUnknownFor(reason, status), cause });
  let response: Response;
  try {
    response = await postJson(endpoint, body, signal);
  } catch (error) {
    if (signal.aborted) throw fail('timeout', `The ${what} endpoint did not answer within ${timeoutMs / 1000} s`, undefined, error);
    throw fail('unreachable', `The ${what} endpoint could not be reached`, undefined, error);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (signal.aborted) throw fail('timeout', `The ${what} endpoint did not finish its answer within ${timeoutMs / 1000} s`, response.status, error);
    throw fail('unreachable', `The ${what} endpoint's answer broke off`, response.status, error);
  }
  let parsed: unknown;
  let readable = true;
  if (text.trim()) {
    try {
      parsed = JSON.parse(text);
    } catch {
      readable = false;
    }
  }
  if (!response.ok) {
    const message = parsed && typeof parsed === 'object' && typeof (parsed as { error?: unknown }).error === 'string' ? (parsed as { error: string }).error : undefined;
    throw fail('status', message ?? `The ${what} endpoint answered HTTP ${response.status}`, response.status);
  }
  if (!readable) throw fail('unreadable', `The ${what} endpoint answered something that is not JSON`, response.status);
  return parsed;
}


/** One write's routes, tried in this order: the host's callback, its endpoint, the Connect API. */
export interface WriteRoutes<T> {
  /** The host's own code (`runCallback`, `deployCallback`, `disconnectCallback`). */
  callback?: () => Promise<T>;
  /** The host's endpoint (`run-endpoint`, …) and how to read its answer. */
  endpoint?: { what: string; url: string; body: unknown; timeoutMs: number; read: (answer: unknown) => T };
  /** The Connect API, through the session. */
  api: () => Promise<T>;
}

/** Sends one write (run, deploy, disconnect) through the first route the host set up, exactly once. */
export async function writeThrough<T>(routes: WriteRoutes<T>): Promise<T> {
  if (routes.callback) return routes.callback();
  const { endpoint } = routes;
  if (endpoint) return endpoint.read(await postToHost(endpoint.what, endpoint.url, endpoint.body, endpoint.timeoutMs));
  return routes.api();
}
